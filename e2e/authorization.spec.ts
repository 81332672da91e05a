/**
 * Who may open what, over HTTP against the production build: every page and route handler in app/ (read from the file
 * system, so a new one without a policy entry fails here) is requested by nobody, by each demo role, by the owners of
 * real records made through the UI, and by their neighbours — another applicant, another company's staff, another
 * department's clerk — and must answer what the access policy (server/auth/access-policy.ts) says: the page for those
 * it admits, sign-in for nobody, 403 for a role it does not admit, "not found" for someone else's record. Server
 * actions are tried the same way by app/_testing/access-policy.test.ts.
 */
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { accessPolicy, audienceAdmits, routeAccess, type TAccessRule, type TRecordRule } from "../server/auth/access-policy";
import { listAppEntries, type TAppEntry } from "../server/testing/app-routes";
import { ApplyForm, caseNumberOf, expect, onePixelPng, proofAnswers, restaurantAnswers, signIn, submitInstantProof, test } from "./fixtures";

type TRole = "citizen" | "enterprise" | "counter" | "clerk" | "supervisor" | "admin";
/** The people who try every address: each role, and the neighbours of each record's owners. */
const people: Record<string, TRole> = {
  citizen: "citizen",
  citizen2: "citizen",
  enterprise: "enterprise",
  agent: "enterprise",
  enterprise2: "enterprise",
  counter: "counter",
  "clerk-amr": "clerk",
  "clerk-fire": "clerk",
  "clerk-hrss": "clerk",
  supervisor: "supervisor",
  admin: "admin",
};
type TPerson = keyof typeof people;

/** One address to try for a route, and whose record it shows (for a record rule other than "none"). */
type TSample = { path: string; insiders?: readonly TPerson[] };

/** Records made through the UI, as their owners would: the ids the dynamic routes need. */
type TRecords = {
  citizenCase: string;
  companyCase: string;
  supplementPath: string;
  draftPath: string;
  amrTaskId: string;
  hrssFollowUpId: string;
  /** The urging notice (督办) the supervisor sent about that follow-up. */
  hrssUrgingId: string;
  businessLicenceId: string;
  householdLicenceId: string;
  /** The floor plan the company uploaded with its restaurant, and a photo on citizen2's unfinished newborn draft. */
  companyFileId: string;
  draftFilePath: string;
  /** The supplement notice (补正告知书) the food clerk's request issued for the company's restaurant. */
  companyDocumentId: string;
  /** The fire brigade's department page and its clerk's account page in administration. */
  fireDepartmentPath: string;
  fireClerkPath: string;
  /** A reason template's edit page in administration. */
  reasonPath: string;
  /** 张三's page at the counter, and the proof the counter clerk filed for him there. */
  counterApplicantPath: string;
  counterCase: string;
};

function samplesOf(route: string, records: TRecords): TSample[] {
  const company = ["enterprise", "agent"] as const;
  switch (route) {
    case "/services/[code]":
      return [{ path: "/services/HRSS-PROOF" }];
    case "/verify/[id]":
      return [{ path: `/verify/${records.businessLicenceId}` }];
    case "/apply/[code]":
      return [{ path: "/apply/HRSS-PROOF" }];
    case "/apply/[code]/[draft]/[step]":
      return [{ path: records.draftPath, insiders: ["citizen"] }];
    case "/me/cases/[number]":
      return [
        { path: `/me/cases/${records.citizenCase}`, insiders: ["citizen"] },
        { path: `/me/cases/${records.companyCase}`, insiders: company },
      ];
    case "/me/cases/[number]/receipt":
      return [
        { path: `/me/cases/${records.citizenCase}/receipt`, insiders: ["citizen"] },
        { path: `/me/cases/${records.companyCase}/receipt`, insiders: company },
      ];
    case "/me/cases/[number]/documents/[documentId]":
      return [{ path: `/me/cases/${records.companyCase}/documents/${records.companyDocumentId}`, insiders: company }];
    case "/desk/tasks/[id]/documents/[documentId]":
      return [{ path: `/desk/tasks/${records.amrTaskId}/documents/${records.companyDocumentId}`, insiders: ["clerk-amr"] }];
    case "/verify/documents/[id]":
      return [{ path: `/verify/documents/${records.companyDocumentId}` }];
    case "/me/cases/[number]/supplements/[request]":
      return [{ path: records.supplementPath, insiders: company }];
    case "/me/licences/[id]/pdf":
      return [
        { path: `/me/licences/${records.householdLicenceId}/pdf`, insiders: ["citizen"] },
        { path: `/me/licences/${records.businessLicenceId}/pdf`, insiders: company },
      ];
    case "/counter/applicants/[id]":
      return [{ path: records.counterApplicantPath, insiders: ["counter"] }];
    case "/counter/cases/[number]":
      return [{ path: `/counter/cases/${records.counterCase}`, insiders: ["counter"] }];
    case "/counter/cases/[number]/receipt":
      return [{ path: `/counter/cases/${records.counterCase}/receipt`, insiders: ["counter"] }];
    case "/desk/tasks/[id]":
      return [{ path: `/desk/tasks/${records.amrTaskId}`, insiders: ["clerk-amr"] }];
    case "/desk/tasks/[id]/materials/[fileId]":
      return [{ path: `/desk/tasks/${records.amrTaskId}/materials/${records.companyFileId}`, insiders: ["clerk-amr"] }];
    case "/desk/tasks/[id]/licences/[licenceId]":
      return [{ path: `/desk/tasks/${records.amrTaskId}/licences/${records.businessLicenceId}`, insiders: ["clerk-amr"] }];
    case "/me/cases/[number]/materials/[fileId]":
      return [{ path: `/me/cases/${records.companyCase}/materials/${records.companyFileId}`, insiders: company }];
    case "/me/drafts/[draft]/materials/[fileId]":
      return [{ path: records.draftFilePath, insiders: ["citizen2"] }];
    case "/desk/follow-ups/[id]":
      return [{ path: `/desk/follow-ups/${records.hrssFollowUpId}`, insiders: ["clerk-hrss"] }];
    case "/desk/urgings/[id]":
      return [{ path: `/desk/urgings/${records.hrssUrgingId}`, insiders: ["clerk-hrss"] }];
    case "/supervise/urgings/new":
      return [{ path: `/supervise/urgings/new?followUp=${records.hrssFollowUpId}`, insiders: ["supervisor"] }];
    case "/desk/licences/[id]":
      return [{ path: `/desk/licences/${records.businessLicenceId}`, insiders: ["clerk-amr", "supervisor"] }];
    case "/admin/forms/[subjectType]/[code]":
      return [{ path: "/admin/forms/service/HRSS-PROOF" }];
    case "/admin/services/[code]":
      return [{ path: "/admin/services/HRSS-PROOF" }];
    case "/admin/departments/[id]":
      return [{ path: records.fireDepartmentPath }];
    case "/admin/bundles/[code]":
      return [{ path: "/admin/bundles/BUNDLE-NEWBORN" }];
    case "/admin/bundles/[code]/items/[service]":
      return [{ path: "/admin/bundles/BUNDLE-NEWBORN/items/POLICE-BIRTH-REG" }];
    case "/admin/people/[id]":
      return [{ path: records.fireClerkPath }];
    case "/admin/reasons/[id]":
      return [{ path: records.reasonPath }];
    case "/api/auth/[...nextauth]":
      return [{ path: "/api/auth/session" }, { path: "/api/auth/providers" }];
    case "/language":
      return [{ path: "/language?locale=en&next=%2Fservices" }];
    case "/statistics/data/[file]":
      return [{ path: "/statistics/data/departments.csv" }, { path: "/statistics/data/cases-concluded.json" }];
    case "/supervise/export":
      return [{ path: "/supervise/export?table=departments" }];
    case "/display":
      return [{ path: "/display?mode=elder&next=%2Fservices" }];
    default:
      if (route.includes("[")) throw new Error(`e2e/authorization.spec.ts: add a sample address for ${route} to samplesOf`);
      return [{ path: route }];
  }
}

type TAnswer = "allowed" | "sign-in" | "forbidden" | "not-found";

/** What the policy says this person gets at this address. */
function expectedAnswer(rule: TAccessRule, person: TPerson | null, sample: TSample): TAnswer {
  if (!audienceAdmits(rule.who, person ? people[person] : null)) return person ? "forbidden" : "sign-in";
  if (rule.record === "none" || !person) return "allowed";
  if (!sample.insiders) throw new Error(`a sample of a "${rule.record}" route must name whose record it is (${sample.path})`);
  return sample.insiders.includes(person) ? "allowed" : "not-found";
}

// Someone else's draft is 403 (its address names nothing else of theirs); every other record a stranger asks for is
// answered as if it did not exist, so nobody learns which case numbers or ids are real.
const foreignStatus = (record: TRecordRule) => (record === "own-draft" ? 403 : 404);

function judge(expected: TAnswer, rule: TAccessRule, status: number, location: string | undefined): string | null {
  const redirect = status >= 300 && status < 400;
  switch (expected) {
    case "allowed":
      // /language and /display answer with a redirect back to the page: that is their job.
      return status < 300 || (redirect && !location?.startsWith("/login")) ? null : "was refused";
    case "sign-in":
      return redirect && /^(https?:\/\/[^/]+)?\/login\?callbackUrl=/.test(location ?? "") ? null : "was not sent to sign in";
    case "forbidden":
      return status === 403 ? null : "was not answered 403";
    case "not-found":
      return status === foreignStatus(rule.record) ? null : `was not answered ${foreignStatus(rule.record)}`;
  }
}

async function makeRecords(browser: Browser): Promise<TRecords> {
  const as = async <T>(username: string, work: (page: import("@playwright/test").Page) => Promise<T>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, username);
    try {
      return await work(page);
    } finally {
      await context.close();
    }
  };

  // The citizen's instant proof, rated 非常不满意: a follow-up for the HRSS department. And a draft left half-way.
  const { citizenCase, draftPath, householdLicenceId } = await as("citizen", async (page) => {
    const caseNumber = await submitInstantProof(page);
    const rating = page.getByRole("region", { name: "评价本次服务" });
    await rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio", { name: "非常不满意", exact: true }).check();
    await rating.getByRole("group", { name: "办理效率" }).getByRole("radio", { name: "不满意", exact: true }).check();
    await rating.getByRole("group", { name: "办事指南是否准确" }).getByRole("radio", { name: "基本满意" }).check();
    await rating.getByRole("group", { name: "办事便捷程度" }).getByRole("radio", { name: "满意", exact: true }).check();
    await rating.getByRole("button", { name: "提交评价" }).click();
    await page.waitForURL(/\?rated=1/);
    await page.goto("/apply/HRSS-PROOF");
    await new ApplyForm(page).start();
    const draft = new URL(page.url()).pathname;
    await page.goto("/me/licences");
    return { citizenCase: caseNumber, draftPath: draft, householdLicenceId: await licenceIdOn(page, /居民户口簿/) };
  });
  // Another citizen's unfinished newborn application, its photo attached (another citizen's: the journeys after this
  // one tidy up the demo citizen's newborn draft by its name).
  const draftFilePath = await as("citizen2", newbornDraftWithPhoto);

  // The company's restaurant, with a floor plan and its wallet business licence; the food clerk claims its task,
  // accepts it and asks for a supplement.
  const { companyCase, businessLicenceId, companyFileId } = await as("enterprise", async (page) => {
    await page.goto("/apply/BUNDLE-RESTAURANT");
    const form = new ApplyForm(page);
    await form.start();
    const floorPlan = { name: "plan.png", mimeType: "image/png", buffer: onePixelPng };
    await form.completeRestaurant(restaurantAnswers({ hasOutdoorSign: "否", shopName: "一门权限小馆" }), { floorPlan, walletBusinessLicence: true });
    await form.submitButton.click();
    await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
    const caseNumber = caseNumberOf(page);
    const fileHref = (await page.getByRole("link", { name: /^plan\.png（/ }).getAttribute("href"))!;
    await page.goto("/me/licences");
    return { companyCase: caseNumber, businessLicenceId: await licenceIdOn(page, /营业执照/), companyFileId: fileHref.split("/").pop()! };
  });
  const { amrTaskId, companyDocumentId } = await as("clerk-amr", async (desk) => {
    await desk.getByRole("listitem").filter({ hasText: companyCase }).getByRole("button", { name: `认领 ${companyCase}` }).click();
    await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
    const taskId = new URL(desk.url()).pathname.split("/").pop()!;
    await desk.getByRole("button", { name: "受理", exact: true }).click();
    await expect(desk.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
    await desk.getByText("要求申请人补正").click();
    await desk.getByRole("checkbox", { name: /经营面积/ }).check();
    await desk.getByLabel("经营面积：需要如何补正").fill("请按平面图填写");
    await desk.getByRole("button", { name: "发出补正通知" }).click();
    await expect(desk.getByRole("status").getByRole("heading", { name: "已发出补正通知，办理时限暂停计算" })).toBeVisible();
    const documentHref = (await desk.getByRole("link", { name: /^补正告知书/ }).getAttribute("href"))!;
    return { amrTaskId: taskId, companyDocumentId: documentHref.split("/").pop()! };
  });
  const supplementPath = await as("enterprise", async (page) => {
    await page.goto(`/me/cases/${companyCase}`);
    return (await page.getByRole("link", { name: "现在补正" }).getAttribute("href"))!;
  });
  const hrssFollowUpId = await as("clerk-hrss", async (desk) => {
    await desk.goto("/desk/follow-ups");
    const href = (await desk.getByRole("listitem").filter({ hasText: citizenCase }).getByRole("link").first().getAttribute("href"))!;
    return href.split("/").pop()!;
  });
  const hrssUrgingId = await as("supervisor", async (page) => {
    await page.goto(`/supervise/urgings/new?followUp=${hrssFollowUpId}`);
    await page.getByLabel("督办内容").fill("请尽快回复申请人的差评。");
    await page.getByRole("button", { name: "发出督办通知" }).click();
    await page.waitForURL(/\/supervise\/urgings\?sent=1#urging-[0-9a-f-]{36}$/);
    return new URL(page.url()).hash.slice("#urging-".length);
  });
  const { fireDepartmentPath, fireClerkPath, reasonPath } = await as("admin", async (page) => {
    await page.goto("/admin/departments");
    const department = (await page.getByRole("link", { name: "FIRE", exact: true }).getAttribute("href"))!;
    await page.goto("/admin/people?q=clerk-fire");
    const clerk = (await page.getByRole("link", { name: "clerk-fire", exact: true }).getAttribute("href"))!;
    await page.goto("/admin/reasons?service=HRSS-PROOF");
    const reason = (await page.getByRole("link", { name: "修改 （第 1 条）" }).first().getAttribute("href"))!;
    return { fireDepartmentPath: department, fireClerkPath: clerk, reasonPath: reason };
  });
  // The counter clerk finds 张三 by his ID number and files a proof for him with his consent.
  const { counterApplicantPath, counterCase } = await as("counter", async (page) => {
    await page.getByLabel("证件号码").fill("310104198803124016");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    await page.waitForURL(/\/counter\/applicants\/[0-9a-f-]{36}$/);
    const applicantPath = new URL(page.url()).pathname;
    await page.getByLabel("要办的事项").selectOption({ label: "人力资源和社会保障局 · 社会保险参保缴费证明" });
    await page.getByRole("button", { name: "开始填写" }).click();
    const form = new ApplyForm(page);
    const answers = proofAnswers();
    await form.field("险种").selectOption({ label: answers.insuranceType });
    await form.field("缴费起始日期").fill(answers.periodStart);
    await form.field("缴费截止日期").fill(answers.periodEnd);
    await form.field("证明用途").selectOption({ label: answers.purpose });
    await form.continue();
    await page.getByRole("checkbox", { name: /同意由综合窗口代为提交/ }).check();
    await form.submitButton.click();
    await page.waitForURL(/\/counter\/cases\/[^/?]+\?submitted=1$/);
    return { counterApplicantPath: applicantPath, counterCase: decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!) };
  });
  return { citizenCase, companyCase, supplementPath, draftPath, amrTaskId, hrssFollowUpId, hrssUrgingId, businessLicenceId, householdLicenceId, companyFileId, draftFilePath, companyDocumentId, fireDepartmentPath, fireClerkPath, reasonPath, counterApplicantPath, counterCase };
}

/** A citizen starts a newborn application and stops on its check page with the photo attached: the photo's address there. */
async function newbornDraftWithPhoto(page: import("@playwright/test").Page) {
  await page.goto("/apply/BUNDLE-NEWBORN");
  const form = new ApplyForm(page);
  await form.start();
  await form.field("婴儿姓名").fill("张小宝");
  await form.field("婴儿性别").selectOption({ label: "女" });
  await form.field("出生日期").fill("2026-11-02");
  await form.field("出生医院").fill("上海市第一妇婴保健院");
  await form.field("母亲姓名").fill("李梅");
  await form.field("母亲公民身份号码").fill("310104199002150024");
  await form.field("父亲姓名").fill("张三");
  await form.field("父亲公民身份号码").fill("310104198803124016");
  await form.field("随父亲还是母亲落户").selectOption({ label: "随父亲落户" });
  await form.field("户籍地址").fill("上海市徐汇区漕溪北路 88 号 301 室");
  await form.continue();
  await form.field("合作银行").selectOption({ label: "中国银行" });
  await page.getByRole("radio", { name: "到银行网点领取" }).check();
  await form.continue();
  await page.locator('input[type=file][name="photo"]').setInputFiles({ name: "baby.png", mimeType: "image/png", buffer: onePixelPng });
  await form.continue();
  return (await page.getByRole("link", { name: /^baby\.png（/ }).getAttribute("href"))!;
}

/** The id of a licence in the wallet on screen, from its Verify link (/verify/<id>…). */
async function licenceIdOn(page: import("@playwright/test").Page, title: RegExp) {
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title }) }).first();
  const href = (await card.getByRole("link", { name: /核验/ }).getAttribute("href"))!;
  return /\/verify\/([0-9a-f-]{36})/.exec(href)![1];
}

const entries = listAppEntries().filter((entry): entry is Exclude<TAppEntry, { kind: "action" }> => entry.kind !== "action");

test("every page and route handler in app/ has an access policy entry", () => {
  const missing = entries.filter((entry) => (entry.kind === "page" ? !routeAccess(entry.route)?.page : !routeAccess(entry.route)?.handler?.[entry.method]));
  expect(
    missing.map((entry) => `${entry.kind === "page" ? "page" : entry.method} ${entry.route} (${entry.file})`),
    "add these to accessPolicy in server/auth/access-policy.ts",
  ).toEqual([]);
  expect(Object.keys(accessPolicy).length).toBeGreaterThan(0);
});

test("every page and route handler answers each person as the access policy says", async ({ browser, playwright }) => {
  test.setTimeout(600_000);
  const records = await makeRecords(browser);

  // One signed-in context per person (signed in through the real /login form), and one for nobody.
  const contexts: BrowserContext[] = [];
  const requests = new Map<TPerson | null, APIRequestContext>();
  const baseURL = test.info().project.use.baseURL!;
  requests.set(null, await playwright.request.newContext({ baseURL }));
  for (const person of Object.keys(people) as TPerson[]) {
    const context = await browser.newContext();
    contexts.push(context);
    await signIn(await context.newPage(), person);
    requests.set(person, context.request);
  }

  const trials = entries.flatMap((entry) => {
    const access = routeAccess(entry.route)!;
    const rule = entry.kind === "page" ? access.page! : access.handler![entry.method]!;
    // Only reads are tried here; posts are the actions' (access-policy.test.ts) and Auth.js's own forms.
    if (entry.kind === "handler" && entry.method !== "GET") return [];
    return samplesOf(entry.route, records).flatMap((sample) => [null, ...(Object.keys(people) as TPerson[])].map((person) => ({ entry, rule, sample, person })));
  });

  const wrong: string[] = [];
  // A few at a time: the server is one process on a shared machine.
  for (let start = 0; start < trials.length; start += 4) {
    await Promise.all(
      trials.slice(start, start + 4).map(async ({ rule, sample, person }) => {
        const response = await requests.get(person)!.get(sample.path, { maxRedirects: 0, failOnStatusCode: false });
        const expected = expectedAnswer(rule, person, sample);
        const problem = judge(expected, rule, response.status(), response.headers().location);
        if (problem) wrong.push(`${sample.path} as ${person ?? "nobody"} (expected ${expected}): ${problem} — ${response.status()} ${response.headers().location ?? ""}`);
      }),
    );
  }
  for (const context of contexts) await context.close();
  expect(wrong, `${trials.length} requests; these did not answer as server/auth/access-policy.ts says`).toEqual([]);
});
