"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TRevokeFormState } from "@/components/licences/revoke-licence-form";
import { defineAction } from "@/server/http/define-action";
import { revokeLicence } from "@/server/licences/revoke-licence";

// Only the shape here: whether this person may revoke this licence, and with what reason, is the use case's to decide.
const ZRevokePost = z.object({ licenceId: z.uuid(), reason: z.string().catch("") });

/** The issuing department revokes a licence; a refusal comes back with the reason as typed. */
export const revokeLicenceAction = defineAction({
  route: "/desk/licences/[id]",
  name: "revokeLicenceAction",
  state: true,
  input: ZRevokePost,
  async run({ actor, db, input: { licenceId, reason } }): Promise<TRevokeFormState> {
    const result = await revokeLicence({ db, actor, licenceId, reason });
    if (!result.ok) return { error: result.code, reason };
    revalidatePath(`/desk/licences/${licenceId}`);
    redirect(`/desk/licences/${licenceId}?revoked=1`);
  },
});
