import { describe, expect, it } from "vitest";
import { checkFormDefinition, pageUploadKb, type TFormDefinitionInput } from "./definition";
import { maxPageUploadKb } from "./upload-limits";

const text = (en: string) => ({ "zh-Hans": en, "zh-Hant": en, en });
const material = (key: string, maxFiles: number, maxSizeKb: number) => ({ key, type: "material" as const, label: text(key), maxFiles, maxSizeKb });

function definitionWith(fields: ReturnType<typeof material>[]): TFormDefinitionInput {
  return { schemaVersion: 1, pages: [{ key: "materials", title: text("Materials"), sections: [{ key: "files", fields }] }] };
}

describe("a page's upload budget", () => {
  it("adds up every material field's files at full size", () => {
    const checked = checkFormDefinition(definitionWith([material("licence", 1, 10240), material("floorPlan", 5, 10240)]));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(pageUploadKb(checked.definition.pages[0])).toBe(60 * 1024);
  });

  it("accepts a page that takes exactly the most one post may carry", () => {
    expect(checkFormDefinition(definitionWith([material("a", 4, maxPageUploadKb / 4)])).ok).toBe(true);
  });

  it("refuses a page whose materials could not travel in one post, saying where and why", () => {
    const checked = checkFormDefinition(definitionWith([material("plans", 20, 10240), material("photos", 1, 2048)]));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.issues).toEqual([
        { path: "pages[0]", message: expect.stringContaining("202 MiB"), code: "page-uploads-too-large", values: { uploadMib: 202, maxMib: maxPageUploadKb / 1024 } },
      ]);
      expect(checked.issues[0].message).toContain(`at most ${maxPageUploadKb / 1024} MiB`);
    }
  });

  it("leaves pages alone that share the load between them", () => {
    const input = definitionWith([material("plans", 5, 10240)]);
    input.pages.push({ key: "more", title: text("More"), sections: [{ key: "more", fields: [material("photos", 5, 10240)] }] });
    expect(checkFormDefinition(input).ok).toBe(true);
  });
});
