import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toTraditional } from "@/lib/i18n/traditional";
import { locales } from "./locales";

type TTree = { [key: string]: string | TTree };
const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as TTree;
const flatten = (tree: TTree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
const messages = Object.fromEntries(locales.map((locale) => [locale, flatten(load(locale))]));
const placeholders = (text: string) => [...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe("UI messages", () => {
  it("have the same keys in every language", () => {
    const keys = Object.keys(messages["zh-Hans"]).sort();
    expect(Object.keys(messages["zh-Hant"]).sort()).toEqual(keys);
    expect(Object.keys(messages.en).sort()).toEqual(keys);
  });

  it("use the same placeholders in every language", () => {
    for (const [key, text] of Object.entries(messages["zh-Hans"])) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(text));
      expect(placeholders(messages["zh-Hant"][key]), key).toEqual(placeholders(text));
    }
  });

  it("show a zh-Hant reader no simplified characters", () => {
    for (const [key, text] of Object.entries(messages["zh-Hant"])) {
      expect(toTraditional(text), key).toBe(text);
    }
  });

  it("show an English reader no untranslated Chinese", () => {
    for (const [key, text] of Object.entries(messages.en)) {
      expect(text, key).not.toMatch(/[\u3400-\u9fff]/);
    }
  });
});
