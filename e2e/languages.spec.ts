/**
 * The portal in traditional Chinese and in English: every page a company visits is wholly in the chosen
 * language (names of people and companies aside), and the header's switcher changes language in place.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, setLocale, signIn, test, type TLocale } from "./fixtures";

type TVisit = { path: string; heading: string };

const words: Record<Exclude<TLocale, "zh-Hans">, { brand: string; services: string; myCases: string; visits: TVisit[]; signedIn: TVisit[]; label: string; start: RegExp }> = {
  "zh-Hant": {
    brand: "一門通辦",
    services: "辦事服務",
    myCases: "我的辦件",
    visits: [
      { path: "/", heading: "政務服務，一門辦理" },
      { path: "/services", heading: "辦事服務" },
      { path: "/services/BUNDLE-RESTAURANT", heading: "開辦餐飲店一件事" },
      { path: "/login", heading: "登入" },
    ],
    signedIn: [
      { path: "/apply/BUNDLE-RESTAURANT", heading: "開辦餐飲店一件事" },
      { path: "/me", heading: "我的辦件" },
    ],
    label: "店鋪名稱",
    // A draft left by an earlier journey turns "start" into "start a new application".
    start: /^開始(新的)?申請$/,
  },
  en: {
    brand: "OneDoor",
    services: "Services",
    myCases: "My applications",
    visits: [
      { path: "/", heading: "Government services, through one door" },
      { path: "/services", heading: "Services" },
      { path: "/services/BUNDLE-RESTAURANT", heading: "Open a restaurant" },
      { path: "/login", heading: "Sign in" },
    ],
    signedIn: [
      { path: "/apply/BUNDLE-RESTAURANT", heading: "Open a restaurant" },
      { path: "/me", heading: "My applications" },
    ],
    label: "Shop name",
    start: /^Start (now|a new application)$/,
  },
};

// Names are data, stored once as their owners registered them: English pages show them so; zh-Hant pages show them
// in traditional characters (lib/i18n/name-for-reader.ts), so there they are not left out of the check.
const names = ["上海一门餐饮管理有限公司", "王五", "张三", "李四"];
// Each language's name in itself, in the switcher on every page.
const languageNames = ["简体中文", "繁體中文", "English"];
// Simplified forms whose traditional forms (辦 務 請 門 錄 語 時 個 項 們 這 說) differ.
const simplifiedOnly = /[办务请门录语时个项们这说]/g;
const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;

async function readableText(page: Page, locale: Exclude<TLocale, "zh-Hans">) {
  let text = await page.locator("body").innerText();
  for (const name of [...(locale === "en" ? names : []), ...languageNames]) text = text.replaceAll(name, "");
  return text;
}

async function expectPageIn(page: Page, locale: Exclude<TLocale, "zh-Hans">, visit: TVisit) {
  const expected = words[locale];
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1, name: visit.heading, exact: true })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: new RegExp(`^${expected.brand}`) })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: expected.services, exact: true })).toBeVisible();
  const text = await readableText(page, locale);
  const stray = locale === "zh-Hant" ? text.match(simplifiedOnly) : text.match(cjk);
  expect(stray, `${locale} page ${visit.path} shows ${stray?.join("")} in:\n${text}`).toBeNull();
  await expectNoAxeViolations(page);
}

for (const locale of ["zh-Hant", "en"] as const) {
  test.describe(`in ${locale}`, () => {
    test.beforeEach(async ({ context }) => {
      await setLocale(context, locale);
    });

    test("the public pages are in that language", async ({ page }) => {
      for (const visit of words[locale].visits) {
        await page.goto(visit.path);
        await expectPageIn(page, locale, visit);
      }
    });

    test("the company's own pages are in that language", async ({ page }) => {
      await signIn(page, "enterprise");
      await expect(page.getByRole("banner").getByRole("link", { name: words[locale].myCases })).toBeVisible();
      for (const visit of words[locale].signedIn) {
        await page.goto(visit.path);
        await expectPageIn(page, locale, visit);
      }
      await page.goto("/apply/BUNDLE-RESTAURANT");
      await page.getByRole("button", { name: words[locale].start }).click();
      await expect(page.getByLabel(words[locale].label, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test("the header's language links change the language and stay on the page", async ({ page }) => {
  await page.goto("/services/BUNDLE-RESTAURANT");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();

  await page.getByRole("navigation", { name: "语言" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/services\/BUNDLE-RESTAURANT$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Open a restaurant" })).toBeVisible();

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "繁體中文" }).click();
  await expect(page).toHaveURL(/\/services\/BUNDLE-RESTAURANT$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByRole("heading", { level: 1, name: "開辦餐飲店一件事" })).toBeVisible();
  // The choice is remembered on the next page.
  await page.getByRole("banner").getByRole("link", { name: "辦事服務" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "辦事服務" })).toBeVisible();
});
