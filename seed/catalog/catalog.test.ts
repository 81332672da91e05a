import { describe, expect, it } from "vitest";
import { bundles } from "@/seed/catalog/bundles";
import { departments, services } from "@/seed/catalog/catalog";
import type { TSeedBundle } from "@/seed/catalog/types";
import { restaurantAnswers } from "@/seed/sample-answers";
import { composeBundleForm } from "@/lib/forms/compose-bundle-form";
import { toTraditional } from "@/lib/i18n/traditional";
import { listFields, ZFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ZLocalizedText } from "@/lib/i18n/localized-text";
import { ZLicenceTemplate } from "@/lib/licences/licence-template";
import { remediesOf } from "@/lib/documents/document-rules";

/** Han ideographs, CJK punctuation and full-width forms: none of these belong in English text. */
const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Every localized text anywhere in the catalog, with where it was found. */
function collectTexts(value: unknown, path: string, found: { path: string; text: TLocalizedText }[] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectTexts(item, `${path}[${index}]`, found));
  } else if (value && typeof value === "object") {
    if ("zh-Hans" in value || "en" in value) {
      found.push({ path, text: value as TLocalizedText });
      return found;
    }
    for (const [key, child] of Object.entries(value)) collectTexts(child, `${path}.${key}`, found);
  }
  return found;
}

const departmentCodes = new Set(departments.map((department) => department.code));
const servicesByCode = new Map(services.map((service) => [service.code, service]));

describe("departments", () => {
  it("are the nine of the design", () => {
    expect([...departmentCodes].sort()).toEqual(
      ["AMR", "ENV", "FIRE", "HEALTH", "HRSS", "MEDINS", "POLICE", "TAX", "URBAN"].sort(),
    );
    expect(departments).toHaveLength(9);
  });

  it("each offer at least one service", () => {
    for (const code of departmentCodes) {
      expect(services.some((service) => service.departmentCode === code), code).toBe(true);
    }
  });
});

describe("services", () => {
  it("have unique codes and belong to an existing department", () => {
    expect(servicesByCode.size).toBe(services.length);
    for (const service of services) expect(departmentCodes.has(service.departmentCode), service.code).toBe(true);
  });

  it("include every service the design and other seeds rely on", () => {
    for (const code of [
      "AMR-FOOD-LICENCE",
      "AMR-COMPANY-REG",
      "FIRE-SAFETY-CHECK",
      "URBAN-OUTDOOR-SIGN",
      "ENV-EIA-FILING",
      "HEALTH-BIRTH-CERT",
      "POLICE-BIRTH-REG",
      "MEDINS-NEWBORN-ENROL",
      "HRSS-SSCARD",
      "HRSS-PROOF",
      "TAX-INVOICE",
      "POLICE-RESIDENCE-PERMIT",
      "HEALTH-PUBLIC-PLACE",
      "MEDINS-REMOTE-CARE",
    ]) {
      expect(servicesByCode.has(code), code).toBe(true);
    }
    expect(services.length).toBeGreaterThanOrEqual(14);
  });

  it("have forms that pass the form-definition meta-schema", () => {
    for (const service of services) {
      const form = ZFormDefinition.parse(service.form);
      const fieldCount = listFields(form).length;
      expect(fieldCount, service.code).toBeGreaterThanOrEqual(4);
      expect(fieldCount, service.code).toBeLessThanOrEqual(12);
    }
  });

  it("name where a refusal may be reviewed and sued over, as a 不予许可决定书 must state", () => {
    for (const service of services) {
      const department = departments.find((candidate) => candidate.code === service.departmentCode)!;
      const remedies = remediesOf({ reviewBody: service.reviewBody ?? null, court: service.court ?? null }, { reviewBody: department.reviewBody ?? null, court: department.court ?? null });
      expect(remedies.reviewBody, service.code).not.toBeNull();
      expect(remedies.court, service.code).not.toBeNull();
    }
  });

  it("promise no more than the law allows", () => {
    for (const service of services) {
      expect(service.promisedLimitDays, service.code).toBeLessThanOrEqual(service.legalLimitDays);
      expect(service.promisedLimitDays, service.code).toBeGreaterThanOrEqual(0);
      if (service.kind === "instant") {
        // Decided at once; when its instant check fails, a clerk decides by the next working day.
        expect([service.legalLimitDays, service.promisedLimitDays], service.code).toEqual([1, 1]);
      } else {
        expect(service.promisedLimitDays, service.code).toBeGreaterThan(0);
      }
    }
  });

  it("has HRSS-PROOF as the one instant service, for citizens", () => {
    const proof = servicesByCode.get("HRSS-PROOF");
    expect(proof?.kind).toBe("instant");
    expect(proof?.applicantType).toBe("natural");
    expect(services.filter((service) => service.kind === "instant").map((service) => service.code)).toEqual(["HRSS-PROOF"]);
  });

  it("keep the statutory limits and applicant types the design names", () => {
    expect(servicesByCode.get("AMR-FOOD-LICENCE")).toMatchObject({ applicantType: "legal", legalLimitDays: 20, promisedLimitDays: 5 });
    expect(servicesByCode.get("FIRE-SAFETY-CHECK")).toMatchObject({ applicantType: "legal", legalLimitDays: 10 });
    for (const code of ["URBAN-OUTDOOR-SIGN", "ENV-EIA-FILING", "TAX-INVOICE", "HEALTH-PUBLIC-PLACE"]) {
      expect(servicesByCode.get(code)?.applicantType, code).toBe("legal");
    }
    expect(servicesByCode.get("MEDINS-REMOTE-CARE")?.applicantType).toBe("natural");
  });

  it("have a complete guide", () => {
    for (const service of services) {
      expect(service.conditions.length, service.code).toBeGreaterThan(0);
      expect(service.materials.length, service.code).toBeGreaterThan(0);
      expect(service.legalBasis.length, service.code).toBeGreaterThan(0);
      for (const material of service.materials) expect(material.copies, service.code).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("licence templates", () => {
  const yielding = services.filter((service) => service.licence);

  it("are given for the services that end in a certificate, permit or proof, and pass the template schema", () => {
    expect(yielding.map((service) => service.code).sort()).toEqual(
      ["AMR-FOOD-LICENCE", "FIRE-SAFETY-CHECK", "URBAN-OUTDOOR-SIGN", "HEALTH-BIRTH-CERT", "POLICE-BIRTH-REG", "HRSS-SSCARD", "HRSS-PROOF", "POLICE-RESIDENCE-PERMIT", "HEALTH-PUBLIC-PLACE"].sort(),
    );
    for (const service of yielding) expect(ZLicenceTemplate.safeParse(service.licence).success, service.code).toBe(true);
  });

  it("take each datum from a question the service's own form (or a bundle containing it) asks", () => {
    const asked = new Set([...services.flatMap((service) => listFields(ZFormDefinition.parse(service.form)).map((field) => field.key)), ...bundles.flatMap((bundle) => listFields(ZFormDefinition.parse(bundle.form)).map((field) => field.key))]);
    for (const service of yielding) {
      const own = new Set(listFields(ZFormDefinition.parse(service.form)).map((field) => field.key));
      for (const field of service.licence!.fields) {
        if (!("answer" in field.from)) continue;
        // The first key is the service's own question; later ones are how a bundle asks the same datum.
        expect(own.has(field.from.answer[0]), `${service.code}.${field.key}`).toBe(true);
        for (const key of field.from.answer) expect(asked.has(key), `${service.code}.${field.key} ← ${key}`).toBe(true);
      }
    }
  });

  it("use one licence type per service, so a wallet licence is known by its type", () => {
    const types = yielding.map((service) => service.licence!.type);
    expect(new Set(types).size).toBe(types.length);
    const prefixes = yielding.map((service) => service.licence!.numberPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe("commitment settings (告知承诺制)", () => {
  it("name a yes/no question of the service's own form, answered true, and yield a licence to revoke", () => {
    const committing = services.filter((service) => service.commitment);
    expect(committing.map((service) => service.code)).toEqual(["FIRE-SAFETY-CHECK"]);
    for (const service of committing) {
      const field = listFields(ZFormDefinition.parse(service.form)).find((candidate) => candidate.key === service.commitment!.field);
      expect(field?.type, service.code).toBe("yesno");
      expect(service.commitment!.value, service.code).toBe(true);
      expect(service.licence, service.code).toBeDefined();
    }
  });
});

describe("bundles", () => {
  /** The applicant's one form: the bundle's own questions composed with its services' forms, as the seed does. */
  function composed(bundle: TSeedBundle) {
    const result = composeBundleForm({
      base: ZFormDefinition.parse(bundle.form),
      components: bundle.items.map((item) => {
        const service = servicesByCode.get(item.serviceCode)!;
        return {
          serviceCode: service.code,
          definition: ZFormDefinition.parse(service.form),
          appliesWhen: item.appliesWhen,
          excludeFields: item.excludeFields ?? [],
          title: service.name,
        };
      }),
    });
    if (!result.ok) throw new Error(`${bundle.code} does not compose:\n${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n")}`);
    return result.definition;
  }
  const pageOf = (definition: TFormDefinition, key: string) => definition.pages.find((page) => page.sections.some((section) => section.fields.some((field) => field.key === key)));

  it("have unique codes, base forms that parse, and items that name existing services", () => {
    expect(new Set(bundles.map((bundle) => bundle.code)).size).toBe(bundles.length);
    for (const bundle of bundles) {
      ZFormDefinition.parse(bundle.form);
      for (const item of bundle.items) expect(servicesByCode.has(item.serviceCode), `${bundle.code} → ${item.serviceCode}`).toBe(true);
    }
  });

  it("compose with their services' forms into one form that asks each datum once", () => {
    for (const bundle of bundles) {
      const keys = listFields(composed(bundle)).map((field) => field.key);
      expect(new Set(keys).size, bundle.code).toBe(keys.length);
      // The bundle's own questions come first.
      expect(keys.slice(0, listFields(ZFormDefinition.parse(bundle.form)).length), bundle.code).toEqual(
        listFields(ZFormDefinition.parse(bundle.form)).map((field) => field.key),
      );
    }
  });

  it("each span several departments and serve the bundle's kind of applicant", () => {
    for (const bundle of bundles) {
      const itemServices = bundle.items.map((item) => servicesByCode.get(item.serviceCode)!);
      expect(new Set(itemServices.map((service) => service.departmentCode)).size, bundle.code).toBeGreaterThanOrEqual(2);
      for (const service of itemServices) expect(service.applicantType, `${bundle.code} → ${service.code}`).toBe(bundle.applicantType);
    }
  });

  it("route rules read only fields the bundle's own form asks", () => {
    for (const bundle of bundles) {
      const keys = new Set(listFields(ZFormDefinition.parse(bundle.form)).map((field) => field.key));
      for (const item of bundle.items) {
        const variables = JSON.stringify(item.appliesWhen ?? {}).matchAll(/"var":"([^"]+)"/g);
        for (const [, variable] of variables) expect(keys.has(variable), `${bundle.code}: ${variable}`).toBe(true);
      }
    }
  });

  it("BUNDLE-RESTAURANT asks about the sign and routes on it and on the floor area", () => {
    const restaurant = bundles.find((bundle) => bundle.code === "BUNDLE-RESTAURANT")!;
    expect(restaurant).toMatchObject({ applicantType: "legal", topic: "business" });
    const fields = listFields(ZFormDefinition.parse(restaurant.form));
    expect(fields.find((field) => field.key === "hasOutdoorSign")?.type).toBe("yesno");
    expect(fields.find((field) => field.key === "businessArea")?.type).toBe("number");
    expect(restaurant.items.map(({ serviceCode, appliesWhen }) => ({ serviceCode, appliesWhen }))).toEqual([
      { serviceCode: "AMR-FOOD-LICENCE", appliesWhen: null },
      { serviceCode: "FIRE-SAFETY-CHECK", appliesWhen: null },
      { serviceCode: "URBAN-OUTDOOR-SIGN", appliesWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
      { serviceCode: "ENV-EIA-FILING", appliesWhen: { ">": [{ var: "businessArea" }, 500] } },
    ]);
    // The sign's questions are on the sign service's page, shown only to someone with an outside sign.
    const form = composed(restaurant);
    for (const key of ["signText", "signWidth", "signHeight"]) {
      expect(pageOf(form, key)?.showWhen, key).toEqual({ "==": [{ var: "hasOutdoorSign" }, true] });
    }
    expect(pageOf(form, "projectName")?.showWhen).toEqual({ ">": [{ var: "businessArea" }, 500] });
    // Every question of the journeys' sample restaurant is asked.
    const keys = new Set(listFields(form).map((field) => field.key));
    for (const key of Object.keys(restaurantAnswers())) expect(keys.has(key), key).toBe(true);
  });

  it("BUNDLE-NEWBORN always reaches health, police, medical insurance and social security", () => {
    const newborn = bundles.find((bundle) => bundle.code === "BUNDLE-NEWBORN")!;
    expect(newborn).toMatchObject({ applicantType: "natural", topic: "family" });
    expect(newborn.items.every((item) => item.appliesWhen === null)).toBe(true);
    expect(newborn.items.map((item) => servicesByCode.get(item.serviceCode)!.departmentCode).sort()).toEqual(
      ["HEALTH", "HRSS", "MEDINS", "POLICE"],
    );
    const fields = listFields(composed(newborn));
    expect(fields.find((field) => field.key === "babyBirthDate")).toMatchObject({ type: "date", max: "today" });
    // The baby's ID number and birth certificate come from the police and the hospital in this same bundle.
    expect(fields.filter((field) => field.type === "id-number").map((field) => field.key)).toEqual(["motherIdNumber", "fatherIdNumber", "applicantIdNumber"]);
    expect(fields.map((field) => field.key)).not.toContain("birthCertificateNumber");
    expect(newborn.items.find((item) => item.serviceCode === "MEDINS-NEWBORN-ENROL")?.excludeFields).toEqual(["babyIdNumber"]);
    expect(fields.filter((field) => field.type === "phone").map((field) => field.key)).toEqual(["applicantMobile"]);
  });
});

describe("localized texts", () => {
  const texts = collectTexts({ departments, services, bundles }, "catalog");

  it("are found throughout the catalog", () => {
    expect(texts.length).toBeGreaterThan(300);
  });

  it("exist in all three languages", () => {
    for (const { path, text } of texts) expect(ZLocalizedText.safeParse(text).success, path).toBe(true);
  });

  it("are fully traditional in zh-Hant", () => {
    for (const { path, text } of texts) expect(toTraditional(text["zh-Hant"]), path).toBe(text["zh-Hant"]);
  });

  it("have no Chinese characters or punctuation in English", () => {
    for (const { path, text } of texts) expect(text.en, path).not.toMatch(cjk);
  });
});
