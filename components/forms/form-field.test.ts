/**
 * FormField rendered on the server, as a browser without JavaScript gets it: the names the server reads back,
 * the ids the error summary links to, and the buttons that change the page.
 */
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { ZField, type TField } from "@/lib/forms/definition";
import type { Locale } from "@/lib/i18n/locales";
import { FormField, type TFieldContext } from "./form-field";

const text = (en: string, zh = en) => ({ "zh-Hans": zh, "zh-Hant": zh, en });
const messagesOf = (locale: Locale) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8"));

function render(input: Record<string, unknown>, value: unknown, context: Partial<TFieldContext> = {}, locale: Locale = "en") {
  const field = ZField.parse({ label: text("Question", "问题"), ...input }) as TField;
  const full: TFieldContext = { locale, errorFor: () => undefined, prefilled: {}, regionOptions: {}, walletLicences: [], ...context };
  const children = createElement(FormField, { field, value, context: full });
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: messagesOf(locale), timeZone: "Asia/Shanghai", children }));
}
const names = (html: string) => [...html.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]);
const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
/** The attributes of each input, select, textarea and button, attribute names in lower case. */
const controls = (html: string) =>
  [...html.matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)].map(([, tag, attributes]) => ({
    tag,
    ...Object.fromEntries([...attributes.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name.toLowerCase(), value ?? ""])),
  })) as Record<string, string>[];
const control = (html: string, id: string) => controls(html).find((c) => c.id === id);

describe("FormField", () => {
  it("renders a text field with its label, optional marker, hint and error tied to the input", () => {
    const html = render({ key: "shopName", type: "text", hint: text("As on the sign") }, "Noodles", { errorFor: (p) => (p === "shopName" ? "Enter the name" : undefined) });
    expect(html).toContain('<label for="field-shopName"');
    expect(html).toContain("(optional)");
    expect(control(html, "field-shopName")).toMatchObject({
      name: "shopName",
      value: "Noodles",
      "aria-describedby": "field-shopName-hint field-shopName-error",
      "aria-invalid": "true",
    });
    expect(html).toContain("Error:");
  });

  it("shows money from fen as yuan, and raw text as typed", () => {
    expect(render({ key: "capital", type: "money", required: true }, 123450)).toContain('value="1234.50"');
    expect(render({ key: "capital", type: "money", required: true }, "12.3.4")).toContain('value="12.3.4"');
    expect(render({ key: "capital", type: "money", required: true }, 100, {}, "zh-Hans")).toContain("元");
    expect(render({ key: "capital", type: "money", required: true }, 100)).not.toContain("(optional)");
  });

  it("posts a date range as .from and .to, the first input taking the field's id", () => {
    const html = render({ key: "period", type: "date-range" }, { from: "2026-01-01", to: "2026-02-01" });
    expect(names(html)).toEqual(["period.from", "period.to"]);
    expect(ids(html)).toContain("field-period");
    expect(ids(html)).toContain("field-period-to");
    expect(html).toContain("<legend");
  });

  it("posts checkboxes under one name, ticking the chosen", () => {
    const html = render({ key: "kinds", type: "checkbox-group", options: [{ value: "a", label: text("A") }, { value: "b", label: text("B") }] }, ["b"]);
    expect(names(html)).toEqual(["kinds", "kinds"]);
    expect(control(html, "field-kinds-1")).toMatchObject({ value: "b", checked: "" });
    expect(control(html, "field-kinds")).not.toHaveProperty("checked");
  });

  it("posts yes/no and a declaration as words", () => {
    const yesno = render({ key: "sign", type: "yesno" }, false);
    expect(control(yesno, "field-sign")).toMatchObject({ name: "sign", value: "yes" });
    expect(control(yesno, "field-sign-1")).toMatchObject({ name: "sign", value: "no", checked: "" });
    expect(control(render({ key: "agree", type: "declaration" }, true), "field-agree")).toMatchObject({ name: "agree", value: "yes", checked: "" });
  });

  it("renders a group as one fieldset per item, with add and remove buttons", () => {
    const input = {
      key: "shareholders",
      type: "group",
      itemLabel: text("shareholder", "股东"),
      minItems: 1,
      maxItems: 2,
      fields: [{ key: "name", type: "text", label: text("Name") }],
    };
    const one = render(input, undefined);
    expect(names(one)).toEqual(["shareholders.0.name", "intent"]);
    expect(one).toContain(">Shareholder 1</legend>");
    expect(one).toContain('value="add:shareholders"');
    expect(one).toContain("Add another shareholder");
    expect(one).not.toContain("remove:");
    expect(ids(one)).toContain("field-shareholders");

    const two = render(input, [{ name: "张三" }, { name: "李四" }], { errorFor: (p) => (p === "shareholders.1.name" ? "Enter the name" : undefined) });
    expect(two).toContain('value="remove:shareholders:1"');
    expect(two).toContain("Remove shareholder 2");
    expect(two).not.toContain("add:shareholders");
    expect(control(two, "field-shareholders-1-name")).toMatchObject({ name: "shareholders.1.name", value: "李四", "aria-invalid": "true" });
    expect(controls(two).filter((c) => c.tag === "button")).toEqual(
      ["remove:shareholders:0", "remove:shareholders:1"].map((value) => expect.objectContaining({ name: "intent", value, formnovalidate: "", type: "submit" })),
    );
  });

  it("renders a region picker from the lists it is given, with the refresh button for pages without JavaScript", () => {
    const regionOptions = {
      office: {
        provinces: [{ code: "440000", name: "Guangdong" }],
        cities: [{ code: "440300", name: "Shenzhen" }],
        counties: [{ code: "440305", name: "Nanshan" }],
      },
    };
    const html = render({ key: "office", type: "region" }, "440305", { regionOptions });
    expect(names(html)).toEqual(["office.province", "office.city", "office.county", "intent"]);
    expect(ids(html).slice(0, 1)).toEqual(["field-office"]);
    expect(html).toMatch(/<option value="440305" selected="">Nanshan/);
    expect(html).toContain('value="refresh"');

    const address = render({ key: "site", type: "address" }, { region: { province: "440000" }, detail: "1 Road" }, {
      regionOptions: { site: { provinces: regionOptions.office.provinces, cities: [], counties: [] } },
    });
    expect(names(address)).toEqual(["site.region.province", "intent", "site.detail"]);
    expect(address).toContain("Show cities");
  });

  it("locks a prefilled field read-only (never disabled) and names its source", () => {
    const html = render({ key: "idNumber", type: "id-number" }, "110101199003070011", {
      prefilled: { idNumber: { sourceLabel: "the population register", locked: true } },
    });
    expect(html).toContain("From: the population register");
    expect(html).toContain("This comes from the population register and cannot be changed here");
    expect(control(html, "field-idNumber")).toMatchObject({ name: "idNumber", readonly: "", maxlength: "18", autocomplete: "off" });
    expect(html).not.toContain("disabled");

    const select = render({ key: "kind", type: "select", options: [{ value: "a", label: text("Apple") }] }, "a", { prefilled: { kind: { sourceLabel: "X", locked: true } } });
    expect(controls(select)).toEqual([
      expect.objectContaining({ id: "field-kind", readonly: "", value: "Apple" }),
      expect.objectContaining({ type: "hidden", name: "kind", value: "a" }),
    ]);
  });

  it("offers wallet e-licences of the accepted types beside the upload, and lists attached files", () => {
    const html = render(
      { key: "licence", type: "material", licenceTypes: ["business-licence"] },
      [
        { kind: "file", fileId: "f1", name: "plan.pdf", mediaType: "application/pdf", size: 2048 },
        { kind: "licence", licenceId: "L1" },
      ],
      {
        walletLicences: [
          { id: "L1", type: "business-licence", title: "Business licence", number: "91310000" },
          { id: "L2", type: "food-licence", title: "Food licence", number: "JY1" },
        ],
      },
    );
    expect(control(html, "field-licence")).toMatchObject({ name: "licence", type: "file", multiple: "", accept: "application/pdf,image/jpeg,image/png" });
    expect(controls(html).filter((c) => c.name === "licence.licence")).toEqual([expect.objectContaining({ type: "checkbox", value: "L1", checked: "" })]);
    expect(html).not.toContain("L2");
    expect(html).toContain('value="remove-file:licence:f1"');
    expect(html).toContain("plan.pdf");
    expect(html).toContain("2 KB");
  });
});
