"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, withError } from "@/server/http/define-action";
import { runAuditVerification } from "@/server/audit/run-audit-verification";

/** "Verify now": a plain form post that comes back to the page, which shows the verification just stored. */
export const verifyAuditAction = defineAction({
  route: "/admin/audit",
  name: "verifyAuditAction",
  input: z.object({}),
  back: "/admin/audit",
  async run({ actor, db }) {
    const result = await runAuditVerification({ db, actor });
    if (!result.ok) redirect(withError("/admin/audit", result.code));
    revalidatePath("/admin/audit");
    redirect(`/admin/audit?verified=${result.verification.id}`);
  },
});
