import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhHans from "@/messages/zh-Hans.json";
import { ZFormDefinition } from "@/lib/forms/definition";
import { describeFieldError } from "./describe-field-error";

const text = (zh: string, english: string) => ({ "zh-Hans": zh, "zh-Hant": zh, en: english });

const definition = ZFormDefinition.parse({
  schemaVersion: 1,
  pages: [
    {
      key: "main",
      title: text("主页", "Main"),
      sections: [
        {
          key: "main",
          fields: [
            { key: "photo", type: "text", label: text("近期证件照", "A recent photo") },
            { key: "idNumber", type: "id-number", label: text("身份证号", "ID number") },
            { key: "bank", type: "select", label: text("合作银行", "Bank for the card"), options: [{ value: "boc", label: text("中国银行", "Bank of China") }] },
          ],
        },
      ],
    },
  ],
});

function sentence(locale: "en" | "zh-Hans", path: string) {
  const messages = locale === "en" ? en : zhHans;
  return describeFieldError({
    definition,
    path,
    error: { code: "required" },
    locale,
    tf: createTranslator({ locale, messages, namespace: "formErrors" }) as never,
    tu: createTranslator({ locale, messages, namespace: "uploadErrors" }) as never,
    todayWord: "today",
  });
}

describe("describeFieldError", () => {
  it("reads an English label inside the sentence in lower case", () => {
    expect(sentence("en", "photo")).toBe("Enter a recent photo");
    expect(sentence("en", "bank")).toBe("Choose an answer for bank for the card");
  });

  it("keeps an English label that starts with an abbreviation as written", () => {
    expect(sentence("en", "idNumber")).toBe("Enter ID number");
  });

  it("leaves Chinese labels alone", () => {
    expect(sentence("zh-Hans", "photo")).toContain("近期证件照");
  });
});
