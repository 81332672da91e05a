/**
 * 不予许可决定书: the fire clerk rejects a restaurant's inspection with a reason; the decision is issued with it, listed
 * on the company's tracker and on the clerk's task page, and opens as a PDF that states the reason and the company's
 * remedies (review within 60 days, a lawsuit within 6 months, where); its QR code's page says it is genuine.
 */
import { readPdf } from "../server/testing/pdf-text";
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitRestaurant, test } from "./fixtures";

const reason = "东侧安全出口被货架封堵，疏散通道宽度不足。";

test("a clerk's rejection reaches the applicant as a written decision with its reason and appeal rights", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "enterprise");
  const caseNumber = await submitRestaurant(page, restaurantAnswers({ hasOutdoorSign: "否" }));

  const context = await browser.newContext();
  const desk = await context.newPage();
  await signIn(desk, "clerk-fire");
  await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  await desk.getByRole("button", { name: "受理", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
  await desk.getByRole("textbox", { name: "理由" }).fill(reason);
  await desk.getByRole("button", { name: "不予许可", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已不予许可，申请人已收到理由" })).toBeVisible();
  // The clerk's task page lists both documents the task issued.
  const deskDocuments = desk.getByRole("region", { name: "通知书和决定书" });
  await expect(deskDocuments.getByRole("link", { name: /^受理通知书（FIRE〔\d{4}〕第\d{6}号），PDF$/ })).toBeVisible();
  await expect(deskDocuments.getByRole("link", { name: /^不予许可决定书（FIRE〔\d{4}〕第\d{6}号），PDF$/ })).toBeVisible();
  await expectNoAxeViolations(desk);
  await context.close();

  await page.goto(`/me/cases/${caseNumber}`);
  const documents = page.getByRole("region", { name: "通知书和决定书" });
  const decision = documents.getByRole("link", { name: /^不予许可决定书/ });
  await expect(decision).toBeVisible();
  await expect(documents).toContainText("消防救援支队");
  await expectNoAxeViolations(page);

  const href = (await decision.getAttribute("href"))!;
  expect(href).toMatch(new RegExp(`^/me/cases/${caseNumber}/documents/[0-9a-f-]{36}$`));
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const text = (await readPdf(await response.body())).text.replaceAll("\n", "");
  for (const expected of ["不予许可决定书", caseNumber, reason, "《中华人民共和国消防法》第十五条", "60日内向省消防救援总队申请行政复议", "6个月内向市中心城区人民法院提起行政诉讼"]) {
    expect(text).toContain(expected);
  }

  // The QR code's page: genuine, with nothing personal beyond the masked applicant.
  const documentId = href.split("/").pop()!;
  const verify = await browser.newContext();
  const anyone = await verify.newPage();
  await anyone.goto(`/verify/documents/${documentId}`);
  await expect(anyone.getByRole("heading", { name: "真实文书" })).toBeVisible();
  await expect(anyone.getByRole("main")).toContainText(caseNumber);
  await expect(anyone.getByRole("main")).not.toContainText(reason);
  await expectNoAxeViolations(anyone);
  await verify.close();
});
