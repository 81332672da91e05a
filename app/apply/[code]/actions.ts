"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { TFieldError } from "@/lib/forms/validate-answers";
import { getActor } from "@/server/auth/session";
import type { TErrorCode } from "@/server/errors";
import { submitApplication } from "@/server/intake/submit-application";

export type TApplyState = {
  formError?: TErrorCode;
  fieldErrors?: Record<string, TFieldError>;
  values?: Record<string, string | number | boolean>;
};

const ZEnvelope = z.object({ idempotencyKey: z.uuid() });

/** Form post → the one intake use case → the tracker. Bound to the service or bundle code by the page. */
export async function submitApplicationAction(subjectCode: string, _state: TApplyState, formData: FormData): Promise<TApplyState> {
  const actor = await getActor();
  if (!actor) return { formError: "unauthorized:session" };
  const envelope = ZEnvelope.safeParse({ idempotencyKey: formData.get("idempotencyKey") });
  if (!envelope.success) return { formError: "invalid:form-answer" };

  // Answers are every posted field but our envelope and React's own `$ACTION_…` fields; the use case drops
  // anything the definition does not know.
  const rawAnswers: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key === "idempotencyKey" || key.startsWith("$") || typeof value !== "string") continue;
    rawAnswers[key] = value;
  }

  const result = await submitApplication({
    db: getDb(),
    actor,
    subjectCode,
    rawAnswers,
    idempotencyKey: envelope.data.idempotencyKey,
    channel: "online",
  });
  if (!result.ok) {
    return { formError: result.code, fieldErrors: result.fieldErrors, values: result.answers ?? stringValues(rawAnswers) };
  }
  redirect(`/me/cases/${result.caseNumber}?submitted=1`);
}

function stringValues(raw: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === "string")) as Record<string, string>;
}
