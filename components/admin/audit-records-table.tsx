import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { TAuditOverview } from "@/server/audit/get-audit-overview";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** The latest signed checkpoints and the latest audit records, newest first: ids and roles, never a personal number. */
export async function AuditRecordsTable({ checkpoints, records, locale }: Pick<TAuditOverview, "checkpoints" | "records"> & { locale: Locale }) {
  const t = await getTranslations("adminAudit");
  return (
    <>
      <h2 id="checkpoints-title" className="mb-2 text-2xl font-bold">
        {t("checkpoints.title")}
      </h2>
      <p className="mb-4 max-w-3xl">{t("checkpoints.lead")}</p>
      {checkpoints.length === 0 ? (
        <p className="mb-8 border-l-8 border-line pl-4">{t("checkpoints.none")}</p>
      ) : (
        <DataTable
          id="checkpoints"
          caption={t("checkpoints.title")}
          labelledBy="checkpoints-title"
          rows={checkpoints}
          rowKey={(row) => String(row.id)}
          columns={[
            { key: "signedAt", header: t("checkpoints.signedAt"), rowHeader: true, className: "whitespace-nowrap", cell: (row) => <time dateTime={row.signedAt.toISOString()}>{formatDateTime(row.signedAt, locale)}</time> },
            { key: "position", header: t("checkpoints.position"), numeric: true, cell: (row) => row.position },
            // The first 16 hex digits tell checkpoints apart; the whole hash is in the published list, for comparison with copies.
            { key: "hash", header: t("checkpoints.hash"), className: "font-mono text-sm whitespace-nowrap", cell: (row) => `${row.hash.slice(0, 16)}…` },
            { key: "key", header: t("checkpoints.key"), className: "font-mono text-sm", cell: (row) => row.keyId },
          ]}
        />
      )}
      <h2 id="records-title" className="mb-4 text-2xl font-bold">
        {t("records.title")}
      </h2>
      <DataTable
        id="records"
        caption={t("records.title")}
        labelledBy="records-title"
        rows={records}
        rowKey={(row) => String(row.id)}
        columns={[
          { key: "at", header: t("records.at"), rowHeader: true, className: "whitespace-nowrap align-top", cell: (row) => <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time> },
          { key: "who", header: t("records.who"), className: "align-top", cell: (row) => (row.actorRole ? t(`roles.${row.actorRole}` as "roles.admin") : t("records.system")) },
          {
            key: "what",
            header: t("records.what"),
            className: "align-top",
            cell: (row) => (
              <>
                {t(`actions.${row.action}`)}
                <span className="block font-mono text-sm break-all text-muted">{`${row.targetType} ${row.targetId ?? ""}`}</span>
                {row.purpose ? <span className="block text-sm">{t("records.purpose", { purpose: row.purpose })}</span> : null}
              </>
            ),
          },
          { key: "outcome", header: t("records.outcome"), className: "align-top", cell: (row) => t(`outcomes.${row.outcome}`) },
          { key: "position", header: t("records.position"), numeric: true, className: "align-top", cell: (row) => row.position ?? t("records.unsealed") },
        ]}
      />
    </>
  );
}
