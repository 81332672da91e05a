/**
 * Sealing single values: what the database keeps instead of a personal number, and what it takes to open it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { blindIndex, blindIndexes } from "./blind-index";
import { dataKeyFrom, forgetDataKeys, getDataKeys, loadDataKeyDirectory, rotateDataKeyDirectory, UnknownDataKeyError, useDataKeys } from "./data-keys";
import { isSealed, openText, SealedValueError, sealedKeyId, sealText } from "./seal";
import { openSealedStrings, sealPersonalStrings, sealSensitiveAnswers } from "./seal-json";
import { ZFormDefinition } from "@/lib/forms/definition";

const keyA = dataKeyFrom(randomBytes(32));
const keyB = dataKeyFrom(randomBytes(32));

afterEach(() => forgetDataKeys());

describe("a sealed value", () => {
  it("hides the number, differs every time, and opens to the number in its own place", () => {
    useDataKeys({ active: keyA, previous: null });
    const first = sealText("310104198803124016", "users.resident_id_number");
    const second = sealText("310104198803124016", "users.resident_id_number");
    expect(first).not.toContain("310104198803124016");
    expect(first).not.toBe(second);
    expect(isSealed(first)).toBe(true);
    expect(sealedKeyId(first)).toBe(keyA.keyId);
    expect(openText(first, "users.resident_id_number")).toBe("310104198803124016");
  });

  it("does not open in another place, nor once altered", () => {
    useDataKeys({ active: keyA, previous: null });
    const sealed = sealText("13800138000", "users.mobile");
    expect(() => openText(sealed, "users.resident_id_number")).toThrow(SealedValueError);
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.slice(-1)}`;
    expect(() => openText(altered, "users.mobile")).toThrow(SealedValueError);
  });

  it("opens under the previous key during a rotation, and names a key it does not hold", () => {
    useDataKeys({ active: keyA, previous: null });
    const underA = sealText("13800138000", "users.mobile");
    useDataKeys({ active: keyB, previous: keyA });
    expect(openText(underA, "users.mobile")).toBe("13800138000");
    expect(sealedKeyId(sealText("13800138000", "users.mobile"))).toBe(keyB.keyId);
    useDataKeys({ active: keyB, previous: null });
    expect(() => openText(underA, "users.mobile")).toThrow(UnknownDataKeyError);
    expect(() => openText(underA, "users.mobile")).toThrow(keyA.keyId);
  });

  it("reads a text stored before sealing as it is", () => {
    expect(openText("13800138000", "users.mobile")).toBe("13800138000");
  });
});

describe("a blind index", () => {
  it("is the same for the same number under one key, differs between numbers and keys, and a lookup asks under each held key", () => {
    useDataKeys({ active: keyA, previous: null });
    const index = blindIndex("resident-id", "310104198803124016");
    expect(blindIndex("resident-id", "310104198803124016")).toBe(index);
    expect(blindIndex("resident-id", "310115199008072521")).not.toBe(index);
    expect(index).not.toContain("310104");
    useDataKeys({ active: keyB, previous: keyA });
    expect(blindIndexes("resident-id", "310104198803124016")).toEqual([blindIndex("resident-id", "310104198803124016"), index]);
  });
});

describe("answers at rest", () => {
  const definition = ZFormDefinition.parse({
    schemaVersion: 1,
    rules: [],
    pages: [
      {
        key: "p",
        title: { "zh-Hans": "页", "zh-Hant": "頁", en: "Page" },
        sections: [
          {
            key: "s",
            fields: [
              { key: "income", type: "money", label: { "zh-Hans": "收入", "zh-Hant": "收入", en: "Income" }, required: true, dataClass: "sensitive" },
              { key: "shopName", type: "text", label: { "zh-Hans": "店名", "zh-Hant": "店名", en: "Shop" }, required: true, maxLength: 50 },
              {
                key: "members",
                type: "group",
                label: { "zh-Hans": "成员", "zh-Hant": "成員", en: "Members" },
                itemLabel: { "zh-Hans": "成员", "zh-Hant": "成員", en: "Member" },
                minItems: 0,
                maxItems: 5,
                required: false,
                fields: [
                  { key: "name", type: "text", label: { "zh-Hans": "姓名", "zh-Hant": "姓名", en: "Name" }, required: true, maxLength: 50 },
                  { key: "health", type: "text", label: { "zh-Hans": "健康", "zh-Hant": "健康", en: "Health" }, required: false, maxLength: 50, dataClass: "sensitive" },
                ],
              },
            ],
          },
        ],
      },
    ],
  });

  it("seals sensitive answers whole and personal numbers wherever they stand, keeps the rest readable, and opens all of it back", () => {
    useDataKeys({ active: keyA, previous: null });
    const answers = { income: 876543, shopName: "一门小馆 13700137000", members: [{ name: "张小明", health: "良好" }], region: "310104" };
    const stored = sealPersonalStrings(sealSensitiveAnswers(definition, answers), "answers") as Record<string, unknown>;
    expect(isSealed(stored.income as string)).toBe(true);
    expect(isSealed(stored.shopName as string)).toBe(true);
    const [member] = stored.members as Record<string, string>[];
    expect(member.name).toBe("张小明");
    expect(isSealed(member.health)).toBe(true);
    expect(stored.region).toBe("310104");
    expect(openSealedStrings(stored, "answers")).toEqual(answers);
  });

  it("stores a typed text that only looks sealed as the text it is, never as something that fails to open", () => {
    useDataKeys({ active: keyA, previous: null });
    const typed = `ode1:${keyA.keyId}:AAAA`;
    const stored = sealPersonalStrings({ note: typed }, "answers");
    expect(openSealedStrings(stored, "answers")).toEqual({ note: typed });
  });
});

describe("keys kept in DATA_DIR", () => {
  it("are generated once, rotated keeping the previous key, and a rotation is refused until the last one finished", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-data-keys-"));
    try {
      const first = loadDataKeyDirectory(directory);
      expect(first.previous).toBeNull();
      expect(loadDataKeyDirectory(directory).active.keyId).toBe(first.active.keyId);
      expect(fs.statSync(path.join(directory, "data.key")).mode & 0o777).toBe(0o600);
      const rotated = rotateDataKeyDirectory(directory);
      expect(rotated.previous?.keyId).toBe(first.active.keyId);
      expect(rotated.active.keyId).not.toBe(first.active.keyId);
      expect(() => rotateDataKeyDirectory(directory)).toThrow(/rotation is not finished/);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it("come from DATA_ENCRYPTION_KEY in the tests' environment", () => {
    forgetDataKeys();
    expect(getDataKeys().active.keyId).toMatch(/^[0-9a-f]{16}$/);
  });
});
