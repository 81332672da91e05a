"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import type { TDefinitionIssue, TFormDefinition } from "@/lib/forms/definition";
import { actorForAction } from "@/server/auth/require-actor";
import type { TErrorCode } from "@/server/errors";
import type { TJsonSyntaxError } from "@/server/forms/check-definition-json";
import { previewFormDefinition } from "@/server/forms/preview-form-definition";
import { publishableSubjectTypes, publishFormDefinition } from "@/server/forms/publish-form-definition";
import { forgetReferences } from "@/server/reference-cache";

export type TDefinitionEditorState = {
  /** What the admin posted, shown again in the editor. */
  definitionJson?: string;
  error?: TErrorCode;
  issues?: TDefinitionIssue[];
  syntax?: TJsonSyntaxError;
  /** The bundle that would not compose. */
  bundleCode?: string;
  preview?: { definition: TFormDefinition; composed: TFormDefinition | null };
};

const ZSubject = z.object({ subjectType: z.enum(publishableSubjectTypes), subjectCode: z.string().regex(/^[A-Z0-9-]{1,64}$/) });
const ZEditor = z.object({
  intent: z.enum(["preview", "publish"]),
  definition: z.string().max(500_000),
  baseVersion: z.coerce.number().int().nonnegative(),
});

/**
 * The definition editor's one form: "preview" checks and returns what applicants would see; "publish" writes the
 * next version and comes back to the page with it. Bound to the subject by the page.
 */
export async function definitionEditorAction(
  subjectType: string,
  subjectCode: string,
  _state: TDefinitionEditorState,
  formData: FormData,
): Promise<TDefinitionEditorState> {
  formData = actionForm(formData);
  const subject = ZSubject.safeParse({ subjectType, subjectCode });
  if (!subject.success) return { error: "not-found:form-subject" };
  const parsed = ZEditor.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid:form-definition-json", definitionJson: String(formData.get("definition") ?? "") };
  const actor = await actorForAction("/admin/forms/[subjectType]/[code]", "definitionEditorAction");
  const { intent, definition: definitionJson, baseVersion } = parsed.data;
  if (!actor) return { error: "unauthorized:session", definitionJson };
  const db = getDb();

  if (intent === "preview") {
    const result = await previewFormDefinition({ db, actor, ...subject.data, definitionJson });
    if (!result.ok) return { definitionJson, error: result.code, issues: result.issues, syntax: result.syntax, bundleCode: result.bundleCode };
    return { definitionJson, preview: { definition: result.definition, composed: result.composed } };
  }

  const result = await publishFormDefinition({ db, actor, ...subject.data, definitionJson, baseVersion });
  if (!result.ok) {
    // Someone else's version is the new starting point: show it in the versions list.
    if (result.code === "conflict:form-definition-changed") revalidatePath(`/admin/forms/${subjectType}/${subjectCode}`);
    return { definitionJson, error: result.code, issues: result.issues, syntax: result.syntax, bundleCode: result.bundleCode };
  }
  // New applications in this process use the new version at once; other replicas within the cache's 10 s.
  forgetReferences(db);
  revalidatePath("/admin/forms");
  const recomposed = result.recomposed.map((bundle) => bundle.bundleCode).join(",");
  redirect(`/admin/forms/${subjectType}/${subjectCode}?published=${result.version}${recomposed ? `&recomposed=${recomposed}` : ""}`);
}
