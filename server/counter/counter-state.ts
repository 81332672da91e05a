/** What the counter's find and record forms show after a post (useActionState): a refusal, field errors, what to record. */
import type { TErrorCode } from "@/server/errors";
import type { TApplicantKind } from "./find-applicant";

export type TCounterFindState = {
  error?: TErrorCode;
  /** What was searched, shown again beside a refusal so the clerk corrects it rather than types it again. */
  searched?: { kind: TApplicantKind; number: string };
  /** Nobody on the register with this number: the form to record them opens, starting from it. */
  notFound?: { kind: TApplicantKind; number: string };
};

export type TCounterRecordState = {
  error?: TErrorCode;
  fieldErrors?: Record<string, TErrorCode>;
  /** What was posted, shown again beside the errors (the post body's own data: never an address or a log). */
  values?: Record<string, string>;
  /** Already on the register: their record, to open instead. */
  existingId?: string;
};
