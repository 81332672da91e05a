/**
 * Materials on the desk: a company applies for a restaurant with a floor plan uploaded and its business licence taken
 * from the wallet. It can open its own file from the check page and the tracker. The food clerk opens both from the
 * task page — the image inline, sandboxed, with its own type; the licence as printed, with its verification beside
 * it — and each open is on the trail, which the company sees too. Another department's clerk, another company and
 * someone signed out get nothing at the same addresses.
 */
import type { APIResponse, Page, Response } from "@playwright/test";
import { readPdf } from "../server/testing/pdf-text";
import { expect, expectNoAxeViolations, onePixelPng, restaurantAnswers, signIn, test } from "./fixtures";

const fileName = "平面图.png";
const floorPlan = { name: fileName, mimeType: "image/png", buffer: onePixelPng };
const fileLink = new RegExp(`^${fileName.replace(".", "\\.")}（PNG，1 KB，在新标签页打开）$`);

/** What every response carrying a material's bytes must say about itself. */
function expectSandboxedFile(response: Response | APIResponse, contentType: string) {
  const headers = response.headers();
  expect(headers["content-type"]).toBe(contentType);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toBe("private, no-store");
  // The edge's page policy (scripts by nonce) must not be what the file gets: it runs nothing, as its own origin.
  expect(headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect(headers["content-security-policy"]).not.toContain("nonce");
}

async function hrefOf(page: Page, name: RegExp) {
  return (await page.getByRole("link", { name }).getAttribute("href"))!;
}

test("the food clerk opens the uploaded floor plan and the wallet licence; nobody else can", async ({ page, browser, applyForm, playwright, baseURL }) => {
  test.setTimeout(180_000);
  let caseNumber = "";
  let fileId = "";

  await test.step("the company attaches a floor plan and its wallet licence, and opens the plan from the check page", async () => {
    await signIn(page, "enterprise");
    await page.goto("/apply/BUNDLE-RESTAURANT");
    await applyForm.start();
    await applyForm.completeRestaurant(restaurantAnswers({ hasOutdoorSign: "否", shopName: "一门材料小馆" }), { floorPlan, walletBusinessLicence: true });
    await expect(page.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
    await expect(page.getByRole("main").getByText(/^取自您的电子证照: 营业执照（证照编号：.+）$/)).toBeVisible();
    const link = page.getByRole("link", { name: fileLink });
    await expect(link).toHaveAttribute("target", "_blank");
    const href = await hrefOf(page, fileLink);
    expect(href).toMatch(/^\/me\/drafts\/[0-9a-f-]{36}\/materials\/[0-9a-f-]{36}$/);
    fileId = href.split("/").pop()!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expectSandboxedFile(response, "image/png");
    expect(await response.body()).toEqual(onePixelPng);

    await applyForm.submitButton.click();
    await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
    caseNumber = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  });

  const trackerFile = () => `/me/cases/${caseNumber}/materials/${fileId}`;
  await test.step("and from the tracker", async () => {
    expect(await hrefOf(page, fileLink)).toBe(trackerFile());
    const response = await page.request.get(trackerFile());
    expect(response.status()).toBe(200);
    expectSandboxedFile(response, "image/png");
  });

  const desk = await (await browser.newContext()).newPage();
  let taskFile = "";
  let taskLicence = "";
  await test.step("the food clerk sees both materials on the task page, the licence verified", async () => {
    await signIn(desk, "clerk-amr");
    await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("link", { name: "食品经营许可" }).click();
    await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]{36}$/);
    const taskPath = new URL(desk.url()).pathname;
    taskFile = await hrefOf(desk, fileLink);
    expect(taskFile).toBe(`${taskPath}/materials/${fileId}`);
    const licence = desk.getByRole("link", { name: /^营业执照（证照编号：.+）（证照打印件 PDF，在新标签页打开）$/ });
    await expect(licence).toHaveAttribute("target", "_blank");
    taskLicence = (await licence.getAttribute("href"))!;
    expect(taskLicence).toMatch(new RegExp(`^${taskPath}/licences/[0-9a-f-]{36}$`));
    await expect(desk.getByRole("listitem").filter({ has: licence })).toContainText("取自申请人的电子证照");
    await expect(desk.getByRole("listitem").filter({ has: licence })).toContainText("核验有效");
    await expectNoAxeViolations(desk);
  });

  await test.step("the floor plan opens in a new tab, inline, as a PNG, sandboxed", async () => {
    const answered = desk.context().waitForEvent("response", (response) => response.url().endsWith(taskFile));
    const [tab] = await Promise.all([desk.waitForEvent("popup"), desk.getByRole("link", { name: fileLink }).click()]);
    const response = await answered;
    expect(response.status()).toBe(200);
    expectSandboxedFile(response, "image/png");
    expect(response.headers()["content-disposition"]).toBe(`inline; filename="___.png"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    // The browser shows it as an image (its own image page), not as anything of ours.
    const image = tab.locator("img");
    await expect(image).toBeVisible();
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
    await tab.close();
  });

  await test.step("the wallet licence opens as printed: a PDF with its title, number and holder", async () => {
    const answered = desk.context().waitForEvent("response", (response) => response.url().endsWith(taskLicence));
    const [tab] = await Promise.all([desk.waitForEvent("popup"), desk.getByRole("link", { name: /证照打印件 PDF/ }).click()]);
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    await tab.close();

    // The headers as sent (Chromium hands its PDF viewer the response with the CSP taken off but frame-ancestors).
    const pdf = await desk.request.get(taskLicence);
    expectSandboxedFile(pdf, "application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(/^inline; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
    const lines = (await readPdf(new Uint8Array(await pdf.body()))).pages[0].lines.map((line) => line.text);
    expect(lines).toContain("营业执照");
    expect(lines).toContain("持证主体 上海一门餐饮管理有限公司");
    expect(lines.some((line) => /^证照编号 \S+$/.test(line))).toBe(true);
  });

  await test.step("each open is on the task's history, with who opened what", async () => {
    await desk.reload();
    const history = desk.getByRole("listitem").filter({ hasText: "查看了申请材料" });
    await expect(history.filter({ hasText: `材料：${fileName}` }).first()).toContainText("周明");
    // The licence was opened twice in a row (the viewer, then its headers): one line says so.
    await expect(history.filter({ hasText: /材料：营业执照/ })).toHaveCount(1);
    await expect(history.filter({ hasText: /材料：营业执照/ })).toContainText(/共查看 2 次，最近一次在/);
  });

  await test.step("another department's clerk, another company and someone signed out get nothing", async () => {
    const fire = await (await browser.newContext()).newPage();
    await signIn(fire, "clerk-fire");
    for (const path of [taskFile, taskLicence]) {
      const response = await fire.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"] ?? "").not.toMatch(/image|pdf/);
    }
    await fire.context().close();

    const other = await (await browser.newContext()).newPage();
    await signIn(other, "enterprise2");
    expect((await other.request.get(trackerFile())).status()).toBe(404);
    await other.context().close();

    const anonymous = await playwright.request.newContext({ baseURL });
    for (const path of [taskFile, trackerFile()]) {
      const response = await anonymous.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
    }
    await anonymous.dispose();
  });

  await test.step("the company's tracker says which department looked at its documents", async () => {
    await page.goto(`/me/cases/${caseNumber}`);
    const seen = page.getByRole("listitem").filter({ hasText: "查看了申请材料 — 市场监督管理局" });
    await expect(seen.filter({ hasText: `材料：${fileName}` }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
  await desk.context().close();
});
