/**
 * The signed-in actor for a page, route handler or server action, admitted by the access policy
 * (server/auth/access-policy.ts) for that route: the roles there are the roles enforced here. The use case then
 * proves this actor may touch THIS record.
 *
 * Apart from session.ts, so tests can stub the session (getActor) and still run these checks.
 */
import { forbidden, redirect } from "next/navigation";
import { accessPolicy, audienceAdmits, type TAccessRule, type TActionName, type TActionRoute, type THandlerRoute, type THttpMethod, type TPageRoute } from "./access-policy";
import type { TActor } from "./actor";
import { getActor } from "./session";

/** Where a person whose password the admin set chooses their own; every other page and action sends them there. */
export const CHANGE_PASSWORD_PAGE = "/account/password";
/** Where a person of whom a second factor is required sets it up; every other page and action sends them there. */
export const TWO_FACTOR_PAGE = "/account/two-factor";

/** The one page a person is held to until they do what it asks (their own password first, then a second factor). */
function holdingPageOf(actor: TActor): string | null {
  if (actor.mustChangePassword) return CHANGE_PASSWORD_PAGE;
  if (actor.mustEnrolTwoFactor) return TWO_FACTOR_PAGE;
  return null;
}

type TRequireActorOptions = { page: TPageRoute; returnTo: string } | { handler: THandlerRoute; method: THttpMethod; returnTo: string };

/**
 * For pages and route handlers: signs the visitor in first (coming back to `returnTo`), then shows 403 to a role the
 * policy does not admit to this route.
 */
export async function requireActor(options: TRequireActorOptions): Promise<TActor> {
  const rule = "page" in options ? accessPolicy[options.page].page : (accessPolicy[options.handler].handler as Partial<Record<THttpMethod, TAccessRule>>)[options.method];
  // A public route has no business asking for a signed-in actor; a missing method is a missing policy entry.
  if (!rule || rule.who === "anyone") throw new Error(`requireActor: the access policy has no sign-in rule for ${"page" in options ? options.page : `${options.method} ${options.handler}`}`);
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(options.returnTo)}`);
  const held = holdingPageOf(actor);
  if (held && !("page" in options && options.page === held)) redirect(held);
  if (!audienceAdmits(rule.who, actor.role)) forbidden();
  return actor;
}

/**
 * For server actions, through their one wrapper (server/http/define-action.ts): null when nobody is signed in (the
 * wrapper sends them to sign in, alike for every action), 403 for a role the policy does not admit to this action.
 */
export async function actorForAction<R extends TActionRoute>(route: R, action: TActionName<R>): Promise<TActor | null> {
  const rule = (accessPolicy[route].actions as Record<string, TAccessRule>)[action];
  const actor = await getActor();
  if (!actor) return null;
  // Only the holding page's actions and signing out work until the admin's one-time password is replaced and a
  // required second factor set up.
  const held = holdingPageOf(actor);
  if (held && route !== held && route !== "/login") redirect(held);
  if (!audienceAdmits(rule.who, actor.role)) forbidden();
  return actor;
}
