import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeadLettersList } from "@/components/admin/dead-letters-list";
import { retryDeadLetterAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { isErrorCode } from "@/server/errors";
import { maxDeliveryAttempts } from "@/server/notifications/deliver-outbox";
import { listDeadLetters } from "@/server/notifications/list-dead-letters";

type TQuery = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOutbox"))("title") };
}

/** /admin/outbox — notifications that could not be delivered after the last attempt, each with "send again". */
export default async function AdminOutboxPage({ searchParams }: { searchParams: Promise<TQuery> }) {
  const actor = await requireActor({ page: "/admin/outbox", returnTo: "/admin/outbox" });
  const result = await listDeadLetters({ db: getDb(), actor });
  if (!result.ok) notFound();
  const query = await searchParams;
  const t = await getTranslations("adminOutbox");
  const te = await getTranslations("errors");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const retried = typeof query.retried === "string" && /^\d{1,15}$/.test(query.retried) ? query.retried : undefined;
  const error = typeof query.error === "string" ? query.error : undefined;

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      {isErrorCode(error) ? <ErrorSummary id="retry-error-title" title={t("errorTitle")} errors={[{ href: "#dead-letters", text: te(error) }]} /> : null}
      {retried ? (
        <Notice tone="success" title={t("retriedTitle", { id: retried })}>
          {t("retriedBody")}
        </Notice>
      ) : null}
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-8 max-w-3xl">{t("lead", { attempts: maxDeliveryAttempts })}</p>
      {result.deadLetters.length === 0 ? (
        <p id="dead-letters" className="mb-8 border-l-8 border-line pl-4">
          {t("none")}
        </p>
      ) : (
        <>
          {result.total > result.deadLetters.length ? <p className="mb-4">{t("showing", { shown: result.deadLetters.length, total: result.total })}</p> : null}
          <DeadLettersList deadLetters={result.deadLetters} locale={locale} retryAction={retryDeadLetterAction} />
        </>
      )}
    </div>
  );
}
