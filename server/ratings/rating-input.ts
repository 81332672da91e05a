/**
 * What an applicant may post as a rating, checked at the use case's boundary: each refusal is an error code on the
 * field it is about, so the form shows every problem at once next to its question.
 */
import { z } from "zod";
import { RATING_COMMENT_MAX } from "@/lib/ratings/levels";
import { ZPlainText } from "@/lib/text/plain-text";
import type { TRatingLevel } from "@/lib/ratings/levels";
import { isErrorCode, type TErrorCode } from "@/server/errors";

/** Posted as text by a form (a radio's value), or as a number by other callers. */
const level = (code: TErrorCode) =>
  z
    .union([z.number(), z.string().trim()], { error: code })
    .transform((value) => Number(value))
    .pipe(z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)], { error: code }));

export const ZRatingInput = z.object({
  overall: level("invalid:rating-overall-required"),
  efficiency: level("invalid:rating-efficiency-required"),
  guideAccuracy: level("invalid:rating-guide-accuracy-required"),
  convenience: level("invalid:rating-convenience-required"),
  comment: ZPlainText({ multiline: true, max: RATING_COMMENT_MAX, tooLong: "invalid:rating-comment-too-long" }),
});

export type TRatingInput = { overall: unknown; efficiency: unknown; guideAccuracy: unknown; convenience: unknown; comment?: string };
export type TRatingField = keyof TRatingInput;
export const ratingFields: TRatingField[] = ["overall", "efficiency", "guideAccuracy", "convenience", "comment"];
export type TRatingValues = { overall: TRatingLevel; efficiency: TRatingLevel; guideAccuracy: TRatingLevel; convenience: TRatingLevel; comment: string };

export type TRatingRefusal = { ok: false; code: TErrorCode; fields: Partial<Record<TRatingField, TErrorCode>> };

/** The rating to write, or each field's first problem (`code` is the first of them, in form order). */
export function readRatingInput(input: TRatingInput): { ok: true; rating: TRatingValues } | TRatingRefusal {
  const parsed = ZRatingInput.safeParse(input);
  if (parsed.success) return { ok: true, rating: parsed.data };
  const fields: Partial<Record<TRatingField, TErrorCode>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as TRatingField;
    if (isErrorCode(issue.message)) fields[field] ??= issue.message;
  }
  const first = ratingFields.find((field) => fields[field]);
  return { ok: false, code: first ? fields[first]! : "invalid:rating-overall-required", fields };
}
