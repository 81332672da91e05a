"use server";

/**
 * The wizard's server actions. Each is made with the action wrapper (the applicant the access policy admits, the
 * bound arguments and the post checked), and hands over to a use case that proves THIS applicant may touch THIS
 * draft. They work as plain form posts, so every step works without JavaScript; with it, they also serve autosave.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TWizardState } from "@/components/forms/wizard-state";
import { readFormData } from "@/lib/forms/read-form-data";
import { readUploads } from "@/lib/forms/read-uploads";
import { deleteDraft } from "@/server/drafts/delete-draft";
import { parseIntent, saveDraftPage } from "@/server/drafts/save-draft-page";
import { startDraft } from "@/server/drafts/start-draft";
import { submitDraft } from "@/server/drafts/submit-draft";
import type { TErrorCode } from "@/server/errors";
import { defineAction } from "@/server/http/define-action";

// Bound by the page, but a forged call can send anything: only these shapes reach a query or an address.
const ZCode = z.string().regex(/^[A-Z0-9-]{2,64}$/);
const ZId = z.uuid();
const ZPageKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/);
const wizardRefusal = (code: TErrorCode): TWizardState => ({ formError: code });

export const startDraftAction = defineAction({
  route: "/apply/[code]",
  name: "startDraftAction",
  bound: ["subjectCode"],
  // A company the applicant does not act for, or none, is the use case's to refuse.
  input: z.object({ subjectCode: ZCode, companyId: ZId.optional().catch(undefined) }),
  back: "/services",
  async run({ actor, db, input: { subjectCode: code, companyId } }) {
    const result = await startDraft({ db, actor, subjectCode: code, companyId });
    if (!result.ok) redirect(`/apply/${code}?error=${encodeURIComponent(result.code)}`);
    redirect(`/apply/${code}/${result.draftId}/${result.firstPageKey}`);
  },
});

export const saveDraftPageAction = defineAction({
  route: "/apply/[code]",
  name: "saveDraftPageAction",
  bound: ["subjectCode", "draftId", "pageKey"],
  state: true,
  input: z.object({ subjectCode: ZCode, draftId: ZId, pageKey: ZPageKey }),
  invalid: wizardRefusal,
  async run({ actor, db, input: { subjectCode: code, draftId: id, pageKey: page }, formData }): Promise<TWizardState> {
    const intentValue = formData.get("intent");
    const autosave = intentValue === "autosave";
    const result = await saveDraftPage({
      db,
      actor,
      draftId: id,
      pageKey: page,
      posted: readFormData(formData.entries(), { ignore: (name) => name === "intent" }),
      // Autosave never uploads: files go up when the applicant presses a button.
      uploads: autosave ? {} : readUploads(formData),
      intent: autosave ? { kind: "refresh" } : parseIntent(intentValue),
    });
    if (!result.ok) return { formError: result.code };
    if (autosave) return { savedAt: new Date().toISOString() };

    const base = `/apply/${code}/${id}`;
    switch (result.next) {
      case "stay":
        if (Object.keys(result.errors).length > 0) {
          // Re-render the page from the saved draft (new uploads included) in the same response as the errors.
          revalidatePath(`${base}/${page}`);
          return { fieldErrors: result.errors };
        }
        redirect(`${base}/${page}`);
      case "saved":
        // A counter clerk's draft waits at the counter, not in an applicant's /me.
        redirect(actor.role === "counter" ? "/counter?saved=1" : `/me?saved=${id}`);
      case "start":
        redirect(actor.role === "counter" ? "/counter" : `/apply/${code}`);
      default:
        redirect(`${base}/${result.next}`);
    }
  },
});

export const submitDraftAction = defineAction({
  route: "/apply/[code]",
  name: "submitDraftAction",
  bound: ["subjectCode", "draftId"],
  state: true,
  // The counter's consent box (absent from an applicant's own check page); whether it must be ticked is the use case's.
  input: z.object({ subjectCode: ZCode, draftId: ZId, idempotencyKey: ZId, consent: z.literal("yes").optional().catch(undefined) }),
  invalid: wizardRefusal,
  async run({ actor, db, input: { draftId, idempotencyKey, consent } }): Promise<TWizardState> {
    const result = await submitDraft({ db, actor, draftId, idempotencyKey, consent: consent === "yes" });
    if (!result.ok) return { formError: result.code, fieldErrors: result.fieldErrors };
    redirect(actor.role === "counter" ? `/counter/cases/${result.caseNumber}?submitted=1` : `/me/cases/${result.caseNumber}?submitted=1`);
  },
});

/** The delete button of a draft in /me; it says "deleted" either way, so a stranger learns nothing. */
export const deleteDraftAction = defineAction({
  route: "/apply/[code]",
  name: "deleteDraftAction",
  bound: ["draftId"],
  input: z.object({ draftId: ZId }),
  back: "/me",
  async run({ actor, db, input: { draftId } }) {
    await deleteDraft({ db, actor, draftId });
    redirect(actor.role === "counter" ? "/counter" : "/me?deleted=1");
  },
});
