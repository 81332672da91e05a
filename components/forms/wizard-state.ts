import type { TFieldError } from "@/lib/forms/validate-answers";
import type { TErrorCode } from "@/server/errors";

/** What the wizard's actions (app/apply/[code]/actions.ts) answer a page or the check page with. */
export type TWizardState = {
  formError?: TErrorCode;
  fieldErrors?: Record<string, TFieldError>;
  /** Set by autosave: when the draft was last saved. */
  savedAt?: string;
};
