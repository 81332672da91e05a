"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import type { TErrorCode } from "@/server/errors";
import { revokeLicence } from "@/server/licences/revoke-licence";

export type TRevokeFormState = { error?: TErrorCode; reason?: string };

// Only the shape here: whether this person may revoke this licence, and with what reason, is the use case's to decide.
const ZRevokePost = z.object({ licenceId: z.uuid(), reason: z.string().catch("") });

/** The issuing department revokes a licence; a refusal comes back with the reason as typed. */
export async function revokeLicenceAction(_state: TRevokeFormState, formData: FormData): Promise<TRevokeFormState> {
  formData = actionForm(formData);
  const parsed = ZRevokePost.safeParse({ licenceId: formData.get("licenceId"), reason: formData.get("reason") });
  if (!parsed.success) return { error: "not-found:licence" };
  const { licenceId, reason } = parsed.data;
  const actor = await actorForAction("/desk/licences/[id]", "revokeLicenceAction");
  if (!actor) return { error: "unauthorized:session", reason };
  const result = await revokeLicence({ db: getDb(), actor, licenceId, reason });
  if (!result.ok) return { error: result.code, reason };
  revalidatePath(`/desk/licences/${licenceId}`);
  redirect(`/desk/licences/${licenceId}?revoked=1`);
}
