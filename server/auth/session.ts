/**
 * The one helper that gives every page and action the signed-in actor (getActor). Pages and actions ask for it
 * through server/auth/require-actor.ts, which also applies the access policy's roles; the use cases then prove this
 * actor may touch THIS record.
 */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { TRole } from "@/db/schema";
import { loadActor, type TActor } from "./actor";
import { readSession } from "./read-session";

/**
 * The signed-in actor, or null: no session, an expired or idle one (session-lifetime.ts), or a revoked one
 * (loadActor). The cookie is read as Auth.js seals it (read-session.ts); proxy.ts keeps it re-issued.
 */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = await readSession({ cookies: (await cookies()).getAll(), now: new Date() });
  if (!session) return null;
  return loadActor(getDb(), session.claims.sub, { sessionVersion: session.claims.sessionVersion });
});

/** Where each role starts after signing in. */
export function homeOf(role: TRole): string {
  switch (role) {
    case "citizen":
    case "enterprise":
      return "/me";
    case "clerk":
      return "/desk";
    case "counter":
      return "/counter";
    case "supervisor":
      return "/supervise";
    case "admin":
      return "/admin";
  }
}
