"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TDefinitionEditorState } from "@/components/admin/definition-editor";
import { previewFormDefinition } from "@/server/forms/preview-form-definition";
import { publishableSubjectTypes, publishFormDefinition } from "@/server/forms/publish-form-definition";
import { defineAction } from "@/server/http/define-action";
import { forgetReferences } from "@/server/reference-cache";

const ZEditor = z.object({
  subjectType: z.enum(publishableSubjectTypes),
  subjectCode: z.string().regex(/^[A-Z0-9-]{1,64}$/),
  intent: z.enum(["preview", "publish"]),
  definition: z.string().max(500_000),
  baseVersion: z.coerce.number().int().nonnegative(),
});

/**
 * The definition editor's one form: "preview" checks and returns what applicants would see; "publish" writes the
 * next version and comes back to the page with it. Bound to the subject by the page.
 */
export const definitionEditorAction = defineAction({
  route: "/admin/forms/[subjectType]/[code]",
  name: "definitionEditorAction",
  bound: ["subjectType", "subjectCode"],
  state: true,
  input: ZEditor,
  codes: { definition: "invalid:form-definition-json" },
  // What the admin typed stays in the editor.
  invalid: (code, formData): TDefinitionEditorState => ({ error: code, definitionJson: String(formData.get("definition") ?? "") }),
  async run({ actor, db, input }): Promise<TDefinitionEditorState> {
    const { subjectType, subjectCode, intent, definition: definitionJson, baseVersion } = input;
    if (intent === "preview") {
      const result = await previewFormDefinition({ db, actor, subjectType, subjectCode, definitionJson });
      if (!result.ok) return { definitionJson, error: result.code, issues: result.issues, syntax: result.syntax, bundleCode: result.bundleCode };
      return { definitionJson, preview: { definition: result.definition, composed: result.composed } };
    }

    const result = await publishFormDefinition({ db, actor, subjectType, subjectCode, definitionJson, baseVersion });
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
  },
});
