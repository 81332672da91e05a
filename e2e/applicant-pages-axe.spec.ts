/**
 * Every page an applicant visits, in each language, passes axe (WCAG 2.1 AA) and says it is in that language:
 * home, the catalog, a service's start page, /me and its filters, the tracker of a concluded case with its rating
 * form, messages, the wallet, a licence's public check, profile, and the statistics.
 */
import { expect, expectNoAxeViolations, setLocale, signIn, test, type TLocale, submitInstantProof } from "./fixtures";

const locales: TLocale[] = ["zh-Hans", "zh-Hant", "en"];

test("the applicant's pages pass axe in simplified and traditional Chinese and in English", async ({ page, context }) => {
  test.setTimeout(240_000);
  // A concluded case with an e-licence to look at: an instant proof, approved on submit.
  await signIn(page, "citizen");
  const caseNumber = await submitInstantProof(page);
  await page.goto("/me/licences");
  const verifyHref = await page.getByRole("link", { name: /核验/ }).first().getAttribute("href");
  expect(verifyHref).toMatch(/^\/verify\//);

  const paths = ["/", "/services", "/services/HRSS-PROOF", "/apply/HRSS-PROOF", "/me", "/me?status=concluded", `/me/cases/${caseNumber}`, "/me/inbox", "/me/licences", verifyHref!, "/me/profile", "/statistics"];
  for (const locale of locales) {
    await setLocale(context, locale);
    for (const path of paths) {
      await test.step(`${locale} ${path}`, async () => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }
  }
});
