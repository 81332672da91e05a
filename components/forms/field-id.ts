/**
 * Where a field's input lives in the page. Not a client module, so server components (the error summary, the
 * check-your-answers page) can link to fields too.
 */

/**
 * The id of the input an answer path is typed in: `field-<path>` with the dots of group paths turned into
 * hyphens (`shareholders.1.name` → `field-shareholders-1-name`), so the id needs no escaping in a CSS selector.
 * Keys are camelCase letters and digits, so the hyphen cannot clash with a key. For a field asked with several
 * inputs (radios, date range, region, address, material) it is the first input; for a group, its fieldset.
 */
export function fieldId(path: string): string {
  return `field-${path.replaceAll(".", "-")}`;
}
