/**
 * The one helper that gives every page and action the signed-in actor. It proves someone is signed in and, for
 * pages, that their role may see the page; the use cases then prove this actor may touch THIS record.
 */
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
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

/** For pages: signs the visitor in first (coming back to `returnTo`), then shows 403 to a role not in `roles`. */
export async function requireActor({ roles, returnTo }: { roles: readonly TRole[]; returnTo: string }): Promise<TActor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}

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
