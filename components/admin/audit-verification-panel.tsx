import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SummaryList } from "@/components/ui/summary-list";
import type { TAuditVerification } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The last verification of the audit trail — when, what it found, the first broken record — and "Verify now", a plain
 * form post that works without JavaScript. A broken trail is said in words and with a red rule, not by colour alone.
 */
export async function AuditVerificationPanel({ verification, locale, verifyAction }: { verification: TAuditVerification | null; locale: Locale; verifyAction: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations("adminAudit");
  return (
    <section aria-labelledby="verification-title" className="mb-10">
      <h2 id="verification-title" className="mb-4 text-2xl font-bold">
        {t("verification.title")}
      </h2>
      {verification === null ? (
        <p className="mb-6 border-l-8 border-line pl-4">{t("verification.never")}</p>
      ) : (
        <div id="verification-outcome" role="status" className={`mb-6 border-l-8 pl-4 ${verification.ok ? "border-go" : "border-danger"}`}>
          <p className="mb-3 text-xl font-bold">{verification.ok ? t("verification.holds") : t("verification.broken")}</p>
          <SummaryList
            rows={[
              { key: t("verification.finishedAt"), value: <time dateTime={verification.finishedAt.toISOString()}>{formatDateTime(verification.finishedAt, locale)}</time> },
              { key: t("verification.counts"), value: t("verification.countsValue", { records: verification.records, checkpoints: verification.checkpoints, caseTrails: verification.caseTrails }) },
              ...(verification.ok
                ? []
                : [{ key: t("verification.firstBroken"), value: <span className="font-mono break-all">{`${verification.brokenTable} ${verification.brokenId} (${verification.reason})`}</span> }]),
            ]}
          />
        </div>
      )}
      <form action={verifyAction}>
        <Button>{t("verification.verifyNow")}</Button>
      </form>
    </section>
  );
}
