/**
 * Appends one event to a case's trail. The trail is the applicant's timeline (public events) and the audit record
 * (all events): each event's hash covers the previous event's hash, so rewriting or deleting one breaks the chain.
 * Call inside the transaction that makes the change, after locking the case row, so the chain stays linear.
 */
import { createHash } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareSqlStatement, prepareStatement } from "@/db/prepared";
import { canonicalJson } from "@/lib/canonical-json";
import { auditRecords, caseEvents, users, type TAuditAction } from "@/db/schema";
import { readRequestContext } from "@/server/audit/request-context";

export type TCaseEventInput = {
  caseId: string;
  taskId?: string | null;
  actorId: string | null;
  kind: string;
  data?: Record<string, unknown>;
  public: boolean;
  /** The case's first event (just created in this transaction): there is no previous hash to read. */
  first?: boolean;
};

export function hashCaseEvent(prevHash: string | null, event: TCaseEventInput & { at: string }): string {
  const content = canonicalJson([
    prevHash,
    event.caseId,
    event.taskId ?? null,
    event.actorId,
    event.kind,
    event.data ?? {},
    event.public,
    event.at,
  ]);
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Both statements are built once per process (db/prepared.ts): every change to a case appends here, claims
 * hundreds of times a second at peak.
 */
const lastHash = prepareStatement<{ caseId: string }, ReturnType<typeof buildLastHash>>("cases.last-event-hash", buildLastHash);
function buildLastHash(db: TDatabase) {
  return db
    .select({ hash: caseEvents.hash })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, sql.placeholder("caseId")))
    .orderBy(desc(caseEvents.id))
    .limit(1);
}

type TEventValues = {
  caseId: string;
  taskId: string | null;
  actorId: string | null;
  kind: string;
  data: string;
  public: boolean;
  prevHash: string | null;
  hash: string;
  createdAt: string;
  action: TAuditAction;
  purpose: string | null;
  requestId: string | null;
  sourceAddress: string | null;
};
/**
 * The event and its audit record (decision 038) in one statement, one round trip: the record anchors the event's
 * hash into the audit chain, so a case trail recomputed after an edit, or cut short, no longer matches it. The actor's
 * role is read where it is stored.
 */
const insertEvent = prepareSqlStatement<TEventValues>("cases.insert-event-audited", () => sql`
  with event as (
    insert into ${caseEvents} (case_id, task_id, actor_id, kind, data, public, prev_hash, hash, created_at)
    values (${sql.placeholder("caseId")}::uuid, ${sql.placeholder("taskId")}::uuid, ${sql.placeholder("actorId")}::uuid, ${sql.placeholder("kind")}::text,
      ${sql.placeholder("data")}::jsonb, ${sql.placeholder("public")}::boolean, ${sql.placeholder("prevHash")}::text, ${sql.placeholder("hash")}::text,
      ${sql.placeholder("createdAt")}::timestamptz)
    returning id, case_id, task_id, actor_id, kind, hash, created_at
  )
  insert into ${auditRecords} (at, actor_id, actor_role, action, target_type, target_id, purpose, request_id, source_address, details)
  select event.created_at, event.actor_id, (select role from ${users} where ${users.id} = event.actor_id), ${sql.placeholder("action")}::text, 'case',
    event.case_id::text, ${sql.placeholder("purpose")}::text, ${sql.placeholder("requestId")}::text, ${sql.placeholder("sourceAddress")}::text,
    jsonb_strip_nulls(jsonb_build_object('eventId', event.id, 'kind', event.kind, 'eventHash', event.hash, 'taskId', event.task_id))
  from event`);

/** The audit action of a case event: reveals, opens and revocations are named as such, the rest are state changes. */
function auditActionOf(kind: string): TAuditAction {
  if (kind === "personal-data-revealed" || kind === "licence-revoked") return kind;
  if (kind === "material-viewed") return "material-opened";
  return "case-event";
}

export async function appendCaseEvent(tx: TDatabase, input: TCaseEventInput): Promise<void> {
  // Hash what the database stores: uuid columns keep ids in lower case, and an id posted in capitals (which the
  // database matches all the same) would otherwise be hashed as posted and break the chain when it is verified.
  const event = { ...input, caseId: input.caseId.toLowerCase(), taskId: input.taskId?.toLowerCase() ?? null, actorId: input.actorId?.toLowerCase() ?? null };
  const [last] = event.first ? [] : await lastHash(tx, { caseId: event.caseId });
  const prevHash = last?.hash ?? null;
  const at = new Date();
  const request = await readRequestContext();
  const purpose = typeof event.data?.purpose === "string" ? event.data.purpose : null;
  await insertEvent(tx, {
    caseId: event.caseId,
    taskId: event.taskId ?? null,
    actorId: event.actorId,
    kind: event.kind,
    data: JSON.stringify(event.data ?? {}),
    public: event.public,
    prevHash,
    hash: hashCaseEvent(prevHash, { ...event, at: at.toISOString() }),
    createdAt: at.toISOString(),
    action: auditActionOf(event.kind),
    purpose,
    ...request,
  });
}
