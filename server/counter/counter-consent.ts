/**
 * The applicant's consent to a filing at the counter (一窗受理): on the check page, the applicant confirms the answers
 * the clerk entered and agrees that the clerk files the application on their behalf. The case stores this version
 * with the time; the words are messages' `counter.consent` (all three languages). Changing the words means a new
 * version here, so every stored consent still names the words that were agreed to.
 */
export const COUNTER_CONSENT_VERSION = "counter-consent-2026-12";
