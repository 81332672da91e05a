/**
 * The audit record of a sign-in attempt (decision 038): success, a wrong password or unknown name, or a throttled
 * try, with the source address the throttle counted. The name typed is not recorded (people type ID numbers and
 * passwords into that box); the account is, when the name was one.
 */
import type { TDatabase } from "@/db/client";
import type { TAuditOutcome } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { readRequestContext } from "@/server/audit/request-context";

export async function recordSignIn({
  db,
  user,
  outcome,
  method,
  reason,
  address,
}: {
  db: TDatabase;
  user: { id: string; role: string } | null;
  outcome: TAuditOutcome;
  method: "password" | "identity";
  reason?: "invalid" | "throttled" | "disabled" | "refused";
  address: string | null;
}): Promise<void> {
  const { requestId } = await readRequestContext();
  await recordAudit({
    db,
    request: { requestId, sourceAddress: address },
    // Whoever failed is not known to be the account's owner: the account is only the target then.
    actorId: outcome === "ok" ? (user?.id ?? null) : null,
    actorRole: outcome === "ok" ? (user?.role ?? null) : null,
    action: "sign-in",
    targetType: "user",
    targetId: user?.id ?? null,
    outcome,
    details: reason ? { method, reason } : { method },
  });
}
