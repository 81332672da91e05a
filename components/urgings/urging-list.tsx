/**
 * The supervisor's list of urgings (督办): each with the department, what it is about, the message, the deadline —
 * marked late when it passed without an answer or the answer came after it — and the answer once given.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TUrgingRow } from "@/server/urgings/urging-columns";

type TListedUrging = TUrgingRow & { late: boolean };

export async function UrgingList({ id, title, empty, rows }: { id: string; title: string; empty: string; rows: TListedUrging[] }) {
  const t = await getTranslations("urgings");
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul aria-labelledby={id} className="space-y-3">
          {rows.map((urging) => (
            <li key={urging.id} id={`urging-${urging.id}`} className="border-2 border-line p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="font-semibold">
                  {localize(urging.departmentName, locale)} · {localize(urging.subjectName, locale)}
                </p>
                {urging.answeredAt ? (
                  <Tag tone={urging.late ? "bad" : "ok"}>{t(urging.late ? "answeredLate" : "answeredOnTime")}</Tag>
                ) : (
                  <Tag tone={urging.late ? "bad" : "warn"}>{t(urging.late ? "openLate" : "open")}</Tag>
                )}
              </div>
              <p className="font-mono text-base break-all text-muted">
                {t(urging.taskId ? "aboutTask" : "aboutFollowUp")} {urging.caseNumber}
              </p>
              <p className="mt-1">{t("answerBy", { date: formatDate(urging.deadline, locale) })}</p>
              <p className="mt-1 text-muted">{t("sentByValue", { name: nameForReader(urging.sentByName, locale), date: formatDateTime(urging.sentAt, locale) })}</p>
              <p className="mt-2 whitespace-pre-line">{urging.message}</p>
              {urging.answeredAt ? (
                <div className="mt-3 border-l-4 border-brand pl-4">
                  <p className="text-muted">{t("answeredBy", { name: nameForReader(urging.answeredByName ?? "", locale), date: formatDateTime(urging.answeredAt, locale) })}</p>
                  <p className="whitespace-pre-line">{urging.answer}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
