/**
 * The elder-friendly mode (适老化 关怀模式): larger text, stronger contrast and looser lines on every page. Kept in a
 * cookie, so it persists across visits and works before sign-in and without JavaScript.
 */
export const displayModes = ["standard", "elder"] as const;
export type TDisplayMode = (typeof displayModes)[number];
export const displayModeCookieName = "ONEDOOR_DISPLAY";

export function isDisplayMode(value: unknown): value is TDisplayMode {
  return typeof value === "string" && (displayModes as readonly string[]).includes(value);
}
