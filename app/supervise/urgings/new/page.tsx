import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { UrgingForm } from "@/components/urgings/urging-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { URGING_DEADLINE_MAX_WORKING_DAYS } from "@/lib/supervision/urging-rules";
import { requireActor } from "@/server/auth/require-actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { readCurrentTime } from "@/server/clock";
import { findUrgingSubject } from "@/server/urgings/urging-subject";
import { sendUrgingAction } from "./actions";

/** The answer is due, unless the supervisor says otherwise, this many working days after today. */
const SUGGESTED_WORKING_DAYS = 3;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("urgings"))("newTitle") };
}

export default async function NewUrgingPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const raw = await searchParams;
  const query = readSearchParams(raw, { task: z.uuid(), followUp: z.uuid() });
  const returnTo = `/supervise/urgings/new?${new URLSearchParams(query.task ? { task: query.task } : query.followUp ? { followUp: query.followUp } : {})}`;
  const actor = await requireActor({ page: "/supervise/urgings/new", returnTo });
  const subjectId = query.task ?? query.followUp;
  if (!subjectId) notFound();
  const db = getDb();
  const found = await findUrgingSubject(db, { actor, subject: { kind: query.task ? "task" : "follow-up", id: subjectId } });
  // A task of another department, a concluded one, an answered follow-up: nothing to urge here.
  if (!found.ok) notFound();
  const { subject } = found;
  const t = await getTranslations("urgings");
  const locale = (await getLocale()) as Locale;
  // The form's own words reach the browser with it, not with every page (app/layout.tsx).
  const messages = await getMessages();
  const { now } = await readCurrentTime();
  const today = toIsoDate(now);
  const calendar = await loadCalendar(db);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/supervise">{t("backToDashboard")}</Link>
      </p>
      <PageHeading caption={t("newTitle")}>{localize(subject.subjectName, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("department"), value: localize(subject.departmentName, locale) },
          { key: t("case"), value: <span className="font-mono break-all">{subject.caseNumber}</span> },
          { key: t(subject.kind === "task" ? "taskDue" : "followUpDue"), value: formatDate(subject.dueDate, locale) },
        ]}
      />
      {subject.openUrgingId ? (
        <Notice title={t("alreadyOpen")}>
          <p>{t("alreadyOpenLead")}</p>
          <p className="mt-2">
            <Link href={`/supervise/urgings#urging-${subject.openUrgingId}`}>{t("seeOpen")}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <p className="mb-6">{t("newLead")}</p>
          <NextIntlClientProvider messages={{ urgingForm: messages.urgingForm, errors: messages.errors }}>
            <UrgingForm
              kind={subject.kind}
              subjectId={subject.id}
              defaultDeadline={addWorkingDays(today, SUGGESTED_WORKING_DAYS, calendar)}
              earliest={today}
              latest={addWorkingDays(today, URGING_DEADLINE_MAX_WORKING_DAYS, calendar)}
              sendAction={sendUrgingAction}
            />
          </NextIntlClientProvider>
        </>
      )}
    </div>
  );
}
