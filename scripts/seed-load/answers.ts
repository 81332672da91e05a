/**
 * Answers for any published form, made from its definition field by field (the loader cannot know every form of
 * every catalog): raw values as a browser posts them, then validateAnswers — the same check intake makes — keeps
 * the typed answers a case stores. A few variants per form, chosen per case, with the applicant's own prefilled
 * identity laid over them. Materials are left out: a case here has no uploaded files (see docs/BENCHMARKS.md).
 */
import type { TAnswers } from "@/lib/forms/answers";
import type { TField, TFormDefinition, TItemField } from "@/lib/forms/definition";
import { addDays } from "@/lib/calendar/working-days";
import { validateAnswers } from "@/lib/forms/validate-answers";
import { regionLookup } from "@/lib/regions/regions";
import type { TRandom } from "./random";

const words = ["便民", "服务", "餐饮", "贸易", "科技", "社区", "申请", "材料", "登记", "经营"];
const streets = ["漕溪北路 88 号", "国定路 200 号", "南京西路 1266 号", "淮海中路 300 号", "世纪大道 100 号", "天目西路 218 号"];
const shops = ["小馆", "面馆", "咖啡馆", "商贸有限公司", "科技有限公司", "新建项目"];
const people = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"];

export type TApplicantIdentity = { name: string; idNumber: string | null; mobile: string | null; company?: { name: string; uscc: string; legalRepresentative: string; registeredAddress: string; regionCode: string } };

function boundDate(bound: string | undefined, today: string): string | undefined {
  return bound === "today" ? today : bound;
}

function dateBetween(random: TRandom, min: string | undefined, max: string | undefined, today: string): string {
  const high = max ?? today;
  const low = min ?? addDays(high, -720);
  const span = Math.max(0, Math.round((Date.parse(high) - Date.parse(low)) / 86_400_000));
  return addDays(low, random.int(0, Math.min(span, 720)));
}

function itemValue(field: TItemField | TField, random: TRandom, today: string, identity: TApplicantIdentity): unknown {
  switch (field.type) {
    case "text": {
      const text = /address/i.test(field.key)
        ? `上海市${random.pick(streets)}`
        : /(shop|project|enterprise|company|employer)name/i.test(field.key)
          ? `${random.pick(words)}${random.pick(shops)}`
          : /name/i.test(field.key)
            ? random.pick(people)
            : random.pick(words) + random.pick(words);
      return text.slice(0, field.maxLength);
    }
    case "textarea":
      return `${random.pick(words)}${random.pick(words)}，${random.pick(streets)}。`.slice(0, field.maxLength);
    case "number": {
      const min = field.min ?? 1;
      const max = field.max ?? Math.max(min + 10, 100);
      const step = field.step ?? (field.integer ? 1 : 1);
      const steps = Math.floor((Math.min(max, min + 1000 * step) - min) / step);
      return String(min + step * random.int(0, Math.max(0, steps)));
    }
    case "money": {
      const min = field.min ?? 100;
      return String(random.int(min, field.max ?? min + 100_000));
    }
    case "date":
      return dateBetween(random, boundDate(field.min, today), boundDate(field.max, today), today);
    case "date-range": {
      const from = dateBetween(random, boundDate(field.min, today), boundDate(field.max, today), today);
      const to = addDays(from, random.int(0, 180));
      const max = boundDate(field.max, today);
      return { from, to: max && to > max ? max : to };
    }
    case "select":
    case "radio":
      return random.pick(field.options).value;
    case "checkbox-group": {
      const low = Math.max(1, field.minSelected ?? 1);
      const high = Math.min(field.options.length, field.maxSelected ?? 2, Math.max(low, 2));
      const count = random.int(low, Math.max(low, high));
      return field.options.slice(0, Math.min(count, field.options.length)).map((option) => option.value);
    }
    case "yesno":
      return random.chance(0.5) ? "yes" : "no";
    case "email":
      return `user${random.int(1000, 9999)}@example.cn`;
    case "phone":
      return identity.mobile ?? `139${String(random.int(0, 99_999_999)).padStart(8, "0")}`;
    case "id-number":
      return identity.idNumber ?? "310104198803124016";
    case "uscc":
      return identity.company?.uscc ?? "91310104MA1FL8XQ36";
    case "region":
      return field.level === "province" ? "310000" : field.level === "city" ? "310100" : random.pick(["310104", "310105", "310110", "310115"]);
    case "address":
      return { region: random.pick(["310104", "310105", "310110"]), detail: random.pick(streets).slice(0, field.maxLength) };
    case "declaration":
      return "yes";
    default:
      return undefined;
  }
}

function rawAnswers(definition: TFormDefinition, random: TRandom, today: string, identity: TApplicantIdentity): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const page of definition.pages) {
    for (const section of page.sections) {
      for (const field of section.fields) {
        if ("compute" in field && field.compute) continue;
        if (field.type === "material") continue;
        if (field.type === "group") {
          const count = Math.max(1, field.minItems, Math.min(field.maxItems, random.int(1, 2)));
          raw[field.key] = Array.from({ length: count }, () => Object.fromEntries(field.fields.filter((item) => !("compute" in item && item.compute)).map((item) => [item.key, itemValue(item, random, today, identity)])));
          continue;
        }
        const value = itemValue(field, random, today, identity);
        if (value !== undefined) raw[field.key] = value;
      }
    }
  }
  return raw;
}

/** The keys whose only complaint may be a missing material: everything else must validate. */
function materialKeys(definition: TFormDefinition): Set<string> {
  return new Set(definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.filter((field) => field.type === "material").map((field) => field.key))));
}

/**
 * Up to `count` variants of typed answers for a form: each try is validated, and only tries whose errors are all
 * missing materials are kept. Throws when none validates, so a form the generator cannot fill is seen at once.
 */
export function answerVariants(definition: TFormDefinition, random: TRandom, today: string, identity: TApplicantIdentity, count: number): TAnswers[] {
  const materials = materialKeys(definition);
  const variants: TAnswers[] = [];
  let lastErrors: unknown = null;
  for (let attempt = 0; attempt < count * 20 && variants.length < count; attempt += 1) {
    const validation = validateAnswers(definition, rawAnswers(definition, random, today, identity), { today, regions: regionLookup });
    const errors = Object.keys(validation.errors).filter((path) => !materials.has(path.split(".")[0]));
    if (errors.length === 0) variants.push(validation.answers);
    else lastErrors = Object.fromEntries(errors.map((path) => [path, validation.errors[path]]));
  }
  if (variants.length === 0) throw new Error(`seed-load: could not make valid answers for a form: ${JSON.stringify(lastErrors)}`);
  return variants;
}

/** The fields prefilled from the register take the applicant's own values, as intake locks them. */
export function prefilledKeys(definition: TFormDefinition): { key: string; source: string }[] {
  return definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.flatMap((field) => (field.prefill ? [{ key: field.key, source: field.prefill.source }] : []))));
}

export function withIdentity(answers: TAnswers, prefilled: readonly { key: string; source: string }[], identity: TApplicantIdentity): TAnswers {
  if (prefilled.length === 0) return answers;
  const result: TAnswers = { ...answers };
  const company = identity.company;
  const values: Record<string, string | null | undefined> = {
    "identity.name": identity.name,
    "identity.idNumber": identity.idNumber,
    "identity.mobile": identity.mobile,
    "company.name": company?.name,
    "company.uscc": company?.uscc,
    "company.legalRepresentative": company?.legalRepresentative,
    "company.registeredAddress": company?.registeredAddress,
    "company.regionCode": company?.regionCode,
  };
  for (const { key, source } of prefilled) {
    const value = values[source];
    if (value && key in result) result[key] = value;
  }
  return result;
}
