"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getLocale } from "next-intl/server";
import type { TExtensionFormState } from "@/components/desk/extension-request-form";
import { formatAnswerText, type TAnswerWords } from "@/components/forms/answer-list";
import type { TRevealFormState } from "@/components/desk/reveal-personal-form";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TSupplementFormState } from "@/components/desk/supplement-request-form";
import { defineAction } from "@/server/http/define-action";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { requestExtension } from "@/server/workflow/request-extension";
import { translatorFor } from "@/server/i18n/translator";
import { revealPersonalAnswers } from "@/server/workflow/reveal-personal-answers";

const ZTaskPost = z.object({ taskId: z.uuid(), version: z.coerce.number().int().positive() });
// Text fields as posted (a missing one reads as empty): what a note or a reason may be is the use case's to decide.
const ZText = z.string().catch("");

/** The clerk's 补正 request: the ticked fields, each with its note, and an optional note for the whole request. */
export const requestSupplementAction = defineAction({
  route: "/desk/tasks/[id]",
  name: "requestSupplementAction",
  state: true,
  // The ticked items and their notes are read from the post below: which may be asked for is the use case's to decide.
  input: ZTaskPost.extend({ note: ZText }),
  async run({ actor, db, input: { taskId, version, note }, formData }): Promise<TSupplementFormState> {
    const picked = formData.getAll("item").filter((value): value is string => typeof value === "string");
    const notes = Object.fromEntries(picked.map((key) => [key, String(formData.get(`note-${key}`) ?? "")]));
    const result = await requestSupplement({ db, actor, taskId, expectedVersion: version, note, items: picked.map((key) => ({ key, note: notes[key] })) });
    if (!result.ok) return { error: result.code, note, notes, picked };
    revalidatePath("/desk");
    redirect(`/desk/tasks/${taskId}?done=request-supplement`);
  },
});

/** The clerk asks the supervisor for more working days, once per task, with a reason. */
export const requestExtensionAction = defineAction({
  route: "/desk/tasks/[id]",
  name: "requestExtensionAction",
  state: true,
  input: ZTaskPost.extend({ days: ZText, reason: ZText }),
  async run({ actor, db, input: { taskId, version, days, reason } }): Promise<TExtensionFormState> {
    const result = await requestExtension({
      db,
      actor,
      taskId,
      expectedVersion: version,
      // A count the use case can check; anything else is no count at all (refused as invalid:extension).
      days: /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : Number.NaN,
      reason,
    });
    if (!result.ok) return { error: result.code, days, reason };
    redirect(`/desk/tasks/${taskId}?done=extension-requested`);
  },
});

/** The clerk reveals chosen masked answers with a purpose: recorded in the trail, shown in this page view only. */
export const revealPersonalAnswersAction = defineAction({
  route: "/desk/tasks/[id]",
  name: "revealPersonalAnswersAction",
  state: true,
  input: z.object({ taskId: z.uuid(), purpose: ZText, note: ZText }),
  async run({ actor, db, input: { taskId, purpose, note }, formData }): Promise<TRevealFormState> {
    const picked = formData.getAll("field").filter((value): value is string => typeof value === "string");
    const result = await revealPersonalAnswers({ db, actor, taskId, keys: picked, purpose, note });
    if (!result.ok) return { error: result.code, picked, purpose, note };
    const locale = (await getLocale()) as Locale;
    // translatorFor, not getTranslations: an action's words do not need the page's request (and its tests have none).
    const translate = translatorFor(locale);
    const words: TAnswerWords = (key, values) => translate(`form.${key}`, values);
    return {
      revealed: result.revealed.map((answer) => ({
        label: localize(answer.label, locale),
        parts: answer.parts.map((part) => ({
          where: part.where ? `${localize(part.where.itemLabel, locale)} ${part.where.itemIndex + 1} · ${localize(part.where.label, locale)}` : null,
          // Read as the answer list reads it: a select's option, a date, an amount in yuan — or the number itself.
          value: formatAnswerText(part.field, part.value, locale, words),
        })),
      })),
    };
  },
});
