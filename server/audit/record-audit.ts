/**
 * The one way an audit record is written (decision 038): inside the transaction of the act, so the act and its
 * record commit or roll back together. The row is written without its chain fields; the sealer
 * (seal-audit-records.ts) chains it after it commits, so audited transactions never wait on one another for the
 * chain. Details are small facts: personal numbers, contact details and secrets are dropped by name at every depth.
 */
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { prepareStatement } from "@/db/prepared";
import { auditActions, auditOutcomes, auditRecords, type TAuditAction, type TAuditOutcome } from "@/db/schema";
import { sql } from "drizzle-orm";
import { readRequestContext, type TRequestContext } from "./request-context";

/** Keys never recorded: secrets, personal numbers and contact details, whatever a caller passes. */
const withheldKeys = new Set([
  "password",
  "passwordHash",
  "sessionVersion",
  "residentIdNumber",
  "idNumber",
  "holderIdNumber",
  "mobile",
  "email",
  "answers",
  "secret",
  "token",
]);

export function withoutPersonalData(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !withheldKeys.has(key)).map(([key, inner]) => [key, withoutPersonalData(inner)]));
  }
  return value;
}

export const ZAuditInput = z.object({
  actorId: z.uuid().nullable(),
  actorRole: z.string().max(32).nullable(),
  action: z.enum(auditActions),
  targetType: z.string().min(1).max(40),
  targetId: z.string().max(200).nullable(),
  outcome: z.enum(auditOutcomes).default("ok"),
  purpose: z.string().max(200).nullable().default(null),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type TAuditInput = z.input<typeof ZAuditInput>;

type TRow = {
  actorId: string | null;
  actorRole: string | null;
  action: TAuditAction;
  targetType: string;
  targetId: string | null;
  outcome: TAuditOutcome;
  purpose: string | null;
  requestId: string | null;
  sourceAddress: string | null;
  details: Record<string, unknown>;
};
// Built once per process (db/prepared.ts): sign-ins and downloads write one per request.
const insertRecord = prepareStatement<TRow, ReturnType<typeof buildInsert>>("audit.insert-record", buildInsert);
function buildInsert(db: TDatabase) {
  return db.insert(auditRecords).values({
    actorId: sql.placeholder("actorId"),
    actorRole: sql.placeholder("actorRole"),
    action: sql.placeholder("action"),
    targetType: sql.placeholder("targetType"),
    targetId: sql.placeholder("targetId"),
    outcome: sql.placeholder("outcome"),
    purpose: sql.placeholder("purpose"),
    requestId: sql.placeholder("requestId"),
    sourceAddress: sql.placeholder("sourceAddress"),
    details: sql.placeholder("details"),
  });
}

export async function recordAudit({ db, request, ...input }: TAuditInput & {
  /** The transaction of the act. */
  db: TDatabase;
  /** The request's id and address when the caller has them already; else read from the request being answered. */
  request?: TRequestContext;
}): Promise<void> {
  const parsed = ZAuditInput.parse(input);
  const context = request ?? (await readRequestContext());
  await insertRecord(db, {
    ...parsed,
    actorId: parsed.actorId?.toLowerCase() ?? null,
    details: withoutPersonalData(parsed.details) as Record<string, unknown>,
    requestId: context.requestId,
    sourceAddress: context.sourceAddress,
  });
}
