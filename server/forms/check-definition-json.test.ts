import { describe, expect, it } from "vitest";
import { checkDefinitionJson, findJsonErrorOffset } from "./check-definition-json";

describe("checkDefinitionJson", () => {
  it("says where the text stops being JSON, as line and column", () => {
    expect(checkDefinitionJson('{\n  "schemaVersion": 1,\n  "pages": [}\n}')).toMatchObject({
      ok: false,
      code: "invalid:form-definition-json",
      syntax: { line: 3, column: 13, message: expect.any(String) },
    });
    expect(checkDefinitionJson('{"a": 1,}')).toMatchObject({ syntax: { line: 1, column: 9 } });
    expect(checkDefinitionJson('{"a": ')).toMatchObject({ syntax: { line: 1, column: 7 } });
    expect(checkDefinitionJson("")).toMatchObject({ syntax: { line: 1, column: 1 } });
  });

  it("finds the same offsets as a parser would, for text JSON.parse accepts or refuses", () => {
    for (const good of ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', " [ ] ", '"s"']) {
      expect(() => JSON.parse(good)).not.toThrow();
      expect(findJsonErrorOffset(good)).toBe(good.length);
    }
    expect(findJsonErrorOffset('{"a": 01}')).toBe(7);
    expect(findJsonErrorOffset("[1] x")).toBe(4);
    expect(findJsonErrorOffset('{"a" 1}')).toBe(5);
  });

  it("reports each meta-schema issue at its JSON path", () => {
    const result = checkDefinitionJson(JSON.stringify({ schemaVersion: 2, pages: [] }));
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid:form-definition") return;
    expect(result.issues.map((issue) => issue.path)).toEqual(["schemaVersion", "pages"]);
  });

  it("points at an invisible character in any string, which jsonb could not store or would read otherwise", () => {
    const text = (zh: string) => ({ "zh-Hans": zh, "zh-Hant": "名稱", en: "Name" });
    const definition = (label: string, rule: unknown) => ({
      schemaVersion: 1,
      pages: [{ key: "main", title: text("主页"), sections: [{ key: "s", fields: [{ key: "name", type: "text", label: text(label), showWhen: rule }] }] }],
    });
    for (const [hidden, character] of [["\u0000", "U+0000"], ["\u202e", "U+202E"], ["\u001b", "U+001B"], ["\ud800", "U+D800"]]) {
      expect(checkDefinitionJson(JSON.stringify(definition(`名${hidden}称`, { "==": [1, 1] })))).toEqual({
        ok: false,
        code: "invalid:form-definition",
        issues: [{ path: 'pages[0].sections[0].fields[0].label.zh-Hans', message: `contains an invisible character (${character}); remove it`, code: "invisible-character", values: { character } }],
      });
      // A rule's operands are data too.
      expect(checkDefinitionJson(JSON.stringify(definition("名称", { "==": [{ var: "name" }, `x${hidden}`] })))).toMatchObject({
        ok: false,
        issues: [{ path: 'pages[0].sections[0].fields[0].showWhen.==[1]' }],
      });
    }
  });

  it("answers nesting of any depth without overflowing the stack", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(checkDefinitionJson(deep)).toMatchObject({ ok: false, code: "invalid:form-definition" });
    expect(checkDefinitionJson("[".repeat(100_000))).toMatchObject({ ok: false, code: "invalid:form-definition-json" });
    expect(checkDefinitionJson('{"a":'.repeat(100_000) + "1" + "}".repeat(99_999))).toMatchObject({ ok: false, code: "invalid:form-definition-json" });
  });
});
