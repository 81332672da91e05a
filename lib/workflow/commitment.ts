/**
 * 告知承诺制 (approval on commitment), as data on a service: which answer of the service's form means the applicant
 * signed the commitment, and within how many working days after an approval on commitment the department inspects.
 * A service without this setting offers no approval on commitment, whatever its form asks.
 */
import { z } from "zod";
import type { TAnswers } from "@/lib/forms/answers";

export const ZCommitmentRule = z.object({
  /** The form field whose answer says whether the applicant signs the commitment, e.g. "useCommitment". */
  field: z.string().min(1),
  /** The answer that means yes (a yes/no question's answer is stored as true). */
  value: z.union([z.string(), z.number(), z.boolean()]),
  /** The inspection is due this many working days after the approval (lib/calendar/working-days.ts). */
  inspectionDays: z.number().int().min(1).max(365),
});
export type TCommitmentRule = z.infer<typeof ZCommitmentRule>;

/** Whether the answers carry the service's commitment, so a clerk may approve at once and inspect afterwards. */
export function commitmentGiven(rule: TCommitmentRule | null | undefined, answers: TAnswers): boolean {
  return rule !== null && rule !== undefined && answers[rule.field] === rule.value;
}
