"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/server/auth/session";
import { withdrawCase } from "@/server/workflow/withdraw-case";

/** Withdraw what is not yet decided; the answer (or why not) comes back on the tracker. */
export async function withdrawCaseAction(caseNumber: string, formData: FormData): Promise<void> {
  const actor = await getActor();
  const tracker = `/me/cases/${encodeURIComponent(caseNumber)}`;
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(tracker)}`);
  const result = await withdrawCase({ db: getDb(), actor, caseNumber, reason: String(formData.get("reason") ?? "") });
  revalidatePath(tracker);
  redirect(result.ok ? `${tracker}?withdrawn=1` : `${tracker}?error=${encodeURIComponent(result.code)}`);
}
