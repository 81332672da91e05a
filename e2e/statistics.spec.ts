/**
 * 政务公开, end to end: a citizen's instant proof is concluded at once; a visitor, signed out and without
 * JavaScript, finds it on /statistics — the department's figures, the case in 办件公示 with the applicant masked —
 * and downloads the same figures as CSV and JSON. On a 360 px phone the page does not scroll sideways, and axe finds
 * nothing wrong.
 */
import { readFile } from "node:fs/promises";
import { expect, expectNoAxeViolations, signIn, submitInstantProof, test } from "./fixtures";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a concluded case shows on /statistics and in its open data", async ({ page, browser }) => {
    await signIn(page, "citizen");
    const caseNumber = await submitInstantProof(page);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await context.newPage();
    await visitor.goto("/");
    await visitor.getByRole("link", { name: "统计和办件公示" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "政务服务统计和办件公示" })).toBeVisible();

    await test.step("the department's figures count the proof this month", async () => {
      const byDepartment = visitor.getByRole("table", { name: /各部门本月和本年的收件、办结/ });
      const hrss = byDepartment.getByRole("row", { name: /人力资源和社会保障局/ });
      await expect(hrss).toBeVisible();
      // 本月收件 and 本月办结 are whole numbers of at least one; the on-time rate is a percentage.
      await expect(hrss.getByRole("cell").nth(0)).toHaveText(/^[1-9]\d*$/);
      await expect(hrss.getByRole("cell").nth(1)).toHaveText(/^[1-9]\d*$/);
      await expect(hrss.getByRole("cell").nth(4)).toHaveText(/%$/);
    });

    await test.step("办件公示 lists the case with the applicant masked", async () => {
      const published = visitor.getByRole("table", { name: /最近办结的办件/ });
      const row = published.getByRole("row").filter({ hasText: caseNumber });
      await expect(row.getByRole("cell")).toHaveText(["社会保险参保缴费证明", "张*", "准予", /年.*月.*日/]);
      await expect(visitor.getByText("张三")).toHaveCount(0);
    });

    await test.step("the CSV downloads with a BOM and the documented header; the JSON holds the case", async () => {
      const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("link", { name: "各部门办件情况（CSV）" }).click()]);
      expect(download.suggestedFilename()).toBe("departments.csv");
      const bytes = await readFile((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toMatch(/^period,period_from,period_to,department_code,/);
      const json = await (await visitor.request.get(await visitor.getByRole("link", { name: "办件公示（最近 200 件）（JSON）" }).getAttribute("href").then((href) => href!))).json();
      expect(json.records).toContainEqual(expect.objectContaining({ case_number: caseNumber, applicant_masked: "张*", result: "approved" }));
    });

    await context.close();

    // axe and the width check run scripts in the page, which a context without JavaScript cannot.
    await test.step("axe finds nothing, and on a 360 px phone nothing but the tables scrolls sideways", async () => {
      const reader = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
      const phone = await reader.newPage();
      await phone.goto("/statistics");
      await expect(phone.getByRole("heading", { level: 2, name: "办件公示" })).toBeVisible();
      await expectNoAxeViolations(phone);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await reader.close();
    });
  });
});
