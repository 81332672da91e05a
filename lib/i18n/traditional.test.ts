import { describe, expect, it } from "vitest";
import { t, toTraditional } from "./traditional";

describe("t", () => {
  it("keeps simplified Chinese and English as written", () => {
    const text = t("开办餐饮店一件事", "Open a restaurant");
    expect(text["zh-Hans"]).toBe("开办餐饮店一件事");
    expect(text.en).toBe("Open a restaurant");
  });

  it("derives traditional Chinese with OpenCC", () => {
    expect(t("开办餐饮店一件事", "Open a restaurant")["zh-Hant"]).toBe("開辦餐飲店一件事");
    expect(t("社会保险参保缴费证明", "Proof of social insurance")["zh-Hant"]).toBe("社會保險參保繳費證明");
  });

  it("produces traditional text that a second conversion leaves alone", () => {
    const hant = t("新生儿出生一件事：出生医学证明、户口登记、医保参保、社会保障卡", "Register a new baby")["zh-Hant"];
    expect(toTraditional(hant)).toBe(hant);
  });

  it("leaves digits, Latin letters and units untouched", () => {
    expect(t("面积 500 m²", "Area 500 m²")["zh-Hant"]).toBe("面積 500 m²");
  });
});
