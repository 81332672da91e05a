/**
 * An administrator maintains form definitions: finds a service's form among all forms, publishes a broken
 * definition and is told exactly where it is broken, previews and publishes a correct change as the next
 * version, and sees that a bundle's composed form is read-only. Nobody else may open these pages.
 *
 * The journey changes a form no other journey fills in (异地就医备案), and only its wording.
 */
import { expect, expectNoAxeViolations, setLocale, signIn, test } from "./fixtures";

const serviceName = "异地就医备案";

test("an admin publishes a new version of a service's form, after correcting a broken one", async ({ page }) => {
  const editor = page.getByLabel("表单定义（JSON）", { exact: true });
  const summary = page.getByRole("alert", { name: "请检查以下问题" });
  let original = "";

  await test.step("finds the service's form among all forms", async () => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("link", { name: "表单和版本" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "表单管理" })).toBeVisible();
    const forms = page.getByRole("table", { name: "全部表单" });
    await expect(forms.getByRole("row").filter({ hasText: "BUNDLE-RESTAURANT" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await forms.getByRole("link", { name: serviceName, exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/forms\/service\/MEDINS-REMOTE-CARE$/);
    await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "第 1 版" })).toBeVisible();
    original = await editor.inputValue();
    expect(JSON.parse(original)).toMatchObject({ schemaVersion: 1 });
    await expectNoAxeViolations(page);
  });

  await test.step("publishes a definition with a bad field key and is shown its path", async () => {
    const broken = JSON.parse(original);
    broken.pages[0].sections[0].fields[0].key = "Applicant name";
    await editor.fill(JSON.stringify(broken, null, 2));
    await page.getByRole("button", { name: "发布新版本" }).click();

    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "表单定义有问题，未发布。请修改下列各处。" })).toHaveAttribute("href", "#definition");
    // The meta-schema's own words, in the admin's language.
    const issue = summary.getByRole("link", { name: /^pages\[0\]\.sections\[0\]\.fields\[0\]\.key：键名须为 camelCase/ });
    await expect(issue).toHaveAttribute("href", /^#definition-issue-\d+$/);
    await expect(editor).toHaveAttribute("aria-invalid", "true");
    await expect(editor).toHaveAccessibleDescription(/pages\[0\]\.sections\[0\]\.fields\[0\]\.key/);
    // What the admin wrote is kept for correcting, and nothing was published.
    expect(JSON.parse(await editor.inputValue())).toEqual(broken);
    await expect(page.getByRole("rowheader", { name: "第 2 版" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  await test.step("text that is not JSON is placed by line and column", async () => {
    await editor.fill('{\n  "schemaVersion": 1,\n  "pages": [}\n}');
    await page.getByRole("button", { name: "预览" }).click();
    await expect(summary.getByRole("link", { name: /^第 3 行第 13 列：/ })).toBeVisible();
  });

  const changed = JSON.parse(original || "{}");
  await test.step("previews a correct change as applicants would see it", async () => {
    changed.pages[0].sections[0].fields[0].hint = { "zh-Hans": "与身份证上的姓名一致", "zh-Hant": "與身分證上的姓名一致", en: "As on your ID card" };
    await editor.fill(JSON.stringify(changed, null, 2));
    await page.getByRole("button", { name: "预览" }).click();
    const preview = page.getByRole("region", { name: "预览：申请人将看到的表单" });
    await expect(preview).toBeVisible();
    await expect(preview).toContainText("定义有效，尚未发布。");
    await expect(preview).toContainText("与身份证上的姓名一致");
    await expect(summary).toHaveCount(0);
    await expect(page.getByRole("rowheader", { name: "第 2 版" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  await test.step("publishes it as version 2", async () => {
    await page.getByRole("button", { name: "发布新版本" }).click();
    await expect(page).toHaveURL(/\/admin\/forms\/service\/MEDINS-REMOTE-CARE\?published=2$/);
    await expect(page.getByRole("status").getByRole("heading", { name: "已发布第 2 版" })).toBeVisible();
    const newest = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "第 2 版" }) });
    await expect(newest).toContainText("孙管理");
    await expect(page.getByRole("rowheader", { name: "第 1 版" })).toBeVisible();
    // The editor now starts from version 2.
    expect(JSON.parse(await editor.inputValue())).toEqual(changed);
    await expectNoAxeViolations(page);
  });

  await test.step("publishing the same definition again is refused as unchanged", async () => {
    await page.getByRole("button", { name: "发布新版本" }).click();
    await expect(summary.getByRole("link", { name: "与当前版本完全相同，无需发布。" })).toBeVisible();
  });

  await test.step("is usable on a 360 px wide phone", async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await expect(page.getByRole("button", { name: "发布新版本" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("a bundle's composed form is read-only and leads to the bundle's own questions", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/forms/bundle/BUNDLE-RESTAURANT");
  await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "此表单由系统合成，不能直接修改" })).toBeVisible();
  await expect(page.getByLabel("表单定义（JSON）", { exact: true })).toHaveCount(0);
  // Built from the bundle's own questions and each service's form.
  const first = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "第 1 版" }) });
  for (const code of ["BUNDLE-RESTAURANT", "AMR-FOOD-LICENCE", "FIRE-SAFETY-CHECK", "URBAN-OUTDOOR-SIGN", "ENV-EIA-FILING"]) {
    await expect(first.getByRole("link", { name: code, exact: true })).toBeVisible();
  }
  // The sign's questions are shown only to someone with an outside sign.
  await expect(page.getByRole("heading", { level: 3, name: /户外招牌设置/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "修改本“一件事”自身的问题" }).click();
  await expect(page).toHaveURL(/\/admin\/forms\/bundle-base\/BUNDLE-RESTAURANT$/);
  await expect(page.getByLabel("表单定义（JSON）", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the forms pages speak English to an English reader", async ({ page, context }) => {
  await setLocale(context, "en");
  await signIn(page, "admin");
  await page.goto("/admin/forms/service/MEDINS-REMOTE-CARE");
  await expect(page.getByRole("heading", { level: 1, name: "Register for medical treatment in another city" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish new version" })).toBeVisible();
  await expect(page.getByLabel("Form definition (JSON)", { exact: true })).toBeVisible();
});

test("a citizen may not open the forms pages", async ({ page }) => {
  await signIn(page, "citizen");
  for (const path of ["/admin/forms", "/admin/forms/service/MEDINS-REMOTE-CARE"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "您无权查看此页面" })).toBeVisible();
    await expect(page.getByRole("button", { name: "发布新版本" })).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});
