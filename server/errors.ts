/**
 * Typed errors: every refusal a user can meet has a code of the form `kind:subject`, mapped to a message in
 * each language (messages/*.json → "errors"). Use cases return them; they never throw for expected refusals.
 */
export const errorCodes = [
  // A post whose shape is wrong (a forged call, a stale page): refused by the action wrapper before anything runs.
  "invalid:input",
  "invalid:sign-in-missing",
  "invalid:sign-in",
  "rate-limited:sign-in",
  "forbidden:role",
  "forbidden:case",
  "forbidden:task",
  "forbidden:applicant-type",
  "invalid:company-required",
  "not-found:service",
  "not-found:case",
  "not-found:task",
  "invalid:form-answer",
  "invalid:reason-required",
  "invalid:reason-too-long",
  "conflict:task-already-claimed",
  "conflict:task-changed",
  "conflict:transition-not-allowed",
  "conflict:task-not-claimed-by-you",
  // Approving on commitment (告知承诺制) when the service offers none or the applicant did not sign it.
  "conflict:no-commitment",
  "not-found:draft",
  "forbidden:draft",
  "expired:draft",
  "invalid:material",
  "not-found:form-subject",
  "invalid:form-definition-json",
  "invalid:form-definition",
  "invalid:bundle-composition",
  "conflict:form-definition-unchanged",
  "conflict:form-definition-changed",
  "not-found:inbox-message",
  "forbidden:inbox-message",
  "not-found:supplement",
  "conflict:supplement-closed",
  "invalid:supplement-items",
  "conflict:case-decided",
  "conflict:extension-used",
  "invalid:extension",
  "not-found:unclaimed-task",
  "invalid:colleague",
  "invalid:search-whole-number",
  "invalid:search-too-long",
  "invalid:bulk-selection",
  "invalid:calendar-date",
  // The supervision dashboard's date range (lib/supervision/report-range.ts).
  "invalid:report-date",
  "invalid:report-range-reversed",
  "invalid:report-range-too-long",
  "invalid:calendar-kind",
  "invalid:calendar-name-required",
  "invalid:calendar-name-too-long",
  "invalid:calendar-workday-on-weekday",
  "not-found:calendar-day",
  "invalid:rating-overall-required",
  "invalid:rating-efficiency-required",
  "invalid:rating-guide-accuracy-required",
  "invalid:rating-convenience-required",
  "invalid:rating-comment-too-long",
  "conflict:already-rated",
  "conflict:case-not-concluded",
  "conflict:case-withdrawn",
  "not-found:follow-up",
  "conflict:follow-up-answered",
  "invalid:follow-up-reply-required",
  "invalid:follow-up-reply-too-long",
  "not-found:licence",
  "not-found:document",
  "not-found:material",
  "forbidden:licence",
  "conflict:licence-revoked",
  "invalid:revocation-reason-required",
  "invalid:revocation-reason-too-long",
  // Any typed text (lib/text/plain-text.ts).
  "invalid:text-control-character",
  "invalid:text-line-break",
  "invalid:holder-id-number",
  "conflict:licence-holder-not-checkable",
  "rate-limited:holder-check",
  "not-found:dead-letter",
  "invalid:reveal-fields",
  "invalid:reveal-purpose",
  "invalid:reveal-note-required",
  "invalid:reveal-note-too-long",
  // Administration of departments and staff accounts.
  "not-found:department",
  "invalid:department-code",
  "conflict:department-code-taken",
  "invalid:department-name-required",
  "invalid:department-name-too-long",
  "invalid:department-phone",
  "invalid:department-contact-too-long",
  "conflict:department-retired",
  "conflict:department-has-open-tasks",
  "conflict:department-has-active-staff",
  "not-found:account",
  "invalid:username",
  "conflict:username-taken",
  "invalid:display-name-required",
  "invalid:display-name-too-long",
  "invalid:staff-role",
  "invalid:department-required",
  "invalid:department-not-allowed",
  "conflict:last-admin",
  "conflict:own-account",
  "conflict:account-unchanged",
  // Choosing a password (server/auth/password-policy.ts).
  "invalid:current-password",
  "rate-limited:current-password",
  "invalid:password-too-short",
  "invalid:password-too-long",
  "invalid:password-contains-username",
  "invalid:password-common",
  "invalid:password-mismatch",
  "invalid:password-same",
  // The counter (一窗受理): finding and recording applicants, filing for them.
  "invalid:counter-resident-id",
  "invalid:counter-uscc",
  "invalid:counter-mobile",
  "invalid:counter-name-required",
  "invalid:counter-name-too-long",
  "invalid:counter-representative-required",
  "invalid:counter-address-required",
  "invalid:counter-address-too-long",
  "invalid:counter-region",
  "invalid:counter-record",
  "conflict:counter-person-recorded",
  "conflict:counter-company-recorded",
  "not-found:applicant",
  "invalid:counter-consent-required",
  // Administration of services (事项) and their guides (server/services/).
  "invalid:service-code",
  "conflict:service-code-taken",
  "invalid:service-department",
  "invalid:service-applicant-type",
  "invalid:service-kind",
  "invalid:service-text-required",
  "invalid:service-text-too-long",
  "invalid:service-topic",
  "invalid:service-list-required",
  "invalid:service-list-languages",
  "invalid:service-list-too-long",
  "invalid:service-material-copies",
  "invalid:service-limit",
  "invalid:service-promised-over-legal",
  "conflict:service-no-draft",
  "conflict:service-retired",
  "conflict:service-not-retired",
  // A published service whose form has no version yet: nobody can apply for it online.
  "conflict:service-no-form",
  // Urging notices (督办): sent by a supervisor, answered by the department.
  "not-found:urging-subject",
  "not-found:urging",
  "invalid:urging-message-required",
  "invalid:urging-message-too-long",
  "invalid:urging-deadline",
  "invalid:urging-deadline-past",
  "invalid:urging-deadline-not-working-day",
  "invalid:urging-deadline-too-far",
  "conflict:urging-open",
  "conflict:urging-answered",
  "invalid:urging-answer-required",
  "invalid:urging-answer-too-long",
  // Reason templates (常用理由) in administration.
  "not-found:reason-template",
  "invalid:reason-template-required",
  "invalid:reason-template-too-long",
  // Administration of bundles (一件事) and their routing rules.
  "not-found:bundle",
  "not-found:bundle-item",
  "invalid:bundle-code",
  "conflict:bundle-code-taken",
  "invalid:bundle-name-required",
  "invalid:bundle-name-too-long",
  "invalid:bundle-summary-required",
  "invalid:bundle-summary-too-long",
  "invalid:bundle-applicant-type",
  "invalid:bundle-topic",
  "conflict:bundle-retired",
  "invalid:bundle-service",
  "conflict:bundle-service-included",
  "conflict:bundle-item-depended-on",
  "invalid:routing-rule-json",
  "invalid:routing-rule",
  "invalid:routing-rule-field",
  "invalid:bundle-dependency",
  "invalid:bundle-dependency-self",
  "invalid:bundle-dependency-cycle",
  "invalid:bundle-exclude-fields",
  "invalid:sample-answers",
] as const;
export type TErrorCode = (typeof errorCodes)[number];

export type TAppError = { ok: false; code: TErrorCode; details?: Record<string, unknown> };
export type TResult<T> = ({ ok: true } & T) | TAppError;

export function fail(code: TErrorCode, details?: Record<string, unknown>): TAppError {
  return details ? { ok: false, code, details } : { ok: false, code };
}

export function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === "string" && (errorCodes as readonly string[]).includes(value);
}

/** Thrown inside a transaction to roll back what it already wrote, while still answering with a typed refusal. */
export class RefusalRollback extends Error {
  constructor(readonly refusal: TAppError) {
    super(refusal.code);
  }
}

/** Runs a transaction that may throw RefusalRollback, and answers with the refusal instead of throwing. */
export async function catchRefusal<T>(work: Promise<T>): Promise<T | TAppError> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RefusalRollback) return error.refusal;
    throw error;
  }
}
