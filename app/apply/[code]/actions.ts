"use server";

/**
 * The wizard's server actions. Each asks for the actor the access policy admits (an applicant), reads the post, and
 * hands over to a use case that proves THIS applicant may touch THIS draft. They work as plain form posts, so every step works without
 * JavaScript; with it, they also serve autosave.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { readFormData } from "@/lib/forms/read-form-data";
import { readUploads } from "@/lib/forms/read-uploads";
import type { TFieldError } from "@/lib/forms/validate-answers";
import { actorForAction } from "@/server/auth/require-actor";
import { deleteDraft } from "@/server/drafts/delete-draft";
import { parseIntent, saveDraftPage } from "@/server/drafts/save-draft-page";
import { startDraft } from "@/server/drafts/start-draft";
import { submitDraft } from "@/server/drafts/submit-draft";
import type { TErrorCode } from "@/server/errors";

export type TWizardState = {
  formError?: TErrorCode;
  fieldErrors?: Record<string, TFieldError>;
  /** Set by autosave: when the draft was last saved. */
  savedAt?: string;
};

const ZCode = z.string().regex(/^[A-Z0-9-]{2,64}$/);
const ZId = z.uuid();
const ZPageKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/);

export async function startDraftAction(subjectCode: string, formData: FormData): Promise<void> {
  formData = actionForm(formData);
  // Bound by the page, but a forged call can send anything: a malformed code is a service that does not exist.
  const parsed = ZCode.safeParse(subjectCode);
  if (!parsed.success) redirect("/services");
  const code = parsed.data;
  const actor = await actorForAction("/apply/[code]", "startDraftAction");
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(`/apply/${code}`)}`);
  const companyId = ZId.safeParse(formData.get("companyId"));
  const result = await startDraft({ db: getDb(), actor, subjectCode: code, companyId: companyId.success ? companyId.data : undefined });
  if (!result.ok) redirect(`/apply/${code}?error=${encodeURIComponent(result.code)}`);
  redirect(`/apply/${code}/${result.draftId}/${result.firstPageKey}`);
}

export async function saveDraftPageAction(
  subjectCode: string,
  draftId: string,
  pageKey: string,
  _state: TWizardState,
  formData: FormData,
): Promise<TWizardState> {
  formData = actionForm(formData);
  const actor = await actorForAction("/apply/[code]", "saveDraftPageAction");
  if (!actor) return { formError: "unauthorized:session" };
  const code = ZCode.safeParse(subjectCode);
  const id = ZId.safeParse(draftId);
  const page = ZPageKey.safeParse(pageKey);
  if (!code.success || !id.success || !page.success) return { formError: "not-found:draft" };

  const intentValue = formData.get("intent");
  const autosave = intentValue === "autosave";
  const result = await saveDraftPage({
    db: getDb(),
    actor,
    draftId: id.data,
    pageKey: page.data,
    posted: readFormData(formData.entries(), { ignore: (name) => name === "intent" }),
    // Autosave never uploads: files go up when the applicant presses a button.
    uploads: autosave ? {} : readUploads(formData),
    intent: autosave ? { kind: "refresh" } : parseIntent(intentValue),
  });
  if (!result.ok) return { formError: result.code };
  if (autosave) return { savedAt: new Date().toISOString() };

  const base = `/apply/${code.data}/${id.data}`;
  switch (result.next) {
    case "stay":
      if (Object.keys(result.errors).length > 0) {
        // Re-render the page from the saved draft (new uploads included) in the same response as the errors.
        revalidatePath(`${base}/${page.data}`);
        return { fieldErrors: result.errors };
      }
      redirect(`${base}/${page.data}`);
    case "saved":
      redirect(`/me?saved=${id.data}`);
    case "start":
      redirect(`/apply/${code.data}`);
    default:
      redirect(`${base}/${result.next}`);
  }
}

export async function submitDraftAction(subjectCode: string, draftId: string, _state: TWizardState, formData: FormData): Promise<TWizardState> {
  formData = actionForm(formData);
  const actor = await actorForAction("/apply/[code]", "submitDraftAction");
  if (!actor) return { formError: "unauthorized:session" };
  const id = ZId.safeParse(draftId);
  const key = ZId.safeParse(formData.get("idempotencyKey"));
  if (!id.success || !key.success) return { formError: "not-found:draft" };
  const result = await submitDraft({ db: getDb(), actor, draftId: id.data, idempotencyKey: key.data });
  if (!result.ok) return { formError: result.code, fieldErrors: result.fieldErrors };
  redirect(`/me/cases/${result.caseNumber}?submitted=1`);
}

export async function deleteDraftAction(draftId: string): Promise<void> {
  const actor = await actorForAction("/apply/[code]", "deleteDraftAction");
  if (!actor) redirect("/login?callbackUrl=%2Fme");
  const id = ZId.safeParse(draftId);
  if (id.success) await deleteDraft({ db: getDb(), actor, draftId: id.data });
  redirect("/me?deleted=1");
}
