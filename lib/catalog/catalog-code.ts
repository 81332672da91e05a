/**
 * Codes of services, bundles and departments ("HRSS-PROOF", "BUNDLE-RESTAURANT", "AMR"): capitals, digits and
 * hyphens. Checked before a code from an address or a post reaches a query, so a malformed one is simply not found.
 */
export const catalogCodePattern = /^[A-Z0-9-]{1,64}$/;

export function isCatalogCode(value: unknown): value is string {
  return typeof value === "string" && catalogCodePattern.test(value);
}
