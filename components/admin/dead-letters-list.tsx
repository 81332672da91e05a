import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TDeadLetter } from "@/server/notifications/list-dead-letters";

/**
 * Dead letters, one block each (a heading, the details as a summary list, a "send again" button that posts a plain
 * form): readable on a 360 px phone as on a desk, and without JavaScript. The button names its notification for a
 * screen reader.
 */
/** `retryAction`: the page's "send again" server action. */
export async function DeadLettersList({ deadLetters, locale, retryAction }: { deadLetters: TDeadLetter[]; locale: Locale; retryAction: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations("adminOutbox");
  const tn = await getTranslations("notifications");
  const topicTitle = (topic: string) => (tn.has(`${topic}.title`) ? tn(`${topic}.title`) : topic);
  return (
    <ol id="dead-letters" className="mb-8 list-none space-y-8 p-0">
      {deadLetters.map((letter) => {
        const headingId = `dead-letter-${letter.id}`;
        return (
          <li key={letter.id} aria-labelledby={headingId} className="border-l-8 border-danger pl-4">
            <h2 id={headingId} className="mb-2 text-2xl font-bold">
              {topicTitle(letter.topic)} <span className="text-lg font-normal text-muted">· {t("item", { id: letter.id })}</span>
            </h2>
            <SummaryList
              rows={[
                {
                  key: t("recipient"),
                  value:
                    letter.recipient.kind === "company" ? (
                      t("recipientCompany", { name: nameForReader(letter.recipient.name, locale, "company") })
                    ) : (
                      <>
                        {t("recipientName", { name: nameForReader(letter.recipient.name, locale), role: t(`roles.${letter.recipient.role}`) })} · {letter.recipient.email ?? t("noEmail")}
                      </>
                    ),
                },
                { key: t("attempts"), value: letter.attempts },
                { key: t("lastError"), value: letter.lastError ? <code className="font-mono text-base wrap-anywhere">{letter.lastError}</code> : t("noError") },
                { key: t("createdAt"), value: <time dateTime={letter.createdAt.toISOString()}>{formatDateTime(letter.createdAt, locale)}</time> },
                { key: t("deadAt"), value: <time dateTime={letter.deadAt.toISOString()}>{formatDateTime(letter.deadAt, locale)}</time> },
              ]}
            />
            <form action={retryAction} className="-mt-4">
              <input type="hidden" name="id" value={letter.id} />
              <Button>
                {t("retry")}
                <span className="sr-only"> {t("item", { id: letter.id })}</span>
              </Button>
            </form>
          </li>
        );
      })}
    </ol>
  );
}
