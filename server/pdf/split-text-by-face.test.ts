import { describe, expect, it } from "vitest";
import { loadPdfFont } from "./fonts";
import { splitTextByFace } from "./split-text-by-face";

const tc = loadPdfFont("tc", "regular");
const sc = loadPdfFont("sc", "regular");
const split = (text: string) => splitTextByFace(text, tc, sc).map((run) => (run.fallback ? `[${run.text}]` : run.text)).join("|");

describe("splitTextByFace", () => {
  it("keeps a text the primary face holds whole, and a document without a fallback face whole", () => {
    expect(splitTextByFace("電子證照已發放，請到「一門通辦」辦理。Licence 2026", tc, sc)).toEqual([{ text: "電子證照已發放，請到「一門通辦」辦理。Licence 2026", fallback: false }]);
    expect(splitTextByFace("张三办证", sc, undefined)).toEqual([{ text: "张三办证", fallback: false }]);
  });

  it("gives the fallback face only the characters the primary lacks, between two Chinese characters", () => {
    expect(split("申請人张三")).toBe("申請人|[张]|三");
    expect(split("张记餐饮有限公司")).toBe("[张记]|餐|[饮]|有限公司");
  });

  it("takes the punctuation and Latin letters touching such a character along, so the faces change where a line may break", () => {
    // No line may start with 」，。 or end with 「: they go with the character they touch.
    expect(split("「张三」與「李四」")).toBe("[「张]|三」與「李四」");
    expect(split("見張三，证件已办。完")).toBe("見張三|[，证]|件已|[办。]|完");
    // Up to a space on the left (a line may break after it), through the spaces on the right (none may start a line).
    expect(split("Mr 张  Wang")).toBe("Mr |[张  ]|Wang");
    expect(split("ID张A1 號")).toBe("[ID张A1 ]|號");
  });

  it("leaves a character neither face holds to the primary face", () => {
    expect(split("张😀")).toBe("[张]|😀");
  });
});
