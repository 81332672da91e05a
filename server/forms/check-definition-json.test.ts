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
});
