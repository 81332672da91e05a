import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb, getReadDb } from "@/db/client";
import { CsvLink } from "@/components/supervision/csv-link";
import { DeadlineWatchTable } from "@/components/supervision/deadline-watch-table";
import { ExtensionRequests } from "@/components/supervision/extension-requests";
import { FigureTable, type TFigureRow } from "@/components/supervision/figure-table";
import { OverdueFollowUps } from "@/components/supervision/overdue-follow-ups";
import { VolumeTrend } from "@/components/supervision/volume-trend";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { toIsoDate } from "@/lib/calendar/working-days";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { cardColumns, handlingColumns, ratingColumns, urgingColumns } from "@/lib/supervision/figure-columns";
import { monthOf, parseReportRange, periodOf } from "@/lib/supervision/report-range";
import { ReportRangeForm } from "@/components/supervision/report-range-form";
import { requireActor } from "@/server/auth/require-actor";
import { readCurrentTime } from "@/server/clock";
import { isErrorCode } from "@/server/errors";
import { listOverdueFollowUps } from "@/server/ratings/list-overdue-follow-ups";
import { computeSupervisionFigures } from "@/server/supervision/compute-supervision-figures";
import { listDeadlineWatch } from "@/server/supervision/list-deadline-watch";
import { listVolumeSeries } from "@/server/supervision/list-volume-series";
import { listExtensionRequests } from "@/server/workflow/list-extension-requests";
import { decideExtensionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supervise"))("title") };
}

export default async function SupervisePage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/supervise", returnTo: "/supervise" });
  const t = await getTranslations("supervise");
  const te = await getTranslations("errors");
  const tExtension = await getTranslations("extensionRequests");
  const locale = (await getLocale()) as Locale;
  const { now, testClock } = await readCurrentTime();
  const today = toIsoDate(now);
  const query = readSearchParams(await searchParams, {
    from: z.string().max(32),
    to: z.string().max(32),
    department: z.uuid(),
    overdue: z.literal("1"),
    extension: z.enum(["approve", "deny"]),
    error: z.string(),
  });
  const parsed = parseReportRange({ from: query.from, to: query.to }, today);
  const range = parsed.ok ? parsed.range : monthOf(today);
  // The figures may lag a moment behind (a read replica when DATABASE_READ_URL is set); the lists a supervisor acts
  // on read the primary, so they never offer what was just decided.
  const db = getDb();
  const reportDb = getReadDb();
  const [departments, services, series, watch, extensions, followUps] = await Promise.all([
    computeSupervisionFigures({ db: reportDb, primary: db, actor, range, group: "department", now }),
    computeSupervisionFigures({ db: reportDb, primary: db, actor, range, group: "service", now }),
    listVolumeSeries({ db: reportDb, primary: db, actor, range, period: periodOf(range), now }),
    listDeadlineWatch({ db, actor, now, departmentId: query.department, overdueOnly: query.overdue === "1" }),
    listExtensionRequests({ db, actor }),
    listOverdueFollowUps({ db, actor, now }),
  ]);
  if (!departments.ok || !services.ok || !series.ok || !watch.ok) return null;
  const departmentRows: TFigureRow[] = departments.rows.map((row) => ({ ...row, name: localize(row.departmentName, locale) }));
  const serviceRows: TFigureRow[] = services.rows.map((row) => ({ ...row, name: `${localize(row.serviceName ?? row.departmentName, locale)} · ${localize(row.departmentName, locale)}` }));
  const rangeQuery = { from: range.from, to: range.to };
  // Only a supervisor sends urgings (督办); an admin reads the dashboard.
  const urges = actor.role === "supervisor";
  const overdueHref = (row: TFigureRow) => `/supervise?${new URLSearchParams({ ...rangeQuery, department: row.key, overdue: "1" })}#deadlines-heading`;
  const drilled = query.department ? departmentRows.find((row) => row.key === query.department)?.name : undefined;
  // Chinese sentences follow each other without a space; English ones with one.
  const sentenceGap = locale === "en" ? " " : "";
  const rangeText = t("rangeText", { from: formatDate(range.from, locale), to: formatDate(range.to, locale) });
  return (
    <>
      {query.extension ? <Notice tone="success" title={tExtension(`done.${query.extension}`)} /> : null}
      {isErrorCode(query.error) ? (
        <div role="alert" className="mb-8 border-4 border-danger p-4 font-semibold">
          {te(query.error)}
        </div>
      ) : null}
      {testClock ? <Notice title={t("testClock", { time: formatDateTime(now, locale) })} /> : null}
      <PageHeading>{t("title")}</PageHeading>
      {extensions.ok ? <ExtensionRequests requests={extensions.requests} action={decideExtensionAction} /> : null}
      <ReportRangeForm range={parsed.ok ? range : { from: query.from ?? "", to: query.to ?? "" }} error={parsed.ok ? undefined : [te(parsed.code), t("showingMonth", { range: rangeText })].join(sentenceGap)} />

      <h2 className="mb-2 text-2xl font-bold">{t("departmentsTitle")}</h2>
      <p className="mb-4">
        {[t("rangeSentence", { range: rangeText }), t("departmentsLead")].join(sentenceGap)}
      </p>
      {departmentRows.length === 0 ? <p className="mb-8">{t("noFigures")}</p> : null}
      <FigureTable id="department-figures" caption={t("departmentsTitle")} nameHeader={t("department")} columns={handlingColumns} rows={departmentRows} locale={locale} overdueHref={overdueHref} />
      <h2 className="mb-2 text-2xl font-bold">{t("qualityTitle")}</h2>
      <p className="mb-4">{t("cardsLead")}</p>
      <FigureTable id="department-quality" caption={t("qualityTitle")} nameHeader={t("department")} columns={[...ratingColumns, ...cardColumns]} rows={departmentRows} locale={locale} overdueHref={overdueHref} />
      <h2 className="mb-2 text-2xl font-bold">{t("urgingsTitle")}</h2>
      <p className="mb-4">
        {t("urgingsLead")} <Link href="/supervise/urgings">{t("urgingsLink")}</Link>
      </p>
      <FigureTable id="department-urgings" caption={t("urgingsTitle")} nameHeader={t("department")} columns={urgingColumns} rows={departmentRows} locale={locale} />
      <CsvLink table="departments" range={range} name={t("departmentsTitle")} />

      <h2 className="mb-2 text-2xl font-bold">{t("servicesTitle")}</h2>
      <p className="mb-4">{t("rangeSentence", { range: rangeText })}</p>
      {serviceRows.length === 0 ? <p className="mb-8">{t("noFigures")}</p> : null}
      <FigureTable id="service-figures" caption={t("servicesTitle")} nameHeader={t("service")} columns={[...handlingColumns, ...ratingColumns]} rows={serviceRows} locale={locale} />
      <CsvLink table="services" range={range} name={t("servicesTitle")} />

      <VolumeTrend series={series} range={range} />

      {followUps.ok ? <OverdueFollowUps rows={followUps.rows} urgeHref={urges ? (id) => `/supervise/urgings/new?followUp=${id}` : undefined} /> : null}

      <h2 id="deadlines-heading" className="mb-3 text-2xl font-bold">
        {t("deadlinesTitle")}
      </h2>
      <p className="mb-4">{query.overdue ? t("overdueLead") : t("lead")}</p>
      {query.department || query.overdue ? (
        <p className="mb-4">
          {drilled ? t("drilledTo", { name: drilled }) : null} <Link href={`/supervise?${new URLSearchParams(rangeQuery)}#deadlines-heading`}>{t("showAll")}</Link>
        </p>
      ) : null}
      <DeadlineWatchTable watch={watch} caption={t("deadlinesTitle")} urgeHref={urges ? (id) => `/supervise/urgings/new?task=${id}` : undefined} />
    </>
  );
}
