/**
 * Appends one event to a case's trail. The trail is the applicant's timeline (public events) and the audit record
 * (all events): each event's hash covers the previous event's hash, so rewriting or deleting one breaks the chain.
 * Call inside the transaction that makes the change, after locking the case row, so the chain stays linear.
 */
import { createHash } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareStatement } from "@/db/prepared";
import { canonicalJson } from "@/lib/canonical-json";
import { caseEvents } from "@/db/schema";

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

type TEventValues = { caseId: string; taskId: string | null; actorId: string | null; kind: string; data: Record<string, unknown>; public: boolean; prevHash: string | null; hash: string; createdAt: Date };
const insertEvent = prepareStatement<TEventValues, ReturnType<typeof buildInsertEvent>>("cases.insert-event", buildInsertEvent);
function buildInsertEvent(db: TDatabase) {
  return db.insert(caseEvents).values({
    caseId: sql.placeholder("caseId"),
    taskId: sql.placeholder("taskId"),
    actorId: sql.placeholder("actorId"),
    kind: sql.placeholder("kind"),
    data: sql.placeholder("data"),
    public: sql.placeholder("public"),
    prevHash: sql.placeholder("prevHash"),
    hash: sql.placeholder("hash"),
    createdAt: sql.placeholder("createdAt"),
  });
}

export async function appendCaseEvent(tx: TDatabase, input: TCaseEventInput): Promise<void> {
  // Hash what the database stores: uuid columns keep ids in lower case, and an id posted in capitals (which the
  // database matches all the same) would otherwise be hashed as posted and break the chain when it is verified.
  const event = { ...input, caseId: input.caseId.toLowerCase(), taskId: input.taskId?.toLowerCase() ?? null, actorId: input.actorId?.toLowerCase() ?? null };
  const [last] = event.first ? [] : await lastHash(tx, { caseId: event.caseId });
  const prevHash = last?.hash ?? null;
  const at = new Date();
  await insertEvent(tx, {
    caseId: event.caseId,
    taskId: event.taskId ?? null,
    actorId: event.actorId,
    kind: event.kind,
    data: event.data ?? {},
    public: event.public,
    prevHash,
    hash: hashCaseEvent(prevHash, { ...event, at: at.toISOString() }),
    createdAt: at,
  });
}
