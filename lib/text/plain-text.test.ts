import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkPlainText, countCharacters, readPlainText, toDisplayName, toStorableText, ZPlainText } from "./plain-text";

const NUL = "\u0000";
const RLO = "\u202e";
/** Control characters a person never means to send: the rest of C0, DEL, C1. */
const refusedControls = [...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code)), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)].map(
  (code) => String.fromCharCode(code),
);
const bidiControls = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
const lineBreaks = ["\t", "\n", "\r", "\r\n", "\u2028", "\u2029"];

const hasLoneSurrogate = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
/** Any code point, lone surrogates included: what a hand-made request can carry. */
const anyText = fc.string({ unit: "binary", maxLength: 60 });
/** Text a person types: any code point but controls, line breaks, bidi controls and surrogates. */
const typedCharacter = fc
  .integer({ min: 0x20, max: 0x10ffff })
  .filter((code) => !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff) && code !== 0x2028 && code !== 0x2029 && !(code >= 0x202a && code <= 0x202e) && !(code >= 0x2066 && code <= 0x2069))
  .map((code) => String.fromCodePoint(code));
const typedText = fc.array(typedCharacter, { maxLength: 40 }).map((characters) => characters.join(""));

describe("checkPlainText", () => {
  it("keeps what a person types, trimmed", () => {
    expect(checkPlainText("  窗口说法和办事指南不一致，跑了两趟 ")).toEqual({ ok: true, text: "窗口说法和办事指南不一致，跑了两趟" });
    expect(checkPlainText("Café – ‘quoted’ 😀", {})).toEqual({ ok: true, text: "Café – ‘quoted’ 😀" });
  });

  it.each(refusedControls.map((control) => [`U+${control.charCodeAt(0).toString(16).padStart(4, "0")}`, control]))("refuses %s in one-line and multi-line text", (_name, control) => {
    expect(checkPlainText(`国庆${control}节`)).toEqual({ ok: false, code: "invalid:text-control-character" });
    expect(checkPlainText(`第一行\n第二${control}行`, { multiline: true })).toEqual({ ok: false, code: "invalid:text-control-character" });
  });

  it("keeps tabs and line breaks in multi-line text, CRLF and CR read as LF", () => {
    expect(checkPlainText("第一段\r\n第二段\r第三段\n\t缩进", { multiline: true })).toEqual({ ok: true, text: "第一段\n第二段\n第三段\n\t缩进" });
  });

  it.each(lineBreaks.map((lineBreak) => [JSON.stringify(lineBreak), lineBreak]))("refuses %s inside one-line text, not around it", (_name, lineBreak) => {
    expect(checkPlainText(`国庆${lineBreak}节`)).toEqual({ ok: false, code: "invalid:text-line-break" });
    expect(checkPlainText(`国庆节${lineBreak}`)).toEqual({ ok: true, text: "国庆节" });
  });

  it("removes bidi overrides and isolates, so a name reads as it is stored", () => {
    expect(checkPlainText(`invoice${RLO}fdp.exe`)).toEqual({ ok: true, text: "invoicefdp.exe" });
    expect(checkPlainText(bidiControls.join("a"))).toEqual({ ok: true, text: "aaaaaaaa" });
  });

  it("turns a lone surrogate into U+FFFD and keeps surrogate pairs", () => {
    expect(checkPlainText("a\ud800b\udc00c😀")).toEqual({ ok: true, text: "a\ufffdb\ufffdc😀" });
  });

  it("property: what it accepts holds no control, bidi or lone surrogate, is trimmed, and is accepted again unchanged", () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (raw, multiline) => {
        const checked = checkPlainText(raw, { multiline });
        if (!checked.ok) return;
        expect(checked.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\r]/);
        expect(hasLoneSurrogate(checked.text)).toBe(false);
        expect(checked.text).toBe(checked.text.trim());
        if (!multiline) expect(checked.text).not.toMatch(/[\t\n\u2028\u2029]/);
        expect(checkPlainText(checked.text, { multiline })).toEqual(checked);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: typed text comes back as typed, and one control character anywhere refuses it", () => {
    fc.assert(
      fc.property(typedText, typedText, fc.constantFrom(...refusedControls), fc.boolean(), (before, after, control, multiline) => {
        expect(checkPlainText(`${before}${after}`, { multiline })).toEqual({ ok: true, text: `${before}${after}`.trim() });
        expect(checkPlainText(`${before}${control}${after}`, { multiline })).toEqual({ ok: false, code: "invalid:text-control-character" });
      }),
      { numRuns: 1000 },
    );
  });

  it("property: a bidi control anywhere is removed and nothing else changes", () => {
    fc.assert(
      fc.property(typedText, typedText, fc.constantFrom(...bidiControls), (before, after, bidi) => {
        expect(checkPlainText(`${before}${bidi}${after}`)).toEqual(checkPlainText(`${before}${after}`));
      }),
      { numRuns: 500 },
    );
  });
});

describe("readPlainText and ZPlainText", () => {
  const reason = { multiline: true, max: 5, required: "invalid:reason-required", tooLong: "invalid:reason-too-long" } as const;

  it("answers the first problem's code", () => {
    expect(readPlainText("  好的  ", reason)).toEqual({ ok: true, text: "好的" });
    expect(readPlainText(`坏${NUL}`, reason)).toEqual({ ok: false, code: "invalid:text-control-character" });
    expect(readPlainText("   ", reason)).toEqual({ ok: false, code: "invalid:reason-required" });
    expect(readPlainText(undefined, reason)).toEqual({ ok: false, code: "invalid:reason-required" });
    expect(readPlainText("一二三四五六", reason)).toEqual({ ok: false, code: "invalid:reason-too-long" });
    // Counted in characters: five emoji are ten UTF-16 units.
    expect(readPlainText("😀😀😀😀😀", reason)).toEqual({ ok: true, text: "😀😀😀😀😀" });
    // Optional text: nothing, or something that is not text, is the empty string.
    expect(readPlainText(undefined, { max: 5, tooLong: "invalid:reason-too-long" })).toEqual({ ok: true, text: "" });
    expect(readPlainText(42, { max: 5, tooLong: "invalid:reason-too-long" })).toEqual({ ok: true, text: "" });
  });

  it("gives zod the same answers, the code as the issue's message", () => {
    const schema = ZPlainText(reason);
    expect(schema.parse(" 好的\r\n是 ")).toBe("好的\n是");
    const refused = schema.safeParse(`a${RLO}b\u001b`);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual(["invalid:text-control-character"]);
  });

  it("reads a missing key of an object as empty text, or as missing when required", () => {
    expect(z.object({ comment: ZPlainText({ max: 5, tooLong: "too-long" }) }).parse({})).toEqual({ comment: "" });
    const refused = z.object({ reason: ZPlainText(reason) }).safeParse({});
    expect(refused.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[["reason"], "invalid:reason-required"]]);
  });

  it("property: accepted text is never longer than max characters", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 30 }), (raw, max) => {
        const read = readPlainText(raw, { multiline: true, max, tooLong: "invalid:reason-too-long" });
        if (read.ok) expect(countCharacters(read.text)).toBeLessThanOrEqual(max);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("toDisplayName", () => {
  it("keeps a file's own name, without its folders", () => {
    expect(toDisplayName("C:\\Users\\张三\\营业执照 (副本).pdf", { max: 120 })).toBe("营业执照 (副本).pdf");
    expect(toDisplayName("/home/a/photo.png", { max: 120 })).toBe("photo.png");
  });

  it("removes what would make it read differently or break a line", () => {
    expect(toDisplayName(`invoice${RLO}fdp.exe`, { max: 120 })).toBe("invoicefdp.exe");
    expect(toDisplayName(`a${NUL}b\u001bc\nd\te\u0085f\u2028g`, { max: 120 })).toBe("abcdefg");
  });

  it("property: never longer than max, and never a control, bidi, line-break, slash or lone surrogate", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 40 }), (raw, max) => {
        const name = toDisplayName(raw, { max });
        expect(countCharacters(name)).toBeLessThanOrEqual(max);
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\\/]/);
        expect(hasLoneSurrogate(name)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("toStorableText", () => {
  it("property: drops only NUL and mends only lone surrogates", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const stored = toStorableText(raw);
        expect(stored).not.toContain(NUL);
        expect(hasLoneSurrogate(stored)).toBe(false);
        if (!raw.includes(NUL) && !hasLoneSurrogate(raw)) expect(stored).toBe(raw);
      }),
      { numRuns: 2000 },
    );
  });
});
