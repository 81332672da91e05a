"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import type { TErrorCode } from "@/server/errors";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { requestExtension } from "@/server/workflow/request-extension";

export type TSupplementFormState = { error?: TErrorCode; note?: string; notes?: Record<string, string>; picked?: string[] };

const ZSupplementPost = z.object({ taskId: z.uuid(), version: z.coerce.number().int().positive() });

/** The clerk's 补正 request: the ticked fields, each with its note, and an optional note for the whole request. */
export async function requestSupplementAction(_state: TSupplementFormState, formData: FormData): Promise<TSupplementFormState> {
  formData = actionForm(formData);
  const parsed = ZSupplementPost.safeParse({ taskId: formData.get("taskId"), version: formData.get("version") });
  if (!parsed.success) return { error: "conflict:task-changed" };
  const actor = await actorForAction("/desk/tasks/[id]", "requestSupplementAction");
  if (!actor) return { error: "unauthorized:session" };
  const picked = formData.getAll("item").filter((value): value is string => typeof value === "string");
  const notes = Object.fromEntries(picked.map((key) => [key, String(formData.get(`note-${key}`) ?? "")]));
  const note = String(formData.get("note") ?? "");
  const result = await requestSupplement({
    db: getDb(),
    actor,
    taskId: parsed.data.taskId,
    expectedVersion: parsed.data.version,
    note,
    items: picked.map((key) => ({ key, note: notes[key] })),
  });
  if (!result.ok) return { error: result.code, note, notes, picked };
  revalidatePath("/desk");
  redirect(`/desk/tasks/${parsed.data.taskId}?done=request-supplement`);
}

export type TExtensionFormState = { error?: TErrorCode; days?: string; reason?: string };

export async function requestExtensionAction(_state: TExtensionFormState, formData: FormData): Promise<TExtensionFormState> {
  formData = actionForm(formData);
  const parsed = ZSupplementPost.safeParse({ taskId: formData.get("taskId"), version: formData.get("version") });
  if (!parsed.success) return { error: "conflict:task-changed" };
  const actor = await actorForAction("/desk/tasks/[id]", "requestExtensionAction");
  if (!actor) return { error: "unauthorized:session" };
  const days = String(formData.get("days") ?? "");
  const reason = String(formData.get("reason") ?? "");
  const result = await requestExtension({
    db: getDb(),
    actor,
    taskId: parsed.data.taskId,
    expectedVersion: parsed.data.version,
    days: /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : Number.NaN,
    reason,
  });
  if (!result.ok) return { error: result.code, days, reason };
  redirect(`/desk/tasks/${parsed.data.taskId}?done=extension-requested`);
}
