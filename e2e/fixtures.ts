/**
 * Shared helpers for the journeys: sign in through the real /login form, choose a language the way the header's
 * switcher does (the NEXT_LOCALE cookie), scan a page with axe, and fill the seeded forms by their visible labels.
 * Text the tests look for is written out as a reader sees it, so the journeys also prove the translations.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_TWO_FACTOR_SECRET } from "@/seed/demo-two-factor";

export { expect };

export type TLocale = "zh-Hans" | "zh-Hant" | "en";

export const password = "demo2026";

const loginWords: Record<TLocale, { username: string; password: string; submit: string }> = {
  "zh-Hans": { username: "用户名", password: "密码", submit: "登录" },
  "zh-Hant": { username: "使用者名稱", password: "密碼", submit: "登入" },
  en: { username: "User name", password: "Password", submit: "Sign in" },
};

/** The language the page says it is in (the html lang attribute). */
export async function pageLocale(page: Page): Promise<TLocale> {
  const lang = await page.locator("html").getAttribute("lang");
  if (lang !== "zh-Hans" && lang !== "zh-Hant" && lang !== "en") throw new Error(`unexpected html lang ${lang}`);
  return lang;
}

const codeWords: Record<TLocale, { code: string; submit: string }> = {
  "zh-Hans": { code: "验证码或恢复码", submit: "继续" },
  "zh-Hant": { code: "驗證碼或恢復碼", submit: "繼續" },
  en: { code: "Code or recovery code", submit: "Continue" },
};

/** The test clock's cookie (server/clock.ts), which the sign-in's code step honours on a journey's server. */
const TEST_CLOCK_COOKIE = "onedoor-test-now";
/** The last time step this worker presented per account, so no two of its sign-ins present the same one. */
const lastStepOf = new Map<string, number>();

/**
 * A code of the demo secret no sign-in of this run has presented yet for `username`, and the test-clock time (for
 * the `onedoor-test-now` cookie) at which it is right. See submitSignInCode.
 */
export async function freshDemoCode(username: string): Promise<{ clock: string; code: string }> {
  const step = Math.max(Math.floor(Date.now() / 1000), (lastStepOf.get(username) ?? 0) + 1);
  lastStepOf.set(username, step);
  const epoch = step * 30;
  return { clock: new Date(epoch * 1000).toISOString(), code: await generate({ secret: DEMO_TWO_FACTOR_SECRET, epoch }) };
}

/**
 * The code step of a demo admin's or supervisor's sign-in (the demo secret, seed/demo-two-factor.ts). A code is
 * refused once its time step was used, and journeys sign in as `admin` many times within 30 seconds: rather than wait
 * for the next real step, each sign-in is given a step of its own on the test clock: one per second of real time
 * (strictly increasing within this worker), so it never repeats, also across workers of the run. The journey's own
 * test-clock cookie, if any, is put back afterwards.
 */
export async function submitSignInCode(page: Page, username: string) {
  const context = page.context();
  const origin = new URL(page.url()).origin;
  const journeyClock = (await context.cookies(origin)).find((cookie) => cookie.name === TEST_CLOCK_COOKIE);
  const { clock, code } = await freshDemoCode(username);
  await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: clock, url: origin }]);
  const words = codeWords[await pageLocale(page)];
  await page.getByLabel(words.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: words.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login/code");
  await context.clearCookies({ name: TEST_CLOCK_COOKIE });
  if (journeyClock) await context.addCookies([journeyClock]);
}

/**
 * Fills and submits the sign-in form already on screen (after a redirect to /login, say), answers the code step
 * where the account has one, then waits until the browser has left the sign-in pages.
 */
export async function submitSignIn(page: Page, username: string) {
  const words = loginWords[await pageLocale(page)];
  await page.getByLabel(words.username, { exact: true }).fill(username);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: words.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  if (new URL(page.url()).pathname === "/login/code") await submitSignInCode(page, username);
}

/** Opens /login and signs in as a demo account; lands wherever that account starts (/me, /desk …). */
export async function signIn(page: Page, username: string) {
  await page.goto("/login");
  await submitSignIn(page, username);
}

/** Chooses the reader's language as the header's switcher does, for every later request of the context. */
export async function setLocale(context: BrowserContext, locale: TLocale) {
  const baseURL = base.info().project.use.baseURL;
  if (!baseURL) throw new Error("setLocale needs use.baseURL in playwright.config.ts");
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/** WCAG 2.1 A and AA: the page must have no violations; the failure names each rule and the elements it found. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a page's metadata: after a form post re-renders the page, its <title> arrives a moment after the
  // content the test waited for. Scan the settled page — and fail here, by name, if the title never comes.
  await expect(page, `no <title> on ${page.url()}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = results.violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(" ")).join("\n    ")}`)
    .join("\n");
  // A scan that checked nothing (a page still blank, say) would pass too; make sure it looked at something.
  expect(results.passes.length, `axe checked nothing on ${page.url()}`).toBeGreaterThan(0);
  expect(results.violations, `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** A date `days` before today, as a date input takes it (yyyy-mm-dd). */
export function daysAgo(days: number) {
  const date = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

/** The case number the tracker was opened for: /me/cases/<number>. */
export function caseNumberOf(page: Page) {
  const match = /\/me\/cases\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not on a tracker: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/**
 * The simplified-Chinese apply form, found by its labels. Answers follow seed/sample-answers.ts; a value of ""
 * clears the field, undefined leaves it alone.
 */
export class ApplyForm {
  constructor(readonly page: Page) {}

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A yes/no question: its fieldset, named by the question. */
  question(label: string): Locator {
    return this.page.getByRole("group", { name: label, exact: true });
  }

  async answerYesNo(label: string, answer: "是" | "否") {
    await this.question(label).getByRole("radio", { name: answer, exact: true }).check();
  }

  /** On /apply/<code>: starts a new draft and lands on the wizard's first page. */
  async start() {
    await this.page.getByRole("button", { name: /开始(新的)?申请/ }).click();
    await this.page.waitForURL(/\/apply\/[^/]+\/[0-9a-f-]{36}\/[a-zA-Z]+$/);
  }

  get continueButton() {
    return this.page.getByRole("button", { name: "保存并继续" });
  }

  /** Saves the page and waits for the next one (or the check page). */
  async continue() {
    const before = this.page.url();
    await this.continueButton.click();
    await this.page.waitForURL((url) => url.toString() !== before);
  }

  /** The check page's submit; on a wizard page, "continue" until the check page first. */
  get submitButton() {
    return this.page.getByRole("button", { name: "提交申请" });
  }

  get errorSummary() {
    return this.page.getByRole("alert", { name: "请检查以下问题" });
  }

  /** Whether a field or question is on the page now (the wizard shows one page at a time). */
  private async shown(locator: Locator) {
    return (await locator.count()) > 0 && (await locator.first().isVisible());
  }

  /** Fills the restaurant answers whose questions are on the current page. */
  async fillRestaurant(answers: Partial<TRestaurantAnswers>) {
    const texts: [keyof TRestaurantAnswers, string][] = [
      ["shopName", "店铺名称"],
      ["businessAddress", "经营场所地址"],
      ["businessArea", "经营面积"],
      ["seats", "就餐座位数"],
      ["foodSafetyManagerName", "食品安全管理人员姓名"],
      ["foodSafetyManagerMobile", "食品安全管理人员手机号码"],
      ["fireSafetyManagerName", "消防安全责任人姓名"],
      ["fireExitCount", "安全出口数量"],
      ["decorationCompletedDate", "装修完工日期"],
      ["signText", "招牌文字"],
      ["signWidth", "招牌宽度"],
      ["signHeight", "招牌高度"],
    ];
    for (const [key, label] of texts) {
      if (answers[key] !== undefined && (await this.shown(this.field(label)))) await this.field(label).fill(answers[key]);
    }
    const selects: [keyof TRestaurantAnswers, string | RegExp][] = [
      ["mainFoodCategory", "主要经营项目"],
      ["signPosition", "设置位置"],
      // Optional: its label carries "（选填）".
      ["foodSafetyManagerHealthCertificate", /^食品安全管理人员健康证明\s*(（选填）)?$/],
    ];
    for (const [key, label] of selects) {
      if (answers[key] !== undefined && (await this.shown(this.field(label)))) await this.field(label).selectOption({ label: answers[key] });
    }
    const questions: [keyof TRestaurantAnswers, string][] = [
      ["hasOutdoorSign", "是否在建筑物外设置招牌？"],
      ["useCommitment", "是否选择告知承诺方式办理？"],
      ["signIlluminated", "招牌是否带灯光照明？"],
    ];
    for (const [key, label] of questions) {
      const answer = answers[key];
      if ((answer === "是" || answer === "否") && (await this.shown(this.question(label)))) await this.answerYesNo(label, answer);
    }
  }

  /** Page by page through the restaurant wizard, to its check page; with materials, given on their page. */
  async completeRestaurant(answers: Partial<TRestaurantAnswers>, materials?: TRestaurantMaterials) {
    for (let pages = 0; !/\/check$/.test(new URL(this.page.url()).pathname); pages += 1) {
      if (pages > 8) throw new Error(`stuck in the wizard at ${this.page.url()}`);
      await this.fillRestaurant(answers);
      if (materials) await this.attachRestaurantMaterials(materials);
      await this.continue();
    }
  }

  /** On the food licence's documents page: uploads the floor plan and ticks the wallet's business licence. */
  async attachRestaurantMaterials(materials: TRestaurantMaterials) {
    // The legends may carry "（选填）".
    const floorPlan = this.page.getByRole("group", { name: /^经营场所平面布局图/ });
    if (materials.floorPlan && (await this.shown(floorPlan))) await floorPlan.locator("input[type=file]").setInputFiles(materials.floorPlan);
    const licence = this.page.getByRole("group", { name: /^营业执照/ });
    if (materials.walletBusinessLicence && (await this.shown(licence))) await licence.getByRole("checkbox", { name: /^营业执照（证照编号：/ }).check();
  }

  /** The applicant's name and ID number are prefilled from their identity and locked. */
  async fillProof(answers: TProofAnswers) {
    await expect(this.field("申请人姓名")).toHaveValue(answers.applicantName);
    await expect(this.field("申请人公民身份号码")).toHaveValue(answers.applicantIdNumber);
    await this.field("险种").selectOption({ label: answers.insuranceType });
    await this.field("缴费起始日期").fill(answers.periodStart);
    await this.field("缴费截止日期").fill(answers.periodEnd);
    await this.field("证明用途").selectOption({ label: answers.purpose });
  }
}

export type TRestaurantAnswers = {
  shopName: string;
  businessAddress: string;
  businessArea: string;
  seats: string;
  /** The option as the applicant reads it. */
  mainFoodCategory: string;
  foodSafetyManagerName: string;
  foodSafetyManagerMobile: string;
  /** Optional (a sensitive answer, hidden on the desk): the option as the applicant reads it. */
  foodSafetyManagerHealthCertificate?: string;
  hasOutdoorSign: "是" | "否";
  useCommitment: "是" | "否";
  fireSafetyManagerName: string;
  signPosition: string;
  signIlluminated: "是" | "否";
  signText: string;
  signWidth: string;
  signHeight: string;
  fireExitCount: string;
  decorationCompletedDate: string;
};

/** The restaurant's documents: a floor plan to upload, and whether to take the business licence from the wallet. */
export type TRestaurantMaterials = { floorPlan?: { name: string; mimeType: string; buffer: Buffer }; walletBusinessLicence?: boolean };

/** A 1×1 PNG: the smallest image the upload's content check accepts. */
export const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** The sample restaurant of seed/sample-answers.ts, small enough that no environmental filing applies. */
export function restaurantAnswers(overrides: Partial<TRestaurantAnswers> = {}): TRestaurantAnswers {
  return {
    shopName: "一门小馆",
    businessAddress: "上海市徐汇区漕溪北路 88 号 1 层",
    businessArea: "120",
    seats: "40",
    mainFoodCategory: "热食类食品制售",
    foodSafetyManagerName: "王五",
    foodSafetyManagerMobile: "13700137000",
    hasOutdoorSign: "否",
    useCommitment: "否",
    fireSafetyManagerName: "王五",
    signPosition: "门头上方",
    signIlluminated: "否",
    signText: "一门小馆",
    signWidth: "4",
    signHeight: "1.2",
    fireExitCount: "2",
    decorationCompletedDate: daysAgo(30),
    ...overrides,
  };
}

export type TProofAnswers = {
  applicantName: string;
  applicantIdNumber: string;
  insuranceType: string;
  periodStart: string;
  periodEnd: string;
  purpose: string;
};

/** The citizen's own details (the demo seed's 张三) for HRSS-PROOF. */
export function proofAnswers(): TProofAnswers {
  return {
    applicantName: "张三",
    applicantIdNumber: "310104198803124016",
    insuranceType: "全部险种",
    periodStart: "2025-01-01",
    periodEnd: daysAgo(7),
    purpose: "购房",
  };
}

/** What Chromium writes to the console when the Content-Security-Policy blocks something. */
const cspViolationMessage = /Content Security Policy/i;

type TFixtures = {
  applyForm: ApplyForm;
  /**
   * Every Content-Security-Policy violation in any page of the test, its own context or one it opens: the test
   * fails if any is left at its end. A test that provokes one on purpose takes it out (`splice`) after checking it.
   */
  cspViolations: string[];
};

export const test = base.extend<TFixtures>({
  applyForm: async ({ page }, use) => {
    await use(new ApplyForm(page));
  },
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on("console", (message) => {
          if (cspViolationMessage.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
        });
      watch(context);
      browser.on("context", watch);
      await use(violations);
      browser.off("context", watch);
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/** The signed-in company applies to open a restaurant with these answers and lands on its tracker. Returns the case number. */
export async function submitRestaurant(page: Page, answers: TRestaurantAnswers): Promise<string> {
  await page.goto("/apply/BUNDLE-RESTAURANT");
  const form = new ApplyForm(page);
  await form.start();
  await form.completeRestaurant(answers);
  await form.submitButton.click();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  return caseNumberOf(page);
}

/**
 * The signed-in page applies for the instant HRSS-PROOF and lands on its tracker: a concluded case (with its
 * e-licence) for journeys about what comes after. Returns the case number.
 */
export async function submitInstantProof(page: Page): Promise<string> {
  await page.goto("/apply/HRSS-PROOF");
  const form = new ApplyForm(page);
  await form.start();
  await form.fillProof(proofAnswers());
  await form.continue();
  await form.submitButton.click();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  return caseNumberOf(page);
}
