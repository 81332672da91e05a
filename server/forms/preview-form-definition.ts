/**
 * Checks what an admin typed without writing anything, and says what applicants would see: the service's form,
 * or for a bundle's own questions the whole composed bundle form. For a service, every bundle it feeds is
 * composed with it too, so a clash that would refuse the publish shows up here first.
 */
import type { TDatabase } from "@/db/client";
import type { TDefinitionIssue, TFormDefinition } from "@/lib/forms/definition";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { checkDefinitionJson, type TJsonSyntaxError } from "./check-definition-json";
import { bundlesFedBy, type TPublishableSubjectType } from "./publish-form-definition";
import { composeFromSources, loadBundleSources } from "./recompose-bundle";

export type TPreviewFormDefinitionOptions = {
  db: TDatabase;
  actor: TActor;
  subjectType: TPublishableSubjectType;
  subjectCode: string;
  definitionJson: string;
};

export type TPreviewFormDefinitionResult =
  | { ok: true; definition: TFormDefinition; /** What the applicant sees, when that is a composed bundle form. */ composed: TFormDefinition | null }
  | (TAppError & { issues?: TDefinitionIssue[]; syntax?: TJsonSyntaxError; bundleCode?: string });

export async function previewFormDefinition(options: TPreviewFormDefinitionOptions): Promise<TPreviewFormDefinitionResult> {
  const { db, actor, subjectType, subjectCode, definitionJson } = options;
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = checkDefinitionJson(definitionJson);
  if (!checked.ok) return checked.code === "invalid:form-definition-json" ? { ...fail(checked.code), syntax: checked.syntax } : { ...fail(checked.code), issues: checked.issues };
  const definition = checked.definition;

  let composed: TFormDefinition | null = null;
  for (const bundleCode of await bundlesFedBy(db, subjectType, subjectCode)) {
    const sources = await loadBundleSources(db, bundleCode);
    if (!sources.ok) return sources;
    const result = composeFromSources(sources, subjectType === "bundle-base" ? { base: definition } : { service: { code: subjectCode, definition } });
    if (!result.ok) return { ...fail("invalid:bundle-composition", { bundleCode }), issues: result.issues, bundleCode };
    if (subjectType === "bundle-base") composed = result.definition;
  }
  return { ok: true, definition, composed };
}
