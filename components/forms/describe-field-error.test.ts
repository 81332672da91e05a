import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhHans from "@/messages/zh-Hans.json";
import { ZFormDefinition } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/validate-answers";
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
            { key: "portrait", type: "material", label: text("证件照", "Photo"), accept: ["image/jpeg", "image/png"], maxFiles: 1 },
            { key: "licence", type: "material", label: text("营业执照", "Business licence"), maxFiles: 1, licenceTypes: ["business-licence"] },
          ],
        },
      ],
    },
  ],
});

function sentence(locale: "en" | "zh-Hans", path: string, error: TFieldError = { code: "required" }) {
  const messages = locale === "en" ? en : zhHans;
  return describeFieldError({
    definition,
    path,
    error,
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

  it("names the file types the field itself accepts when refusing a file", () => {
    const refused: TFieldError = { code: "file-type-not-allowed", params: { name: "scan.pdf" } };
    expect(sentence("en", "portrait", refused)).toBe("scan.pdf is not a JPG or PNG file. Choose a JPG or PNG file");
    expect(sentence("zh-Hans", "portrait", refused)).toBe("scan.pdf 不是 JPG或PNG 文件，请选择 JPG或PNG 文件");
    expect(sentence("en", "licence", refused)).toBe("scan.pdf is not a PDF, JPG or PNG file. Choose a PDF, JPG or PNG file");
  });

  it("says a wallet licence and an upload are alternatives, and counts files in the reader's grammar", () => {
    expect(sentence("en", "licence", { code: "file-or-licence", params: { max: 1 } })).toBe("Use the licence from your wallet or upload a file for business licence, not both");
    expect(sentence("en", "licence", { code: "too-many-files", params: { max: 1 } })).toBe("Upload only 1 file for business licence");
    expect(sentence("en", "licence", { code: "too-many-files", params: { max: 3 } })).toBe("Upload 3 files or fewer for business licence");
    expect(sentence("zh-Hans", "licence", { code: "too-many-files", params: { max: 3 } })).toBe("“营业执照”最多上传 3 个文件");
  });
});
