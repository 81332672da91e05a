/**
 * The fixed parts of written notices and decisions: how they are numbered, the remedies a refusal of a licence must
 * state (行政复议法 art. 20: review within 60 days; 行政诉讼法 art. 46: a lawsuit within 6 months), and how long the
 * applicant is given to correct what a 补正告知书 lists.
 */
import type { TLocalizedText } from "@/lib/i18n/locales";

export const REVIEW_DAYS = 60;
export const LAWSUIT_MONTHS = 6;
/**
 * Working days the 补正告知书 gives the applicant to send everything back. The notice states the date; the workflow
 * does not yet close a case whose applicant lets it pass.
 */
export const SUPPLEMENT_ANSWER_WORKING_DAYS = 15;

/** e.g. AMR〔2026〕第000123号: unique per department and year, readable aloud at a counter. */
export function formatDocumentNumber(departmentCode: string, year: number, sequence: number): string {
  return `${departmentCode}〔${year}〕第${String(sequence).padStart(6, "0")}号`;
}

type TRemedySource = { reviewBody: TLocalizedText | null; court: TLocalizedText | null };

/** The review body and court as the service guide states them: the service's own, else its department's. */
export function remediesOf(service: TRemedySource, department: TRemedySource): TRemedySource {
  return { reviewBody: service.reviewBody ?? department.reviewBody ?? null, court: service.court ?? department.court ?? null };
}
