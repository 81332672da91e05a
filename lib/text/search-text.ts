/**
 * The desk's name search: what a case stores about its applicant's names (`applicantSearchText`) and how a clerk's
 * search term is read (`readSearchTerm`). Names match as typed, by full pinyin and by pinyin initials, so "zs",
 * "zhangsan" and "三" all find 张三. Pinyin is made once at submit, because SQL cannot make it.
 */
import { pinyin } from "pinyin-pro";
import { checkPlainText } from "./plain-text";

export type TNameKind = "person" | "company";

function pinyinOf(name: string, kind: TNameKind, pattern: "pinyin" | "first"): string {
  // A person's name starts with a surname, which has its own readings (单 shàn, 曾 zēng); a company's does not.
  const syllables = pinyin(name, { pattern, toneType: "none", type: "array", nonZh: "removed", surname: kind === "person" ? "head" : "off", v: true });
  return syllables.join("").toLowerCase();
}

/** "张三 zhangsan zs": each name in lower case, then its pinyin and initials when it has Chinese characters. */
export function applicantSearchText(names: readonly { name: string; kind: TNameKind }[]): string {
  const tokens = names.flatMap(({ name, kind }) => {
    const plain = name.trim().toLowerCase();
    if (!plain) return [];
    const full = pinyinOf(plain, kind, "pinyin");
    return full ? [plain, full, pinyinOf(plain, kind, "first")] : [plain];
  });
  return [...new Set(tokens)].join(" ");
}

/** Longer than any company name a clerk would type, short enough for an address. */
export const SEARCH_TERM_MAX_LENGTH = 50;

/**
 * A whole ID number (15 or 18 characters) or credit code (18): not searched for, and it must not travel in an
 * address. The desk searches by the last four characters only.
 */
const wholeNumberPattern = /^[0-9A-Z]{15,}$/;
const caseNumberStart = /^OD\d{4,}$/;
const idTailPattern = /^[0-9A-Z]{4}$/;

const searchRefusals = ["invalid:search-whole-number", "invalid:search-too-long", "invalid:text-control-character", "invalid:text-line-break"] as const;
export type TSearchRefusal = (typeof searchRefusals)[number];

/** Whether a refusal (as an address's `error` carries it) is about the search term. */
export function isSearchRefusal(code: unknown): code is TSearchRefusal {
  return (searchRefusals as readonly unknown[]).includes(code);
}

export type TSearchTerm = { ok: true; name: string[]; caseNumberPrefix: string | null; idTail: string | null } | { ok: false; code: TSearchRefusal };

/**
 * What a search term can match: names (as typed and without spaces, LIKE-escaped), a case number when it starts
 * like one, the last four characters of an ID or credit code when it is four letters or digits. Null for an empty
 * term.
 */
export function readSearchTerm(raw: string): TSearchTerm | null {
  const plain = checkPlainText(raw);
  if (!plain.ok) return { ok: false, code: plain.code };
  const term = plain.text.normalize("NFKC").trim().replace(/\s+/g, " ");
  if (!term) return null;
  if (term.length > SEARCH_TERM_MAX_LENGTH) return { ok: false, code: "invalid:search-too-long" };
  const upper = term.toUpperCase().replace(/[\s-]/g, "");
  if (wholeNumberPattern.test(upper) && /\d{6}/.test(upper) && !caseNumberStart.test(upper)) return { ok: false, code: "invalid:search-whole-number" };
  const lower = term.toLowerCase();
  const name = [...new Set([lower, lower.replaceAll(" ", "")])].filter(Boolean).map(escapeLike);
  return {
    ok: true,
    name,
    caseNumberPrefix: caseNumberStart.test(upper) ? upper : null,
    idTail: idTailPattern.test(upper) ? upper : null,
  };
}

/** LIKE's wildcards and its escape character, taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
