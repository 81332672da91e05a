/**
 * Text a hostile or careless client sends into a text input, for tests of the use cases that take text: each of
 * `refusedTexts` must be refused with invalid:text-control-character and write nothing; `bidiText` must be stored
 * without its bidi controls (lib/text/plain-text.ts).
 */
export const refusedTexts: [name: string, text: string][] = [
  ["a NUL", "材料\u0000不全"],
  ["a terminal escape", "材料\u001b[31m不全"],
  ["a C1 control", "材料\u0085不全"],
];

export const bidiText = { sent: "\u2066材料\u202e不全\u2069", stored: "材料不全" };
