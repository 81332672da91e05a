/**
 * The one helper that gives every page and action the signed-in actor (getActor). Pages and actions ask for it
 * through server/auth/require-actor.ts, which also applies the access policy's roles; the use cases then prove this
 * actor may touch THIS record.
 */
import "server-only";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { TRole } from "@/db/schema";
import { loadActor, type TActor } from "./actor";
import { auth } from "./next-auth";

/** The parts of Auth.js's session this needs (the session callback in next-auth.ts puts them there). */
const ZSessionView = z.object({ user: z.object({ id: z.string().min(1) }), sessionVersion: z.number().int() });

/** The signed-in actor, or null: no session, an expired or idle one (next-auth.ts), or a revoked one (loadActor). */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = ZSessionView.safeParse(await auth());
  if (!session.success) return null;
  return loadActor(getDb(), session.data.user.id, { sessionVersion: session.data.sessionVersion });
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
