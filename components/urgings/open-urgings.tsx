/**
 * A department's open urging notices (督办), at the top of the queue and on the page of the task or follow-up they are
 * about: the answer's deadline first, then what it is about and the supervisor's message, and the way to answer.
 */
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TDeadlineState } from "@/lib/workflow/deadline-state";
import type { TUrgingRow } from "@/server/urgings/urging-columns";

type TOpenUrging = TUrgingRow & { deadlineState: TDeadlineState };

/** Where an urging's subject opens on the desk. */
export const urgingSubjectHref = (urging: { taskId: string | null; followUpId: string | null }) =>
  urging.taskId ? `/desk/tasks/${urging.taskId}` : `/desk/follow-ups/${urging.followUpId}`;

export async function OpenUrgings({ urgings, showSubject = true }: { urgings: TOpenUrging[]; showSubject?: boolean }) {
  if (urgings.length === 0) return null;
  const t = await getTranslations("urgings");
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="open-urgings" className="mb-8 border-l-8 border-danger bg-panel p-4 sm:p-5">
      <h2 id="open-urgings" className="mb-2 text-2xl font-bold">
        {t("openTitle", { count: urgings.length })}
      </h2>
      <p className="mb-4">{t("openLead")}</p>
      <ul className="space-y-4">
        {urgings.map((urging) => (
          <li key={urging.id} className="border-t-2 border-line pt-3">
            <p className="flex flex-wrap items-center gap-2 font-semibold">
              {t("answerBy", { date: formatDate(urging.deadline, locale) })}
              <DeadlineTag state={urging.deadlineState} />
            </p>
            {showSubject ? (
              <p className="mt-1">
                {t(urging.taskId ? "aboutTask" : "aboutFollowUp")}{" "}
                <Link href={urgingSubjectHref(urging)}>
                  {localize(urging.subjectName, locale)} <span className="font-mono break-all">{urging.caseNumber}</span>
                </Link>
              </p>
            ) : null}
            <p className="mt-1 line-clamp-3 whitespace-pre-line">{urging.message}</p>
            <p className="mt-2">
              <Link href={`/desk/urgings/${urging.id}`} className="font-semibold">
                {t("readAndAnswer")}
                <span className="sr-only"> {t("urgingOf", { caseNumber: urging.caseNumber })}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
