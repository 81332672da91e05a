/**
 * Turns a posted HTML form into the nested raw answers validateAnswers reads. Input names follow the answer
 * paths:
 *   name="companyName"                          → { companyName: "…" }
 *   name="period.from", name="period.to"        → { period: { from, to } }              (date-range)
 *   name="place.province" / ".city" / ".county" → { place: { province, city, county } } (region cascade)
 *   name="place"                                → { place: "310115" }                    (region, one code)
 *   name="address.region.province" …, name="address.detail" → { address: { region: {…}, detail } }
 *   name="shareholders.0.name"                  → { shareholders: { "0": { name } } }     (group items)
 *   the same name repeated (ticked checkboxes)  → { services: ["a", "b"] }
 * Files are skipped (the server stores uploads itself), and so are React's action fields (names starting "$").
 *
 * The post is untrusted, so the result is built from prototype-less objects, names that could reach a
 * prototype are dropped, and hard limits bound the work: entries, name length, depth, value length.
 */

export const formDataLimits = {
  /** Entries read; the rest of a larger post is ignored. */
  entries: 2000,
  /** Longest name read. */
  nameLength: 200,
  /** Most dot-separated segments: group.0.address.region.province is five. */
  depth: 5,
  /** Longest value kept, in UTF-16 units: past every field's limit, so the validator still rejects it. */
  valueLength: 100_000,
} as const;

type TNode = Record<string, unknown>;

/**
 * One to five dot-separated segments of letters, digits, "_" and "-": every key and index of a form definition,
 * and nothing that looks like a path or a bracket. Checked with one pattern, since a post has many names.
 */
const namePattern = new RegExp(`^[A-Za-z0-9_-]{1,64}(?:\\.[A-Za-z0-9_-]{1,64}){0,${formDataLimits.depth - 1}}$`);
const forbiddenSegment = /(?:^|\.)(?:__proto__|prototype|constructor)(?:\.|$)/;

const isNode = (value: unknown): value is TNode => typeof value === "object" && value !== null && !Array.isArray(value);

function splitName(name: string): string[] | null {
  if (name.length > formDataLimits.nameLength || !namePattern.test(name) || forbiddenSegment.test(name)) return null;
  return name.split(".");
}

export function readFormData(
  entries: Iterable<[string, FormDataEntryValue | string]>,
  options: { ignore?: (name: string) => boolean } = {},
): Record<string, unknown> {
  const root = Object.create(null) as TNode;
  let read = 0;
  for (const [name, value] of entries) {
    if (read >= formDataLimits.entries) break;
    read += 1;
    if (typeof value !== "string") continue;
    if (typeof name !== "string" || options.ignore?.(name)) continue;
    const segments = splitName(name);
    if (!segments) continue;
    const text = value.length > formDataLimits.valueLength ? value.slice(0, formDataLimits.valueLength) : value;

    let node = root;
    let conflict = false;
    for (const segment of segments.slice(0, -1)) {
      const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (next === undefined) {
        const child = Object.create(null) as TNode;
        node[segment] = child;
        node = child;
      } else if (isNode(next)) {
        node = next;
      } else {
        // "a" was posted as a value and now "a.b" as a path (or the reverse): the first shape wins.
        conflict = true;
        break;
      }
    }
    if (conflict) continue;

    const leaf = segments[segments.length - 1];
    const existing = Object.hasOwn(node, leaf) ? node[leaf] : undefined;
    if (existing === undefined) node[leaf] = text;
    else if (typeof existing === "string") node[leaf] = [existing, text];
    else if (Array.isArray(existing)) existing.push(text);
  }
  return root;
}
