/** What success of a server action looks like to a trial (action-trials.ts). */
import type { TCallResult } from "./call-action";

/** A redirect to an address matching `pattern`. */
export const redirectsTo = (pattern: RegExp) => (result: TCallResult) => result.outcome.kind === "redirect" && pattern.test(result.outcome.location);
