import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { TAdminEntity } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

export type TAdminChangeRow = {
  id: number;
  at: Date;
  entity: TAdminEntity;
  entityId: string;
  action: string;
  actorUsername: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** A recorded value as one short line: text as is, anything else (names in three languages) as JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields a change touched, "field: before → after"; a creation or removal lists what was there. */
function differences(change: TAdminChangeRow): { key: string; text: string }[] {
  const keys = [...new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})])].filter((key) => key !== "id");
  return keys.flatMap((key) => {
    const before = change.before?.[key];
    const after = change.after?.[key];
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    if (!change.before) return [{ key, text: shown(after) }];
    if (!change.after) return [{ key, text: shown(before) }];
    return [{ key, text: `${shown(before)} → ${shown(after)}` }];
  });
}

/** The admin change record, newest first: when, who, what, and the fields it changed. */
export async function AdminChangesTable({ changes, locale }: { changes: TAdminChangeRow[]; locale: Locale }) {
  const t = await getTranslations("adminChanges");
  return (
    <DataTable
      id="changes"
      caption={t("tableCaption")}
      rows={changes}
      rowKey={(change) => String(change.id)}
      columns={[
        { key: "at", header: t("columns.at"), rowHeader: true, className: "whitespace-nowrap align-top", cell: (change) => <time dateTime={change.at.toISOString()}>{formatDateTime(change.at, locale)}</time> },
        { key: "who", header: t("columns.who"), className: "font-mono align-top", cell: (change) => change.actorUsername },
        {
          key: "what",
          header: t("columns.what"),
          className: "align-top",
          cell: (change) => (
            <>
              {t(`entities.${change.entity}`)} · {t.has(`actions.${change.action}`) ? t(`actions.${change.action}` as "actions.edit") : change.action}
              <span className="block font-mono text-sm break-all text-muted">{change.entityId}</span>
            </>
          ),
        },
        {
          key: "fields",
          header: t("columns.fields"),
          className: "align-top",
          cell: (change) => (
            <ul className="space-y-1 text-sm break-all">
              {differences(change).map((difference) => (
                <li key={difference.key}>
                  <span className="font-semibold">{difference.key}</span>: {difference.text}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
