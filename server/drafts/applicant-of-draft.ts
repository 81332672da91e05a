/**
 * Whom a draft is filed for. An applicant's own draft is filed for themselves. A counter clerk's draft (一窗受理) is
 * filed for the walk-in applicant it names: the person (drafts.filed_for_user_id) or the company (drafts.company_id).
 * The wizard, the prefill, the wallet and the submit all read the applicant from here, so the register data a
 * counter form shows is the applicant's, never the clerk's; the clerk stays the draft's owner and the filer.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users, type TDraft } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { registerRoles } from "@/server/counter/find-applicant";

export type TDraftApplicant = {
  /** Who the application is for: prefill, wallet licences and the case's applicant come from them. */
  applicant: TActor;
  /** The counter clerk filing it for them; null when the applicant files themselves. */
  filerId: string | null;
};

export async function applicantOfDraft(db: TDatabase, actor: TActor, draft: Pick<TDraft, "filedForUserId" | "companyId">): Promise<TDraftApplicant> {
  if (actor.role !== "counter") return { applicant: actor, filerId: null };
  if (draft.filedForUserId) {
    const [person] = await db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, draft.filedForUserId), inArray(users.role, registerRoles)))
      .limit(1);
    if (!person) throw new Error("a counter draft names a person who is not on the register");
    // A natural-person application: the person applies as a citizen, whatever companies they also act for.
    return { applicant: { id: person.id, username: person.username ?? "", displayName: person.displayName, role: "citizen", departmentId: null, companyIds: [] }, filerId: actor.id };
  }
  if (draft.companyId) {
    // A legal-person application: the company applies; the clerk files for it, as its staff would.
    return { applicant: { ...actor, role: "enterprise", departmentId: null, companyIds: [draft.companyId] }, filerId: actor.id };
  }
  throw new Error("a counter draft names no applicant");
}
