import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { isErrorCode } from "@/server/errors";
import { listInbox } from "@/server/notifications/list-inbox";
import { markInboxReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

type TProps = { searchParams: Promise<TSearchParams> };

/** Everyone who signs in has an inbox: applicants hear about their cases, clerks and supervisors about their work. */
export default async function InboxPage({ searchParams }: TProps) {
  const actor = await requireActor({ page: "/me/inbox", returnTo: "/me/inbox" });
  const { before: asked, read, error } = readSearchParams(await searchParams, { before: z.string(), read: z.literal("1"), error: z.string() });
  const t = await getTranslations("inbox");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const inbox = await listInbox({ db: getDb(), actor, locale, before: asked });
  // Only a cursor the inbox honoured is carried on: anything else was the newest page.
  const before = inbox.before;

  return (
    <div className="max-w-3xl">
      <ErrorSummary title={t("errorTitle")} errors={isErrorCode(error) ? [{ href: "#messages", text: te(error) }] : []} />
      {read === "1" ? <Notice tone="success" title={t("markedRead")} /> : null}
      <PageHeading caption={nameForReader(actor.displayName, locale)}>{t("title")}</PageHeading>
      <p className="mb-2">{t("lead")}</p>
      <p className="mb-6 font-semibold" id="unread-count">
        {t("unreadCount", { count: inbox.unreadCount })}
      </p>
      {inbox.messages.length === 0 ? (
        <p id="messages" className="mb-8">
          {t("empty")}
        </p>
      ) : (
        <ul id="messages" aria-label={t("listLabel")} className="mb-8 border-t border-line">
          {inbox.messages.map((message) => (
            <li key={message.id} aria-labelledby={`message-${message.id}`} className="border-b border-line py-4">
              <h2 id={`message-${message.id}`} className="text-xl font-bold leading-snug">
                {message.read ? null : (
                  <>
                    <Tag tone="info">{t("unread")}</Tag>{" "}
                  </>
                )}
                {message.title}
              </h2>
              <p className="mt-1">{message.body}</p>
              <p className="mt-1 text-base text-muted">
                <time dateTime={message.createdAt.toISOString()}>{t("received", { date: formatDateTime(message.createdAt, locale) })}</time>
                {/* One unit, so that on a phone the line breaks before the company's label, not inside it. */}
                {message.company ? <> · <span className="inline-block">{t("company", { company: message.company })}</span></> : null}
              </p>
              <div className="mt-2 flex flex-wrap items-baseline gap-x-6 gap-y-2">
                {message.link ? (
                  <Link href={message.link} className="font-semibold">
                    {t("open")}
                    <span className="sr-only"> · {message.title}</span>
                  </Link>
                ) : null}
                {message.read ? null : (
                  <form action={markInboxReadAction}>
                    <input type="hidden" name="messageId" value={message.id} />
                    {before ? <input type="hidden" name="before" value={before} /> : null}
                    <button type="submit" className="cursor-pointer text-link underline underline-offset-2">
                      {t("markRead")}
                      <span className="sr-only"> · {message.title}</span>
                    </button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {inbox.olderCursor || before ? (
        <nav aria-label={t("pagesLabel")} className="flex flex-wrap gap-x-8 gap-y-2">
          {before ? <Link href="/me/inbox">{t("newest")}</Link> : null}
          {inbox.olderCursor ? <Link href={`/me/inbox?before=${encodeURIComponent(inbox.olderCursor)}`}>{t("older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
