/**
 * One step of the wizard: what the applicant posted for ONE page is merged into their server draft and saved,
 * valid or not (nothing typed is lost), then the page's answers are checked. The intent says where to go:
 * on to the next page (only when this page is clean), back, out ("save and come back later"), or stay to add or
 * remove a repeating item, remove a file, or refresh the region lists.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { drafts } from "@/db/schema";
import type { TField, TFieldOf, TFormDefinition, TPage } from "@/lib/forms/definition";
import { nextPageKey, previousPageKey } from "@/lib/forms/layout";
import { validateAnswers, type TFieldError } from "@/lib/forms/validate-answers";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import { regionLookup } from "@/lib/regions/regions";
import type { TActor } from "@/server/auth/actor";
import { getEnv } from "@/server/env";
import type { TAppError } from "@/server/errors";
import { mergeMaterial } from "@/server/materials/merge-material";
import { lockedValues, resolvePrefill } from "@/server/prefill/resolve-prefill";
import { applicantOfDraft } from "./applicant-of-draft";
import { loadDraft } from "./load-draft";
import { sealSensitiveAnswers } from "@/db/sealing/seal-json";

export type TWizardIntent =
  | { kind: "next" }
  | { kind: "back" }
  | { kind: "save" }
  | { kind: "refresh" }
  | { kind: "add-item"; group: string }
  | { kind: "remove-item"; group: string; index: number }
  | { kind: "remove-file"; field: string; fileId: string };

/** Reads the intent button's value; anything unknown is a plain "continue". */
export function parseIntent(value: unknown): TWizardIntent {
  if (typeof value !== "string") return { kind: "next" };
  const [verb, first, second] = value.split(":");
  if (verb === "back" || verb === "save" || verb === "refresh") return { kind: verb };
  if (verb === "add" && first) return { kind: "add-item", group: first };
  if (verb === "remove" && first && second !== undefined && /^\d{1,3}$/.test(second)) return { kind: "remove-item", group: first, index: Number(second) };
  if (verb === "remove-file" && first && second) return { kind: "remove-file", field: first, fileId: second };
  return { kind: "next" };
}

export type TSavePageResult =
  | {
      ok: true;
      /** Where the applicant goes now: a page key, "check", "stay" on this page, or "saved" (back to /me). */
      next: string;
      errors: Record<string, TFieldError>;
    }
  | TAppError;

export type TSaveDraftPageOptions = {
  db: TDatabase;
  actor: TActor;
  draftId: string;
  pageKey: string;
  /** The page's fields as read by readFormData (files excluded). */
  posted: Record<string, unknown>;
  /** Files chosen in each material field of the page. */
  uploads: Record<string, File[]>;
  intent: TWizardIntent;
  now?: Date;
};

function asItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return [...value];
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([index]) => /^\d+$/.test(index))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item);
  }
  return [];
}

function fieldsOf(page: TPage): TField[] {
  return page.sections.flatMap((section) => section.fields);
}

export async function saveDraftPage(options: TSaveDraftPageOptions): Promise<TSavePageResult> {
  const { db, actor, draftId, pageKey, posted, uploads, intent } = options;
  const now = options.now ?? new Date();
  const loaded = await loadDraft({ db, actor, draftId, now });
  if (!loaded.ok) return loaded;
  const { draft, subject } = loaded;
  const definition: TFormDefinition = subject.form.definition;
  const page = definition.pages.find((candidate) => candidate.key === pageKey);
  if (!page) return { ok: true, next: definition.pages[0].key, errors: {} };

  const today = toIsoDate(now);
  const merged: Record<string, unknown> = { ...draft.answers };
  const uploadErrors: Record<string, TFieldError> = {};

  for (const field of fieldsOf(page)) {
    if (field.type === "material") {
      const removeFileId = intent.kind === "remove-file" && intent.field === field.key ? intent.fileId : undefined;
      merged[field.key] = await mergeMaterial({ db, actor, field, kept: draft.answers[field.key], posted: posted[field.key], files: uploads[field.key] ?? [], removeFileId, uploadErrors });
      continue;
    }
    let value = posted[field.key];
    if (field.type === "group") {
      const items = asItems(value);
      if (intent.kind === "remove-item" && intent.group === field.key) items.splice(intent.index, 1);
      value = items;
    }
    if (value === undefined) delete merged[field.key];
    else merged[field.key] = value;
  }

  // The register data of whom the draft is filed for: a counter clerk's draft prefills from the applicant's.
  const { applicant } = await applicantOfDraft(db, actor, draft);
  const prefill = await resolvePrefill({ db, actor: applicant, companyId: draft.companyId, definition, today });
  const validation = validateAnswers(definition, merged, { today, pageKey, fixed: lockedValues(prefill), regions: regionLookup });
  const keep: Record<string, unknown> = { ...validation.keep };
  if (intent.kind === "add-item") {
    const group = fieldsOf(page).find((field): field is TFieldOf<"group"> => field.type === "group" && field.key === intent.group);
    const items = asItems(keep[intent.group]);
    // A blank item is kept in the draft so the page shows it; the validator drops it again if it stays blank.
    if (group && items.length < group.maxItems) keep[intent.group] = [...items, {}];
  }

  await db
    .update(drafts)
    .set({ answers: sealSensitiveAnswers(definition, keep), formDefinitionId: subject.form.id, updatedAt: now, expiresAt: addDays(now, getEnv().DRAFT_EXPIRY_DAYS) })
    .where(eq(drafts.id, draft.id));

  switch (intent.kind) {
    case "back":
      return { ok: true, next: previousPageKey(definition, keep, pageKey, { today }) ?? "start", errors: {} };
    case "save":
      return { ok: true, next: "saved", errors: {} };
    case "next": {
      const errors = { ...validation.errors, ...uploadErrors };
      if (Object.keys(errors).length > 0) return { ok: true, next: "stay", errors };
      return { ok: true, next: nextPageKey(definition, keep, pageKey, { today }) ?? "check", errors: {} };
    }
    default:
      return { ok: true, next: "stay", errors: uploadErrors };
  }
}
