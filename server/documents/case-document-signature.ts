/**
 * A notice or decision is signed like an e-licence (Ed25519, the same published keys) over its canonical content:
 * everything it prints and whose document it is. A row edited in the database no longer matches its signature, so
 * /verify/documents/<id> calls it forged instead of vouching for a changed reason or a changed date.
 */
import { sign } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import type { TCaseDocument } from "@/db/schema";
import { verifySignedBytes } from "@/server/licences/licence-signature";
import type { TSigningKey } from "@/server/licences/signing-keys";

export type TSignedPart = Pick<TCaseDocument, "id" | "caseId" | "taskId" | "departmentId" | "kind" | "number" | "reason" | "content" | "issuedAt">;

export function serializeCaseDocument(document: TSignedPart): string {
  return canonicalJson({
    v: 1,
    id: document.id.toLowerCase(),
    caseId: document.caseId.toLowerCase(),
    taskId: document.taskId.toLowerCase(),
    departmentId: document.departmentId.toLowerCase(),
    kind: document.kind,
    number: document.number,
    reason: document.reason,
    content: document.content,
    issuedAt: document.issuedAt.toISOString(),
  });
}

export function signCaseDocument(document: TSignedPart, key: Pick<TSigningKey, "privateKey">): string {
  return sign(null, Buffer.from(serializeCaseDocument(document), "utf8"), key.privateKey).toString("base64url");
}

export function verifyCaseDocumentSignature(document: TSignedPart & { signature: string }, rawPublicKey: string): boolean {
  return verifySignedBytes(serializeCaseDocument(document), document.signature, rawPublicKey);
}
