import { describe, expect, it } from "vitest";
import { camelCaseCode, composeBundleForm, readVariables, type TBundleComponentForm } from "@/lib/forms/compose-bundle-form";
import { listFields, ZFormDefinition, type TFormDefinition, type TFormDefinitionInput } from "@/lib/forms/definition";
import { evaluateRule } from "@/lib/forms/logic";
import type { TLocalizedText } from "@/lib/i18n/locales";

const text = (en: string): TLocalizedText => ({ "zh-Hans": en, "zh-Hant": en, en });
type TSectionInput = TFormDefinitionInput["pages"][number]["sections"][number];
type TFieldInput = TSectionInput["fields"][number];

function form(pages: { key?: string; showWhen?: Record<string, unknown>; sections: TSectionInput[] }[], rules: TFormDefinitionInput["rules"] = []): TFormDefinition {
  return ZFormDefinition.parse({
    schemaVersion: 1,
    pages: pages.map((page, index) => ({ key: page.key ?? "application", title: text(`Page ${index + 1}`), showWhen: page.showWhen, sections: page.sections })),
    rules,
  });
}

const shopName = { key: "shopName", type: "text", label: text("Shop name"), required: true, maxLength: 100 } satisfies TFieldInput;
const businessArea = { key: "businessArea", type: "number", label: text("Floor area"), required: true, min: 1 } satisfies TFieldInput;
const hasOutdoorSign = { key: "hasOutdoorSign", type: "yesno", label: text("Outside sign?"), required: true } satisfies TFieldInput;
const signText = { key: "signText", type: "text", label: text("Wording on the sign"), required: true } satisfies TFieldInput;
const fireExits = { key: "fireExitCount", type: "number", label: text("Fire exits"), required: true, integer: true } satisfies TFieldInput;

const base = form([{ key: "restaurant", sections: [{ key: "shop", fields: [shopName, businessArea, hasOutdoorSign] }] }]);
const signRule = { "==": [{ var: "hasOutdoorSign" }, true] };

function component(serviceCode: string, definition: TFormDefinition, extra: Partial<TBundleComponentForm> = {}): TBundleComponentForm {
  return { serviceCode, definition, appliesWhen: null, excludeFields: [], ...extra };
}

const fire = component(
  "FIRE-SAFETY-CHECK",
  form([{ sections: [{ key: "venue", title: text("Venue"), fields: [{ ...shopName, label: text("Venue name") }, businessArea, fireExits] }] }]),
  { title: text("Fire safety inspection") },
);
const sign = component(
  "URBAN-OUTDOOR-SIGN",
  form([{ sections: [{ key: "shop", fields: [shopName] }, { key: "sign", title: text("The sign"), fields: [signText] }] }]),
  { appliesWhen: signRule, title: text("Shop sign") },
);

function composeOk(components: TBundleComponentForm[], withBase: TFormDefinition = base) {
  const result = composeBundleForm({ base: withBase, components });
  if (!result.ok) throw new Error(`expected a composed form, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.definition;
}

describe("composeBundleForm", () => {
  it("asks a field shared by the base and the components once, where the base asks it, in the base's words", () => {
    const composed = composeOk([fire, sign]);
    const keys = listFields(composed).map((field) => field.key);
    expect(keys).toEqual(["shopName", "businessArea", "hasOutdoorSign", "fireExitCount", "signText"]);
    expect(listFields(composed).find((field) => field.key === "shopName")?.label).toEqual(text("Shop name"));
    // The result is a definition like any other.
    expect(ZFormDefinition.safeParse(composed).success).toBe(true);
  });

  it("shows a conditional component's page only when its routing rule holds, and titles it by the service", () => {
    const composed = composeOk([fire, sign]);
    const signPage = composed.pages.find((page) => page.sections.some((section) => section.fields.some((field) => field.key === "signText")))!;
    expect(signPage.title).toEqual(text("Shop sign"));
    expect(signPage.showWhen).toEqual(signRule);
    expect(evaluateRule(signPage.showWhen, { hasOutdoorSign: false })).toBe(false);
    expect(evaluateRule(signPage.showWhen, { hasOutdoorSign: true })).toBe(true);
    // The always-applying fire safety page has no condition.
    const firePage = composed.pages.find((page) => page.title.en === "Fire safety inspection")!;
    expect(firePage.showWhen).toBeUndefined();
  });

  it("combines the routing rule with the page's own condition", () => {
    const ownRule = { ">": [{ var: "businessArea" }, 100] };
    const conditional = component("URBAN-OUTDOOR-SIGN", form([{ showWhen: ownRule, sections: [{ key: "sign", fields: [signText] }] }]), { appliesWhen: signRule });
    const page = composeOk([conditional]).pages[1];
    expect(page.showWhen).toEqual({ and: [signRule, ownRule] });
    expect(evaluateRule(page.showWhen, { hasOutdoorSign: true, businessArea: 150 })).toBe(true);
    expect(evaluateRule(page.showWhen, { hasOutdoorSign: true, businessArea: 50 })).toBe(false);
    expect(evaluateRule(page.showWhen, { hasOutdoorSign: false, businessArea: 150 })).toBe(false);
  });

  it("drops sections and pages that have nothing left to ask", () => {
    const composed = composeOk([sign]);
    expect(composed.pages).toHaveLength(2);
    expect(composed.pages[1].sections.map((section) => section.key)).toEqual(["sign"]);
    const nothingNew = component("AMR-FOOD-LICENCE", form([{ sections: [{ key: "business", fields: [shopName, businessArea] }] }]));
    expect(composeOk([nothingNew]).pages.map((page) => page.key)).toEqual(["restaurant"]);
  });

  it("prefixes page and section keys that collide with the service code in camelCase", () => {
    const amr = component("AMR-FOOD-LICENCE", form([{ sections: [{ key: "venue", fields: [{ ...signText, key: "foodSafetyManagerName" }] }] }]));
    const composed = composeOk([fire, amr]);
    expect(composed.pages.map((page) => page.key)).toEqual(["restaurant", "application", "amrFoodLicenceApplication"]);
    expect(composed.pages[2].sections[0].key).toBe("amrFoodLicenceVenue");
    expect(camelCaseCode("MEDINS-NEWBORN-ENROL")).toBe("medinsNewbornEnrol");
  });

  it("leaves out the fields a bundle item excludes, and says when there is no such field", () => {
    const composed = composeOk([{ ...fire, excludeFields: ["fireExitCount"] }]);
    expect(listFields(composed).map((field) => field.key)).not.toContain("fireExitCount");
    const result = composeBundleForm({ base, components: [{ ...fire, excludeFields: ["fireExits"] }] });
    expect(result).toEqual({ ok: false, issues: [{ path: "FIRE-SAFETY-CHECK/excludeFields[0]", message: expect.stringContaining('"fireExits"') }] });
  });

  it("reports a key asked with two different types, naming both places", () => {
    const clash = component("ENV-EIA-FILING", form([{ sections: [{ key: "project", fields: [{ ...signText, key: "businessArea" }] }] }]));
    const result = composeBundleForm({ base, components: [clash] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].path).toBe("ENV-EIA-FILING/pages[0].sections[0].fields[0].type");
    expect(result.issues[0].message).toContain("bundle-base/pages[0].sections[0].fields[1]");
    expect(result.issues[0].message).toMatch(/text field here but a number field/);
  });

  it("keeps a field's data class, and holds one datum to one class as it takes effect", () => {
    const idNumber = { key: "managerIdNumber", type: "id-number", label: text("Manager's ID") } satisfies TFieldInput;
    const illness = { key: "managerIllness", type: "text", label: text("Illness"), dataClass: "sensitive" } satisfies TFieldInput;
    const amr = component("AMR-FOOD-LICENCE", form([{ sections: [{ key: "staff", fields: [idNumber, illness, { ...shopName, dataClass: "internal" }] }] }]));
    // Unset and "sensitive" are one class for an ID number; "internal" is a text's own.
    const fireAgain = component("FIRE-SAFETY-CHECK", form([{ sections: [{ key: "venue", fields: [{ ...idNumber, dataClass: "sensitive" }, illness] }] }]));
    const composed = listFields(composeOk([amr, fireAgain]));
    expect(composed.find((field) => field.key === "managerIllness")?.dataClass).toBe("sensitive");

    const milder = component("FIRE-SAFETY-CHECK", form([{ sections: [{ key: "venue", fields: [{ ...illness, dataClass: "personal" }] }] }]));
    const result = composeBundleForm({ base, components: [amr, milder] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(["FIRE-SAFETY-CHECK/pages[0].sections[0].fields[0].dataClass"]);
  });

  it("reports a key asked with the same type but other options or bounds", () => {
    const stricter = component("FIRE-SAFETY-CHECK", form([{ sections: [{ key: "venue", fields: [{ ...businessArea, max: 500 }] }] }]));
    const result = composeBundleForm({ base, components: [stricter] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].path).toBe("FIRE-SAFETY-CHECK/pages[0].sections[0].fields[0].max");
    expect(result.issues[0].message).toContain("bundle-base/pages[0].sections[0].fields[1]");

    const choice = (values: string[]) => ({ key: "venueType", type: "select", label: text("Venue"), options: values.map((value) => ({ value, label: text(value) })) }) satisfies TFieldInput;
    const first = component("A-ONE", form([{ sections: [{ key: "a", fields: [choice(["restaurant", "shop"])] }] }]));
    // Same values in another order and other wording: the same datum.
    const same = component("B-TWO", form([{ key: "b", sections: [{ key: "b", fields: [{ ...choice(["shop", "restaurant"]), label: text("Type") }] }] }]));
    expect(composeBundleForm({ base, components: [first, same] }).ok).toBe(true);
    const other = component("B-TWO", form([{ key: "b", sections: [{ key: "b", fields: [choice(["restaurant", "hotel"])] }] }]));
    const clash = composeBundleForm({ base, components: [first, other] });
    expect(clash.ok || clash.issues.map((issue) => issue.path)).toEqual(["B-TWO/pages[0].sections[0].fields[0].options"]);
  });

  it("refuses to drop a field first asked only under another component's condition", () => {
    const env = component("ENV-EIA-FILING", form([{ key: "env", sections: [{ key: "env", fields: [signText] }] }]), {
      appliesWhen: { ">": [{ var: "businessArea" }, 500] },
    });
    const result = composeBundleForm({ base, components: [sign, env] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].path).toBe("ENV-EIA-FILING/pages[0].sections[0].fields[0].key");
    expect(result.issues[0].message).toContain("URBAN-OUTDOOR-SIGN/pages[0].sections[1].fields[0]");
    // Under the same condition it is the same question.
    const sameCondition = { ...env, appliesWhen: signRule };
    expect(composeBundleForm({ base, components: [sign, sameCondition] }).ok).toBe(true);
  });

  it("refuses a routing rule that reads a field not asked before the component", () => {
    const result = composeBundleForm({ base, components: [{ ...sign, appliesWhen: { "==": [{ var: "signText" }, "x"] } }] });
    expect(result.ok || result.issues.map((issue) => issue.path)).toEqual(["URBAN-OUTDOOR-SIGN/appliesWhen"]);
  });

  it("refuses logic that reads a field the bundle leaves out", () => {
    const card = component(
      "HRSS-SSCARD",
      form([{ sections: [{ key: "card", fields: [{ key: "isMinor", type: "yesno", label: text("Minor?") }, { ...signText, key: "guardianName", showWhen: { var: "isMinor" } }] }] }]),
      { excludeFields: ["isMinor"] },
    );
    const result = composeBundleForm({ base, components: [card] });
    expect(result.ok || result.issues).toEqual([{ path: "HRSS-SSCARD/pages[0].sections[0].fields[1].showWhen", message: expect.stringContaining('"isMinor"') }]);
    expect(composeBundleForm({ base, components: [{ ...card, excludeFields: ["isMinor", "guardianName"] }] }).ok).toBe(true);
  });

  it("keeps a component's cross-field rules that can still be checked, holding while it does not apply", () => {
    const signWidth = { key: "signWidth", type: "number", label: text("Width") } satisfies TFieldInput;
    const widthRule = { key: "signFits", rule: { "<=": [{ var: "signWidth" }, { var: "businessArea" }] }, field: "signWidth", message: text("Too wide") };
    const textRule = { key: "signFits", rule: { "!=": [{ var: "signText" }, ""] }, field: "signText", message: text("Say something") };
    const withRules = component("URBAN-OUTDOOR-SIGN", form([{ sections: [{ key: "sign", fields: [signText, signWidth] }] }], [widthRule, textRule]), {
      appliesWhen: signRule,
    });
    const composed = composeOk([withRules]);
    expect(composed.rules.map((rule) => rule.key)).toEqual(["signFits", "urbanOutdoorSignSignFits"]);
    const gated = composed.rules[0].rule;
    expect(evaluateRule(gated, { hasOutdoorSign: false, signWidth: 900, businessArea: 10 })).toBe(true);
    expect(evaluateRule(gated, { hasOutdoorSign: true, signWidth: 900, businessArea: 10 })).toBe(false);
    expect(evaluateRule(gated, { hasOutdoorSign: true, signWidth: 5, businessArea: 10 })).toBe(true);

    const excluded = composeOk([{ ...withRules, excludeFields: ["signWidth"] }]);
    expect(excluded.rules.map((rule) => rule.field)).toEqual(["signText"]);
  });

  it("reads the variables of a rule", () => {
    expect([...readVariables({ and: [{ "==": [{ var: "a.b" }, 1] }, { var: ["c", { var: "d" }] }, { missing: ["e"] }] })]).toEqual(["a", "c", "d"]);
  });
});
