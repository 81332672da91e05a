"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, withError } from "@/server/http/define-action";
import { decideExtension } from "@/server/workflow/decide-extension";

/** A supervisor's answer to an extension request; the outcome or the refusal comes back on the page. */
export const decideExtensionAction = defineAction({
  route: "/supervise",
  name: "decideExtensionAction",
  input: z.object({ taskId: z.uuid(), version: z.coerce.number().int().positive(), decision: z.enum(["approve", "deny"]) }),
  back: "/supervise",
  async run({ actor, db, input: { taskId, version, decision } }) {
    const result = await decideExtension({ db, actor, taskId, expectedVersion: version, approve: decision === "approve" });
    revalidatePath("/supervise");
    redirect(result.ok ? `/supervise?extension=${decision}` : withError("/supervise", result.code));
  },
});
