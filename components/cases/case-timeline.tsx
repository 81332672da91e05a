import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

type TEvent = { id: number; kind: string; data: Record<string, unknown>; createdAt: Date; taskId?: string | null; who?: string | null };

const knownKinds = new Set([
  "case-submitted",
  "case-concluded",
  "task-claimed",
  "task-accepted",
  "task-refused",
  "task-approved",
  "task-rejected",
]);

/** The trail of a case or task, oldest first, in plain words. */
export async function CaseTimeline({ events, locale, labelOf }: { events: TEvent[]; locale: Locale; labelOf?: (event: TEvent) => string | null }) {
  const t = await getTranslations("timeline");
  return (
    <ol className="mb-8 border-l-4 border-brand pl-5">
      {events.map((event) => (
        <li key={event.id} className="relative mb-4">
          <span aria-hidden="true" className="absolute top-2 -left-[1.72rem] size-3 rounded-full bg-brand" />
          <p className="font-semibold">
            {knownKinds.has(event.kind) ? t(event.kind) : event.kind}
            {labelOf?.(event) ? ` — ${labelOf(event)}` : ""}
          </p>
          <p className="text-base text-muted">
            <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, locale)}</time>
            {event.who ? ` · ${event.who}` : ""}
          </p>
          {typeof event.data.reason === "string" ? <p className="mt-1">{t("reason", { reason: event.data.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
