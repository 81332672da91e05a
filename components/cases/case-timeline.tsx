import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale, type TLocalizedText } from "@/lib/i18n/locales";
import { collapseRepeatedViews } from "@/lib/workflow/collapse-repeated-views";
import { caseDocumentKinds, type TCaseDocumentKind } from "@/db/schema/documents";
import { revealPurposes } from "@/server/workflow/reveal-personal-answers";

/** A reason is typed by a person (a string) or comes from a rule in every language. */
function reasonText(reason: unknown, locale: Locale): string | null {
  if (typeof reason === "string") return reason;
  if (reason !== null && typeof reason === "object" && typeof (reason as Record<string, unknown>)[locale] === "string") return localize(reason as TLocalizedText, locale);
  return null;
}

type TEvent = { id: number; kind: string; data: Record<string, unknown>; createdAt: Date; taskId?: string | null; who?: string | null };

const knownKinds = new Set([
  "case-submitted",
  "case-concluded",
  "task-claimed",
  "task-accepted",
  "task-refused",
  "task-approved",
  "task-rejected",
  "task-ready",
  "task-supplement-requested",
  "task-supplement-received",
  "task-withdrawn",
  "task-cancelled",
  "case-withdrawn",
  "task-extended",
  "extension-requested",
  "extension-denied",
  "instant-check-failed",
  "task-released",
  "task-assigned",
  "task-overdue",
  "case-rated",
  "follow-up-answered",
  "licence-issued",
  "licence-revoked",
  "personal-data-revealed",
  "material-viewed",
  "document-issued",
  "task-approved-on-commitment",
  "inspection-opened",
  "task-passed",
  "task-failed",
]);

const documentKinds = new Set<string>(caseDocumentKinds);

/** A reveal names what was seen (each answer's label) and why; never the numbers themselves. */
function revealOf(data: Record<string, unknown>, locale: Locale): { fields: string; purpose: string; note: string } | null {
  if (!Array.isArray(data.fields) || typeof data.purpose !== "string") return null;
  const labels = data.fields.map((field: { label?: TLocalizedText }) => (field.label && typeof field.label[locale] === "string" ? localize(field.label, locale) : "")).filter(Boolean);
  return { fields: labels.join(locale === "en" ? ", " : "、"), purpose: data.purpose, note: typeof data.note === "string" ? data.note : "" };
}

/** A licence event names the licence: its title in the reader's language and its number. */
function licenceOf(data: Record<string, unknown>, locale: Locale): { title: string; number: string } | null {
  const title = data.title as TLocalizedText | undefined;
  if (typeof data.number !== "string" || typeof title?.[locale] !== "string") return null;
  return { title: localize(title, locale), number: data.number };
}

/** Which material staff opened (server/materials/record-material-view.ts): a file by its name, a licence by title and number. */
function viewedMaterialOf(data: Record<string, unknown>, locale: Locale, t: Awaited<ReturnType<typeof getTranslations<"timeline">>>): string | null {
  if (data.kind === "file" && typeof data.name === "string") return data.name;
  const licence = data.kind === "licence" ? licenceOf(data, locale) : null;
  return licence ? t("licenceNumber", licence) : null;
}

/** The trail of a case or task, oldest first, in plain words. */
export async function CaseTimeline({ events, locale, labelOf }: { events: TEvent[]; locale: Locale; labelOf?: (event: TEvent) => string | null }) {
  const t = await getTranslations("timeline");
  const tr = await getTranslations("reveal");
  const td = await getTranslations("documents");
  return (
    <ol className="mb-8 border-l-4 border-brand pl-5">
      {collapseRepeatedViews(events).map((event) => (
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
          {reasonText(event.data.reason, locale) ? <p className="mt-1">{t("reason", { reason: reasonText(event.data.reason, locale)! })}</p> : null}
          {event.kind === "task-extended" && typeof event.data.dueDate === "string" ? <p className="mt-1">{t("extendedTo", { days: Number(event.data.days), date: formatDate(event.data.dueDate, locale) })}</p> : null}
          {event.kind === "inspection-opened" && typeof event.data.dueDate === "string" ? <p className="mt-1">{t("inspectionDue", { date: formatDate(event.data.dueDate, locale) })}</p> : null}
          {event.kind.startsWith("licence-") && licenceOf(event.data, locale) ? <p className="mt-1">{t("licenceNumber", licenceOf(event.data, locale)!)}</p> : null}
          {event.kind === "document-issued" && typeof event.data.number === "string" && documentKinds.has(String(event.data.kind)) ? (
            <p className="mt-1">{t("documentNumber", { kind: td(`kinds.${event.data.kind as TCaseDocumentKind}`), number: event.data.number })}</p>
          ) : null}
          {event.kind === "personal-data-revealed" && revealOf(event.data, locale) ? <RevealLine reveal={revealOf(event.data, locale)!} t={t} tr={tr} /> : null}
          {event.kind === "material-viewed" && viewedMaterialOf(event.data, locale, t) ? (
            <p className="mt-1 wrap-anywhere">{t("materialName", { name: viewedMaterialOf(event.data, locale, t)! })}</p>
          ) : null}
          {event.repeats ? (
            <p className="mt-1">
              {t("viewedAgain", { count: event.repeats.count, time: formatDateTime(event.repeats.lastAt, locale) })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function RevealLine({
  reveal,
  t,
  tr,
}: {
  reveal: { fields: string; purpose: string; note: string };
  t: Awaited<ReturnType<typeof getTranslations<"timeline">>>;
  tr: Awaited<ReturnType<typeof getTranslations<"reveal">>>;
}) {
  const purposes = new Set<string>(revealPurposes);
  // "Other" is said by the clerk's own words; a listed purpose may carry them as detail.
  const purpose = reveal.purpose === "other" ? reveal.note : purposes.has(reveal.purpose) ? [tr(`purpose.${reveal.purpose as "verify-identity"}`), reveal.note].filter(Boolean).join(" — ") : reveal.note;
  return <p className="mt-1">{t("revealedWhat", { fields: reveal.fields, purpose })}</p>;
}
