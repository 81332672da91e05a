/**
 * A notice or decision as a PDF in the reader's language, drawn from what was frozen at issue (so it reads the same
 * next year, whatever changed in the catalog since): the issuing department, the number and date, the applicant,
 * the decision in the words of the law, the reason the clerk gave, the legal basis from the service guide, for a
 * 不予许可决定书 the applicant's remedies, and a QR code that opens the public check at /verify/documents/<id>.
 */
import type { TDatabase } from "@/db/client";
import type { TCaseDocument } from "@/db/schema";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { renderPdf, type TPdfBlock, type TPdfDocument } from "@/server/pdf/render-pdf";
import { findCaseDocument, type TDocumentAccess } from "./find-case-documents";
import { recordAudit } from "@/server/audit/record-audit";

export async function renderCaseDocument({
  db,
  actor,
  access,
  documentId,
  locale,
  baseUrl,
}: {
  db: TDatabase;
  actor: TActor;
  access: TDocumentAccess;
  documentId: string;
  locale: Locale;
  /** PUBLIC_BASE_URL: the QR code opens the public check there. */
  baseUrl: string;
}): Promise<TResult<{ pdf: Uint8Array; fileName: string; number: string }>> {
  const document = await findCaseDocument({ db, actor, access, documentId });
  if (!document) return fail("not-found:document");
  const pdf = await renderPdf(composeCaseDocument({ document, locale, baseUrl }));
  await recordAudit({ db, actorId: actor.id, actorRole: actor.role, action: "document-downloaded", targetType: "document", targetId: documentId, details: { kind: document.kind, number: document.number } });
  const t = translatorFor(locale);
  return { ok: true, pdf, fileName: `${t(`documents.kinds.${document.kind}`)}-${document.number}.pdf`, number: document.number };
}

export function caseDocumentVerifyUrl(baseUrl: string, documentId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify/documents/${documentId}`;
}

export function composeCaseDocument({ document, locale, baseUrl }: { document: TCaseDocument; locale: Locale; baseUrl: string }): TPdfDocument {
  const t = translatorFor(locale);
  const { content } = document;
  const portal = t("header.brand");
  const title = t(`documents.kinds.${document.kind}`);
  const department = localize(content.department.name, locale);
  const service = localize(content.service.name, locale);
  const applicant = nameForReader(content.applicant.name, locale, content.applicant.kind);
  const opening = t("documentPdf.opening", { applicant, date: formatDate(new Date(content.submittedAt), locale), service, caseNumber: content.caseNumber });
  const verifyUrl = caseDocumentVerifyUrl(baseUrl, document.id);

  const body: TPdfBlock[] = [];
  switch (document.kind) {
    case "acceptance-notice":
      body.push({ kind: "paragraph", text: `${opening}${t("documentPdf.accepted")}` });
      break;
    case "refusal-notice":
      body.push({ kind: "paragraph", text: `${opening}${t("documentPdf.refused")}` }, { kind: "heading", text: t("documentPdf.reason") }, { kind: "paragraph", text: document.reason ?? "", emphasis: "notice" });
      break;
    case "supplement-notice": {
      const supplement = content.supplement!;
      body.push(
        { kind: "paragraph", text: `${opening}${t("documentPdf.supplementLead")}` },
        { kind: "table", columns: [{ header: t("documentPdf.item"), width: 2 }, { header: t("documentPdf.itemNote"), width: 3 }], rows: supplement.items.map((item) => [localize(item.label, locale), item.note]) },
        ...(supplement.note ? [{ kind: "paragraph" as const, text: t("documentPdf.supplementNote", { note: supplement.note }) }] : []),
        { kind: "paragraph", text: t("documentPdf.supplementBy", { date: formatDate(supplement.answerBy, locale) }), emphasis: "notice" },
      );
      break;
    }
    case "approval-decision":
      body.push({ kind: "paragraph", text: `${opening}${t(content.onCommitment ? "documentPdf.approvedOnCommitment" : "documentPdf.approved")}` });
      break;
    case "rejection-decision": {
      const remedies = content.remedies!;
      const reviewBody = remedies.reviewBody ? localize(remedies.reviewBody, locale) : t("documentPdf.reviewBodyUnnamed");
      const court = remedies.court ? localize(remedies.court, locale) : t("documentPdf.courtUnnamed");
      body.push(
        { kind: "paragraph", text: `${opening}${t("documentPdf.rejected")}` },
        { kind: "heading", text: t("documentPdf.reason") },
        { kind: "paragraph", text: document.reason ?? "", emphasis: "notice" },
        { kind: "heading", text: t("documentPdf.remedies") },
        { kind: "paragraph", text: t("documentPdf.remediesText", { reviewDays: remedies.reviewDays, reviewBody, lawsuitMonths: remedies.lawsuitMonths, court }) },
      );
      break;
    }
  }

  const blocks: TPdfBlock[] = [
    { kind: "caption", text: department },
    { kind: "title", text: title },
    {
      kind: "fields",
      rows: [
        { label: t("documentPdf.number"), value: document.number },
        { label: content.applicant.kind === "company" ? t("receipt.company") : t("receipt.applicant"), value: applicant },
        ...(content.applicant.maskedNumber ? [{ label: content.applicant.kind === "company" ? t("receipt.uscc") : t("receipt.idNumber"), value: content.applicant.maskedNumber }] : []),
        { label: t("receipt.caseNumber"), value: content.caseNumber },
        { label: t("documentPdf.service"), value: service },
      ],
    },
    ...body,
    { kind: "heading", text: t("documentPdf.legalBasis") },
    ...content.legalBasis.map((basis) => ({ kind: "paragraph" as const, text: localize(basis, locale) })),
    { kind: "fields", rows: [{ label: t("documentPdf.issuer"), value: department }, { label: t("documentPdf.issuedAt"), value: t("receipt.beijingTime", { time: formatDateTime(document.issuedAt, locale) }) }] },
    { kind: "qr", url: verifyUrl, caption: t("documentPdf.qrCaption"), alt: t("documentPdf.qrAlt", { url: verifyUrl }) },
  ];
  return { locale, title: `${title} ${document.number}`, author: department, subject: service, footer: `${portal} · ${document.number}`, blocks };
}
