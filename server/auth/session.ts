/**
 * The one helper that gives every page and action the signed-in actor (getActor). Pages and actions ask for it
 * through server/auth/require-actor.ts, which also applies the access policy's roles; the use cases then prove this
 * actor may touch THIS record.
 */
import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { TRole } from "@/db/schema";
import { loadActor, type TActor } from "./actor";
import { auth } from "./next-auth";

export const getActor = cache(async (): Promise<TActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActor(getDb(), userId);
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
