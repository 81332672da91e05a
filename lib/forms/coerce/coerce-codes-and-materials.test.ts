/** How identifiers, regions, addresses, materials and declarations read what was posted. */
import { describe, expect, it } from "vitest";
import { regionLookup } from "@/lib/regions/regions";
import { text, defineForm, validate, errorOf, residentId, uscc, swapAt } from "@/lib/forms/validate-answers.fixtures";

describe("identifiers", () => {
  const form = defineForm([
    { key: "email", type: "email" },
    { key: "mobile", type: "phone" },
    { key: "idNumber", type: "id-number" },
    { key: "creditCode", type: "uscc" },
  ]);
  const validIds = ["11010519491231002X", residentId("31011519900307123"), residentId("44030520000229456")];
  const validCodes = ["91310104MA1FL8XQ36", uscc("91350100M000100Y4"), uscc("12100000400000624")];

  it("normalizes e-mail addresses and rejects typos", () => {
    expect(validate(form, { email: " Zhang.San@Example.COM " }).answers.email).toBe("Zhang.San@example.com");
    expect(validate(form, { email: "li＠例子.中国" }).answers.email).toBe("li@例子.中国");
    for (const email of ["zhangsan", "zhang@", "@example.com", "zhang@example", "zhang san@example.com", "a@b@c.cn", "a..b@example.com", `${"a".repeat(250)}@x.cn`, true]) {
      expect(errorOf(form, { email }, "email"), String(email)).toEqual({ code: "invalid-email" });
    }
  });

  it("stores mobile numbers as 11 digits", () => {
    expect(validate(form, { mobile: "+86 138-0013-8000" }).answers.mobile).toBe("13800138000");
    expect(validate(form, { mobile: 13800138000 }).answers.mobile).toBe("13800138000");
    for (const mobile of ["12800138000", "010-12345678", "1380013800", 13800138000.5, true]) {
      expect(errorOf(form, { mobile }, "mobile"), String(mobile)).toEqual({ code: "invalid-mobile" });
    }
  });

  it("accepts valid resident ID numbers and tells a malformed one from a wrong check digit", () => {
    for (const id of validIds) expect(validate(form, { idNumber: id.toLowerCase() }).answers.idNumber).toBe(id);
    expect(errorOf(form, { idNumber: "1101051949123100" }, "idNumber")).toEqual({ code: "invalid-id-number" });
    expect(errorOf(form, { idNumber: "110105194902300021" }, "idNumber")).toEqual({ code: "invalid-id-number" }); // 30 Feb
    expect(errorOf(form, { idNumber: residentId("11010520260213002") }, "idNumber")).toEqual({ code: "invalid-id-number" }); // born tomorrow
    for (const id of validIds) {
      const wrongCheck = swapAt(id, 17, id[17] === "0" ? "1" : "0");
      expect(errorOf(form, { idNumber: wrongCheck }, "idNumber"), wrongCheck).toEqual({ code: "invalid-id-checksum" });
      const wrongSequence = swapAt(id, 15, id[15] === "5" ? "6" : "5");
      expect(errorOf(form, { idNumber: wrongSequence }, "idNumber"), wrongSequence).toEqual({ code: "invalid-id-checksum" });
    }
  });

  it("accepts valid credit codes and tells a malformed one from a wrong check character", () => {
    for (const code of validCodes) expect(validate(form, { creditCode: ` ${code.toLowerCase()} ` }).answers.creditCode).toBe(code);
    for (const code of validCodes) {
      const wrongCheck = swapAt(code, 17, code[17] === "A" ? "B" : "A");
      expect(errorOf(form, { creditCode: wrongCheck }, "creditCode"), wrongCheck).toEqual({ code: "invalid-uscc-checksum" });
      const wrongBody = swapAt(code, 9, code[9] === "3" ? "4" : "3");
      expect(errorOf(form, { creditCode: wrongBody }, "creditCode"), wrongBody).toEqual({ code: "invalid-uscc-checksum" });
    }
    // I, O, S, V and Z are not in the alphabet: a format error, whatever the check character.
    for (const letter of "IOSVZ") {
      expect(errorOf(form, { creditCode: swapAt(validCodes[0], 9, letter) }, "creditCode")).toEqual({ code: "invalid-uscc" });
    }
    expect(errorOf(form, { creditCode: "91310104MA1FL8XQ3" }, "creditCode")).toEqual({ code: "invalid-uscc" });
  });
});

describe("region and address", () => {
  const form = defineForm([
    { key: "place", type: "region" },
    { key: "province", type: "region", level: "province" },
    { key: "city", type: "region", level: "city" },
    { key: "shop", type: "address", maxLength: 10 },
    { key: "home", type: "address", required: true },
  ]);
  const home = { region: "310115", detail: "世纪大道 1 号" };
  const withTable = { regions: regionLookup };

  it("answers the deepest code chosen, from one code or the cascade", () => {
    expect(validate(form, { home, place: "310115" }, withTable).answers.place).toBe("310115");
    expect(validate(form, { home, place: { province: "310000", city: "310104", county: "" } }, withTable).answers.place).toBe("310104");
    expect(validate(form, { home, place: { province: "440000", city: "440300", county: "440305" } }, withTable).answers.place).toBe("440305");
    expect(validate(form, { home, place: 110105 }, withTable).answers.place).toBe("110105");
  });

  it("requires choosing down to the field's level unless there is nothing there", () => {
    expect(errorOf(form, { home, place: { province: "440000" } }, "place", withTable)).toEqual({ code: "region-incomplete", params: { level: "county" } });
    expect(errorOf(form, { home, place: "440300" }, "place", withTable)).toEqual({ code: "region-incomplete", params: { level: "county" } });
    // 东莞市 has no counties; 上海市 has districts but no city level.
    expect(validate(form, { home, place: { province: "440000", city: "441900" } }, withTable).answers.place).toBe("441900");
    expect(validate(form, { home, city: "310000" }, withTable).answers.city).toBe("310000");
    expect(errorOf(form, { home, city: "440000" }, "city", withTable)).toEqual({ code: "region-incomplete", params: { level: "city" } });
    expect(validate(form, { home, province: "440000", city: "440300" }, withTable).ok).toBe(true);
  });

  it("rejects codes that do not exist, are malformed, or do not nest", () => {
    for (const place of ["999999", "31011", "abcdef", "010101", { province: "310000", city: "440300" }, { province: "310000", city: "310000" }]) {
      expect(errorOf(form, { home, place }, "place", withTable), JSON.stringify(place)).toEqual({ code: "invalid-region" });
    }
  });

  it("checks format only without the table", () => {
    expect(validate(form, { home, place: "999999" }).answers.place).toBe("999999");
    expect(validate(form, { home, place: { province: "440000" } }).answers.place).toBe("440000");
    expect(errorOf(form, { home, place: "abc" }, "place")).toEqual({ code: "invalid-region" });
    expect(errorOf(form, { home, place: { province: "310000", city: "440300" } }, "place")).toEqual({ code: "invalid-region" });
    expect(validate(form, { home, place: { province: "310000", city: "310115" } }).ok).toBe(true);
  });

  it("needs both parts of an address", () => {
    expect(validate(form, { home: { region: { province: "310000", city: "310115" }, detail: " 世纪大道 1 号 " } }, withTable).answers.home).toEqual(home);
    expect(errorOf(form, {}, "home", withTable)).toEqual({ code: "required" });
    expect(errorOf(form, { home: { region: "", detail: "" } }, "home")).toEqual({ code: "required" });
    expect(errorOf(form, { home: "世纪大道" }, "home")).toEqual({ code: "required" });
    expect(errorOf(form, { home, shop: { region: "310115" } }, "shop")).toEqual({ code: "address-detail-required" });
    expect(errorOf(form, { home, shop: { detail: "1 号" } }, "shop")).toEqual({ code: "address-region-required" });
    expect(errorOf(form, { home, shop: { region: "440000", detail: "1 号" } }, "shop", withTable)).toEqual({
      code: "region-incomplete",
      params: { level: "county" },
    });
    const long = validate(form, { home, shop: { region: { province: "310000", city: "310115" }, detail: "一二三四五六七八九十十一" } }, withTable);
    expect(long.errors.shop).toEqual({ code: "too-long", params: { max: 10 } });
    expect(long.keep.shop).toEqual({ region: "310115", detail: "一二三四五六七八九十十一" });
  });
});

describe("material", () => {
  const fileId = "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00";
  const licenceId = "7f3c2a10-5b4e-4d6a-8c9f-1e2d3c4b5a60";
  const file = { kind: "file", fileId, name: "营业执照.pdf", mediaType: "application/pdf", size: 2048 };
  const form = defineForm([
    { key: "plan", type: "material", required: true, accept: ["application/pdf"], maxFiles: 2, maxSizeKb: 10 },
    { key: "licence", type: "material", licenceTypes: ["business-licence"] },
  ]);

  it("accepts file references within the limits", () => {
    expect(validate(form, { plan: [file] }).answers).toEqual({ plan: [file] });
    expect(validate(form, { plan: { "0": file } }).answers).toEqual({ plan: [file] });
    expect(validate(form, { plan: [file, { ...file, fileId: fileId.toUpperCase() }] }).answers.plan).toEqual([file]);
  });

  it("accepts e-licences only where the field allows them", () => {
    expect(validate(form, { plan: [file], licence: [{ kind: "licence", licenceId }] }).answers.licence).toEqual([{ kind: "licence", licenceId }]);
    expect(errorOf(form, { plan: [{ kind: "licence", licenceId }] }, "plan")).toEqual({ code: "invalid-material" });
  });

  it("rejects bad references, too many files and a missing required one", () => {
    const bad = [
      { ...file, fileId: "not-a-uuid" },
      { ...file, mediaType: "image/png" },
      { ...file, size: 10 * 1024 + 1 },
      { ...file, size: "2048" },
      { ...file, name: " " },
      { ...file, kind: "url" },
      {},
    ];
    for (const ref of bad) expect(errorOf(form, { plan: [ref] }, "plan"), JSON.stringify(ref)).toEqual({ code: "invalid-material" });
    const second = { ...file, fileId: licenceId };
    expect(errorOf(form, { plan: [file, second, { ...second, fileId: "1b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00" }] }, "plan")).toEqual({
      code: "too-many-files",
      params: { max: 2 },
    });
    expect(errorOf(form, {}, "plan")).toEqual({ code: "material-required" });
    expect(errorOf(form, { plan: ["x", 1] }, "plan")).toEqual({ code: "material-required" });
  });

  it("keeps only a reference's own scalar properties", () => {
    const result = validate(form, { plan: [{ ...file, mediaType: "text/html", script: "<script>", nested: { a: 1 } }] });
    expect(result.keep.plan).toEqual([{ ...file, mediaType: "text/html" }]);
  });
});

describe("declaration", () => {
  const form = defineForm([{ key: "truthful", type: "declaration", required: true }]);

  it("is given by a ticked box and required as its own error", () => {
    for (const truthful of ["yes", "on", "true", true, " ON "]) expect(validate(form, { truthful }).answers, String(truthful)).toEqual({ truthful: true });
    for (const truthful of [undefined, "", "no", false, "maybe", 1]) expect(errorOf(form, { truthful }, "truthful")).toEqual({ code: "declaration-required" });
  });
});
