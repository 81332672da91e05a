/**
 * Public check of a notice or decision (/verify/documents/<id>, no sign-in), the target of its QR code: is it what
 * the department issued? Forged when the stored row no longer matches its signature. What comes back is only what is
 * safe to show anyone holding the paper: kind, number, date, department, service and case number, and the applicant
 * masked (a person's name to the surname; a company's registered name is public). Never the reason or the items.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { caseDocuments, licenceSigningKeys, type TCaseDocumentKind } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { maskName } from "@/lib/identifiers/mask";
import { verifyCaseDocumentSignature } from "./case-document-signature";

export type TCaseDocumentVerification =
  | { state: "not-found" }
  | { state: "forged" }
  | {
      state: "genuine";
      document: {
        kind: TCaseDocumentKind;
        number: string;
        issuedAt: Date;
        department: TLocalizedText;
        service: TLocalizedText;
        caseNumber: string;
        applicant: { kind: "person" | "company"; name: string };
      };
    };

export async function verifyCaseDocument({ db, documentId }: { db: TDatabase; documentId: string }): Promise<TCaseDocumentVerification> {
  if (!z.uuid().safeParse(documentId).success) return { state: "not-found" };
  const [row] = await db
    .select({ document: caseDocuments, publicKey: licenceSigningKeys.publicKey })
    .from(caseDocuments)
    .leftJoin(licenceSigningKeys, eq(licenceSigningKeys.keyId, caseDocuments.keyId))
    .where(eq(caseDocuments.id, documentId));
  if (!row) return { state: "not-found" };
  const { document, publicKey } = row;
  if (!publicKey || !verifyCaseDocumentSignature(document, publicKey)) return { state: "forged" };
  const { content } = document;
  return {
    state: "genuine",
    document: {
      kind: document.kind,
      number: document.number,
      issuedAt: document.issuedAt,
      department: content.department.name,
      service: content.service.name,
      caseNumber: content.caseNumber,
      applicant: { kind: content.applicant.kind, name: content.applicant.kind === "company" ? content.applicant.name : maskName(content.applicant.name) },
    },
  };
}
