import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { getDepartment } from "@/server/catalog/get-department";
import { listFollowUps, type TFollowUpRow } from "@/server/ratings/list-follow-ups";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("title") };
}

export default async function FollowUpsPage() {
  const actor = await requireActor({ page: "/desk/follow-ups", returnTo: "/desk/follow-ups" });
  const db = getDb();
  const result = await listFollowUps({ db, actor });
  if (!result.ok) return null;
  const t = await getTranslations("followUps");
  const locale = (await getLocale()) as Locale;
  const department = actor.departmentId ? await getDepartment({ db, id: actor.departmentId }) : null;

  const row = (followUp: TFollowUpRow) => (
    <li key={followUp.id} className="border-2 border-line p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xl font-bold">
            <Link href={`/desk/follow-ups/${followUp.id}`}>
              {localize(followUp.subjectName, locale)}
              <span className="sr-only"> {followUp.caseNumber}</span>
            </Link>
          </p>
          <p className="font-mono text-base break-all text-muted">{followUp.caseNumber}</p>
        </div>
        <p className="flex flex-wrap gap-2">
          <RatingLevelTag level={followUp.overall} />
          {followUp.deadline ? <DeadlineTag state={followUp.deadline} /> : null}
        </p>
      </div>
      <p className={`mt-2 line-clamp-3 whitespace-pre-line ${followUp.comment ? "" : "text-muted"}`}>{followUp.comment || t("noComment")}</p>
      <p className="mt-2 text-base">
        {followUp.status === "open" ? t("replyBy", { date: formatDate(followUp.dueOn, locale) }) : t("repliedOn", { date: formatDate(followUp.repliedAt!, locale) })}
      </p>
    </li>
  );

  return (
    <>
      <p className="mb-4">
        <Link href="/desk">{t("backToQueue")}</Link>
      </p>
      <PageHeading caption={department ? localize(department.name, locale) : undefined}>{t("title")}</PageHeading>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>

      <h2 id="open-follow-ups" className="mb-3 text-2xl font-bold">
        {t("openTitle", { count: result.open.length })}
      </h2>
      {result.open.length === 0 ? (
        <p className="mb-8">{t("emptyOpen")}</p>
      ) : (
        <ul aria-labelledby="open-follow-ups" className="mb-10 space-y-3">
          {result.open.map(row)}
        </ul>
      )}

      <h2 id="answered-follow-ups" className="mb-3 text-2xl font-bold">
        {t("answeredTitle")}
      </h2>
      {result.answered.length === 0 ? (
        <p className="mb-8">{t("emptyAnswered")}</p>
      ) : (
        <ul aria-labelledby="answered-follow-ups" className="mb-8 space-y-3">
          {result.answered.map(row)}
        </ul>
      )}
    </>
  );
}
