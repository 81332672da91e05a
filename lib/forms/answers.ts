/**
 * The typed answers a form produces (see the shapes in definition.ts). Stored as JSON on drafts and cases, so
 * every value is plain JSON.
 */

/** A material given for a material field: an uploaded file, or an e-licence taken from the wallet (免提交). */
export type TMaterialRef =
  | { kind: "file"; fileId: string; name: string; mediaType: string; size: number }
  | { kind: "licence"; licenceId: string };

export type TDateRange = { from: string; to: string };
export type TAddress = { region: string; detail: string };

export type TScalarAnswer = string | number | boolean;
export type TItemAnswer = TScalarAnswer | string[] | TDateRange | TAddress;
export type TGroupItem = Record<string, TItemAnswer>;
export type TAnswerValue = TItemAnswer | TMaterialRef[] | TGroupItem[];
export type TAnswers = Record<string, TAnswerValue>;

/**
 * Where an error or a posted value belongs: a field key, or `group.index.itemKey` inside a repeating group.
 * The same string is the input's name in the HTML form and the anchor `#field-<path>` the error summary links to.
 */
export type TAnswerPath = string;
