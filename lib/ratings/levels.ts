/**
 * The five levels of 政务服务好差评, best first, and what counts as good or bad. The labels live in messages/
 * ("ratingLevels.<level>"): 非常满意 · 满意 · 基本满意 · 不满意 · 非常不满意.
 */
/** Longest comment an applicant may leave with a rating, and longest reply a department may give (characters). */
export const RATING_COMMENT_MAX = 500;
export const FOLLOW_UP_REPLY_MAX = 1000;

export const ratingLevels = [5, 4, 3, 2, 1] as const;
export type TRatingLevel = (typeof ratingLevels)[number];

/** What an applicant rates besides the overall level, in the order the form asks. */
export const subRatings = ["efficiency", "guideAccuracy", "convenience"] as const;
export type TSubRating = (typeof subRatings)[number];

export function isRatingLevel(value: unknown): value is TRatingLevel {
  return typeof value === "number" && (ratingLevels as readonly number[]).includes(value);
}

/** 差评: a level of 1 or 2 opens a follow-up for each department that handled the case. */
export function isBadRating(level: number): boolean {
  return level <= 2;
}

/** 好评: 4 or 5, the share the public statistics report. */
export function isGoodRating(level: number): boolean {
  return level >= 4;
}
