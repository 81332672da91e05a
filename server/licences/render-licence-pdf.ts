/**
 * The e-licence as a PDF the holder can download, print or hand over: everything the licence prints (the holder's
 * own document shows their full numbers), and a QR code with the signed verify address, so whoever is shown the
 * paper can check it at /verify — or offline, against the published keys. A revoked or expired licence still
 * downloads (the holder may need their record) but says so at the top.
 */
import type { TDatabase } from "@/db/client";
import { toIsoDate } from "@/lib/calendar/working-days";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { formatLicenceValue } from "@/lib/licences/format-licence-value";
import type { TActor } from "@/server/auth/actor";
import type { TResult } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { renderPdf, type TPdfBlock } from "@/server/pdf/render-pdf";
import { getLicenceForPdf, type TLicenceForPdf } from "./get-licence-for-pdf";
import { recordAudit } from "@/server/audit/record-audit";

export async function renderLicencePdf({
  db,
  actor,
  licenceId,
  locale,
  origin,
  now = new Date(),
}: {
  db: TDatabase;
  actor: TActor;
  licenceId: string;
  locale: Locale;
  /** The public origin for the QR code (PUBLIC_BASE_URL). */
  origin: string;
  now?: Date;
}): Promise<TResult<{ pdf: Uint8Array; fileName: string; number: string }>> {
  const found = await getLicenceForPdf({ db, actor, licenceId, today: toIsoDate(now), origin });
  if (!found.ok) return found;
  const printed = await printLicencePdf({ licence: found.licence, locale });
  await recordAudit({ db, actorId: actor.id, actorRole: actor.role, action: "document-downloaded", targetType: "licence", targetId: licenceId, details: { kind: "licence", number: printed.number } });
  return { ok: true, ...printed };
}

/** The PDF of a licence its caller may print (the holder's own, or a material a clerk opens from a task). */
export async function printLicencePdf({ licence, locale }: { licence: TLicenceForPdf; locale: Locale }): Promise<{ pdf: Uint8Array; fileName: string; number: string }> {
  const { printed, state, revokedAt, verifyUrl } = licence;
  const t = translatorFor(locale);
  const portal = t("header.brand");
  const title = localize(printed.title, locale);
  const warning =
    state === "revoked"
      ? t("licencePdf.revoked", { date: revokedAt ? formatDate(revokedAt, locale) : "" })
      : state === "expired" && printed.validUntil
        ? t("licencePdf.expired", { date: formatDate(printed.validUntil, locale) })
        : null;
  // The verify page's own address: a screen reader should not spell out the signed payload the code carries.
  const verifyPage = verifyUrl.split("?")[0];
  const blocks: TPdfBlock[] = [
    { kind: "caption", text: localize(printed.issuer.name, locale) },
    { kind: "title", text: title },
    ...(warning ? [{ kind: "paragraph" as const, text: warning, emphasis: "notice" as const }] : []),
    {
      kind: "fields",
      rows: [
        { label: t("verify.number"), value: printed.number },
        { label: t("verify.holder"), value: nameForReader(printed.holder.name, locale, printed.holder.uscc ? "company" : "person") },
        ...(printed.holder.idNumber ? [{ label: t("verify.idNumber"), value: printed.holder.idNumber }] : []),
        ...(printed.holder.uscc ? [{ label: t("verify.uscc"), value: printed.holder.uscc }] : []),
        ...printed.labels.map((item) => ({ label: localize(item.label, locale), value: formatLicenceValue(printed.data[item.key] ?? "", locale) })),
        { label: t("verify.issuer"), value: localize(printed.issuer.name, locale) },
        { label: t("verify.issuedAt"), value: formatDateTime(new Date(printed.issuedAt), locale) },
        { label: t("verify.validFrom"), value: formatDate(printed.validFrom, locale) },
        { label: t("verify.validUntil"), value: printed.validUntil ? formatDate(printed.validUntil, locale) : t("verify.permanent") },
      ],
    },
    { kind: "qr", url: verifyUrl, caption: t("licencePdf.qrCaption"), alt: t("licencePdf.qrAlt", { url: verifyPage }) },
    { kind: "paragraph", text: t("licencePdf.signedNote", { portal }) },
  ];
  const pdf = await renderPdf({ locale, title: `${title} ${printed.number}`, author: portal, subject: title, footer: `${portal} · ${printed.number}`, blocks });
  return { pdf, fileName: `${title}-${printed.number}.pdf`, number: printed.number };
}
