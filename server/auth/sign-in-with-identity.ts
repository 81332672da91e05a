/**
 * Sign-in through the government's unified identity provider (统一身份认证, OpenID Connect): given the claims the
 * provider vouched for, find the person on the register and say who signs in — the other way in beside passwords
 * (sign-in-with-password.ts), reached from Auth.js's OIDC provider (identity-provider.ts) once the provider's answer
 * has been checked (state, PKCE, nonce, ID token signature, userinfo subject).
 *
 * - A person the provider has already been linked to (issuer + subject in identity_links) is that row — provided the
 *   verified ID number and name still match it.
 * - Otherwise the verified resident ID number finds the row by exact match, as the register stores it (one ID number,
 *   one row: a unique index): a person recorded at the counter (no account until now), or someone with a demo
 *   password account. The provider's name must match the register's; the link is made.
 * - Nobody on the register with that number: a new person is created with the provider's data, and linked.
 *
 * Staff never sign in this way: their accounts are the admin's, with passwords. Which companies a person acts for,
 * and as what, is the enterprise registry's (company_members): the role follows it at each sign-in — "enterprise"
 * with a membership, "citizen" without — and the actor is loaded from it on every request (actor.ts).
 *
 * Nothing here writes the ID number anywhere but the register's own column, and nothing logs it or the subject.
 */
import { and, count, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companyMembers, identityLinks, users, type TUser } from "@/db/schema";
import { catchRefusal, fail, RefusalRollback, type TAppError } from "@/server/errors";
import { readIdentityClaims, sameLegalName, type TIdentityClaimNames, type TIdentityClaims } from "./read-identity-claims";
import type { TSignedInUser } from "./sign-in-with-password";
import { readRequestContext } from "@/server/audit/request-context";
import { recordSignIn } from "./record-sign-in";
import { residentIdColumns, residentIdIs } from "@/server/data-protection/personal-number-columns";

/** The roles a person signing in through the provider may have: applicants. */
const applicantRoles = new Set<TUser["role"]>(["citizen", "enterprise"]);

export type TIdentitySignIn = {
  ok: true;
  user: TSignedInUser;
  /** How this sign-in found the person: by an earlier link, linked now to a row already on the register, or created. */
  outcome: "linked-before" | "linked-now" | "created";
};

export async function signInWithIdentity(options: {
  db: TDatabase;
  /** OIDC_ISSUER: links are per provider. */
  issuer: string;
  /** The provider's userinfo (or ID token) claims, as received. */
  claims: unknown;
  names: TIdentityClaimNames;
  today?: string;
  now?: Date;
}): Promise<TIdentitySignIn | TAppError> {
  const { db, issuer } = options;
  const claims = readIdentityClaims({ claims: options.claims, names: options.names, today: options.today });
  if (!claims.ok) {
    await recordSignIn({ db, user: null, outcome: "refused", method: "identity", reason: "refused", address: (await readRequestContext()).sourceAddress });
    return claims;
  }
  const now = options.now ?? new Date();
  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const found = await findPerson(tx, { issuer, claims, now });
      const person = checkPerson(found.person, claims);
      const role = await registryRoleOf(tx, person.id);
      // A change of role moves session_version on (migration 0010's trigger), ending sessions issued under the old one.
      const [current] = await tx
        .update(users)
        .set({ role })
        .where(eq(users.id, person.id))
        .returning({ id: users.id, displayName: users.displayName, role: users.role, sessionVersion: users.sessionVersion });
      if (found.outcome === "linked-before") {
        await tx.update(identityLinks).set({ lastSignedInAt: now }).where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, claims.subject)));
      }
      await recordSignIn({ db: tx, user: current, outcome: "ok", method: "identity", address: (await readRequestContext()).sourceAddress });
      return { ok: true as const, user: current, outcome: found.outcome };
    }),
  );
  // The register refused the person (staff, a name that does not match): the refusal is recorded on its own.
  if (!result.ok) await recordSignIn({ db, user: null, outcome: "refused", method: "identity", reason: "refused", address: (await readRequestContext()).sourceAddress });
  return result;
}

type TFound = { person: TUser; outcome: TIdentitySignIn["outcome"] };

async function findPerson(tx: TDatabase, { issuer, claims, now }: { issuer: string; claims: TIdentityClaims; now: Date }): Promise<TFound> {
  const [linked] = await tx
    .select({ user: users })
    .from(identityLinks)
    .innerJoin(users, eq(users.id, identityLinks.userId))
    .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, claims.subject)))
    // Two first sign-ins of one person at once (a double click) wait here for each other, then find one row.
    .for("update");
  if (linked) return { person: linked.user, outcome: "linked-before" };

  let [person] = await tx.select().from(users).where(residentIdIs(claims.residentIdNumber)).for("update");
  let outcome: TIdentitySignIn["outcome"] = "linked-now";
  if (!person) {
    [person] = await tx
      .insert(users)
      .values({ username: null, passwordHash: null, displayName: claims.name, role: "citizen", ...residentIdColumns(claims.residentIdNumber), mobile: claims.mobile, createdAt: now })
      // The counter recording the same person at this moment: the unique index lets one row in, and this links to it.
      .onConflictDoNothing()
      .returning();
    outcome = "created";
    if (!person) {
      [person] = await tx.select().from(users).where(residentIdIs(claims.residentIdNumber)).for("update");
      outcome = "linked-now";
    }
  }
  // Staff and mismatches are refused before a link could be made to them.
  checkPerson(person, claims);
  const [link] = await tx
    .insert(identityLinks)
    .values({ issuer, subject: claims.subject, userId: person.id, linkedAt: now, lastSignedInAt: now })
    .onConflictDoNothing()
    .returning({ userId: identityLinks.userId });
  // Either this person is already linked to another account at this provider (one account each), or the same
  // account was linked a moment ago by a sign-in running alongside: the second is fine, the first is a mismatch.
  if (!link) {
    const [raced] = await tx
      .select({ userId: identityLinks.userId })
      .from(identityLinks)
      .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, claims.subject)));
    if (raced?.userId !== person.id) throw new RefusalRollback(fail("conflict:identity-mismatch"));
  }
  return { person, outcome };
}

/** The row may sign in as this person: an applicant, enabled, whose ID number and name are the provider's. */
function checkPerson(person: TUser, claims: TIdentityClaims): TUser {
  if (!applicantRoles.has(person.role)) throw new RefusalRollback(fail("conflict:identity-staff-account"));
  if (person.disabledAt !== null) throw new RefusalRollback(fail("forbidden:identity-disabled"));
  if (person.residentIdNumber !== claims.residentIdNumber || !sameLegalName(person.displayName, claims.name)) {
    throw new RefusalRollback(fail("conflict:identity-mismatch"));
  }
  return person;
}

/** "enterprise" for a person the enterprise registry names as a company's legal representative or agent. */
async function registryRoleOf(tx: TDatabase, userId: string): Promise<"citizen" | "enterprise"> {
  const [row] = await tx.select({ memberships: count() }).from(companyMembers).where(eq(companyMembers.userId, userId));
  return row.memberships > 0 ? "enterprise" : "citizen";
}
