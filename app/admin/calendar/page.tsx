import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { CalendarDayForm } from "@/components/admin/calendar-day-form";
import { removeCalendarDayAction, setCalendarDayAction } from "./actions";
import { CalendarDaysTable } from "@/components/admin/calendar-days-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { isIsoDate, toIsoDate } from "@/lib/calendar/working-days";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isCalendarYear } from "@/server/calendar/calendar-day-input";
import { listCalendarDays } from "@/server/calendar/list-calendar-days";
import { isErrorCode } from "@/server/errors";

type TProps = { searchParams: Promise<TSearchParams> };

const ZDate = z.string().refine(isIsoDate);
const searchFields = {
  year: z.string().regex(/^\d{4}$/).transform(Number).refine(isCalendarYear),
  saved: ZDate,
  removed: ZDate,
  edit: ZDate,
  error: z.string(),
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminCalendar"))("title") };
}

/** /admin/calendar?year=YYYY — one year's holidays and make-up working days, and the form to add or change one. */
export default async function AdminCalendarPage({ searchParams }: TProps) {
  const query = readSearchParams(await searchParams, searchFields);
  const actor = await requireActor({ page: "/admin/calendar", returnTo: query.year ? `/admin/calendar?year=${query.year}` : "/admin/calendar" });
  // The current year in Beijing time, as deadlines are; also for a year that is missing or not one an admin may edit.
  const year = query.year ?? Number(toIsoDate(new Date()).slice(0, 4));
  const result = await listCalendarDays({ db: getDb(), actor, year });
  if (!result.ok) notFound();

  const t = await getTranslations("adminCalendar");
  const te = await getTranslations("errors");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const { saved, removed, error } = query;
  const editing = result.days.find((day) => day.date === query.edit);

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      {isErrorCode(error) ? <ErrorSummary id="remove-error-title" title={t("errorTitle")} errors={[{ href: "#days", text: te(error) }]} /> : null}
      {saved ? <Notice tone="success" title={t("savedTitle", { date: formatDate(saved, locale) })} /> : null}
      {removed ? <Notice tone="success" title={t("removedTitle", { date: formatDate(removed, locale) })} /> : null}
      <PageHeading caption={ta("title")}>{t("heading", { year })}</PageHeading>

      <nav aria-label={t("yearNav")} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {year > CALENDAR_FIRST_YEAR ? (
            <li>
              <Link href={`/admin/calendar?year=${year - 1}`}>{t("previousYear", { year: year - 1 })}</Link>
            </li>
          ) : null}
          {year < CALENDAR_LAST_YEAR ? (
            <li>
              <Link href={`/admin/calendar?year=${year + 1}`}>{t("nextYear", { year: year + 1 })}</Link>
            </li>
          ) : null}
        </ul>
        {result.years.length > 0 ? (
          <p className="mt-2">
            {t("yearsWithDays")}{" "}
            {result.years.map((other, index) => (
              <span key={other}>
                {index > 0 ? " · " : null}
                {other === year ? (
                  <strong aria-current="page">{other}</strong>
                ) : (
                  <Link href={`/admin/calendar?year=${other}`}>{other}</Link>
                )}
              </span>
            ))}
          </p>
        ) : null}
      </nav>

      <p className="mb-3 max-w-3xl">{t("lead")}</p>
      <p className="mb-8 max-w-3xl font-semibold">{t("promisedDueDates")}</p>

      <section aria-labelledby="day-form-title">
        <h2 id="day-form-title" className="mb-2 text-2xl font-bold">
          {t("formTitle")}
        </h2>
        <p className="mb-4 text-muted">{t("formHint")}</p>
        <NextIntlClientProvider messages={{ adminCalendar: messages.adminCalendar, errors: messages.errors }}>
          {/* A Change link starts a fresh form with that day in it. */}
          <CalendarDayForm
            key={editing?.date ?? "new"}
            initial={editing ?? { date: "", kind: "", name: "" }}
            minDate={`${CALENDAR_FIRST_YEAR}-01-01`}
            maxDate={`${CALENDAR_LAST_YEAR}-12-31`}
            action={setCalendarDayAction}
          />
        </NextIntlClientProvider>
      </section>

      {result.days.length > 0 ? (
        <CalendarDaysTable year={year} days={result.days} locale={locale} removeAction={removeCalendarDayAction} />
      ) : (
        <p id="days" className="mb-8 border-l-8 border-line pl-4">
          {t("noDays", { year })}
        </p>
      )}
    </div>
  );
}
