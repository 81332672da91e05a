/**
 * An administrator keeps a service's reason templates (常用理由): a new reason for refusing the food business licence
 * (an empty language refused, next to its field), moved up the list, its words changed, removed; each change in the
 * change record.
 */
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test("the admin adds, moves, changes and removes a reason template of the food business licence", async ({ page }) => {
  // A new sentence each run, so the journey can run again against the same server.
  const sentence = `经营场所未设置独立的清洗消毒区域（${Date.now().toString(36)}）。`;
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "常用理由" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("常用理由");
  await page.getByLabel("事项").selectOption({ label: "市场监督管理局 · 食品经营许可" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/\/admin\/reasons\?service=AMR-FOOD-LICENCE$/);

  const reject = page.getByRole("region", { name: "食品经营许可：不予许可的常用理由" });
  const list = reject.getByRole("list", { name: "食品经营许可：不予许可的常用理由" });
  const before = await list.getByRole("listitem").count();
  // The English words left out: refused next to that field, and what was typed kept.
  await reject.getByLabel("理由（简体中文）").fill(sentence);
  await reject.getByLabel("理由（繁体中文）").fill("經營場所未設置獨立的清洗消毒區域。");
  await reject.getByRole("button", { name: "新增理由" }).click();
  await expect(reject.getByText("请填写这种语言的理由。").first()).toBeVisible();
  await expect(reject.getByLabel("理由（英文）")).toHaveAttribute("aria-invalid", "true");
  await expect(reject.getByLabel("理由（简体中文）")).toHaveValue(sentence);
  await reject.getByLabel("理由（英文）").fill("The premises have no separate area for cleaning and disinfection.");
  await reject.getByRole("button", { name: "新增理由" }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "已新增理由" })).toBeVisible();
  const added = list.getByRole("listitem").filter({ hasText: sentence });
  await expect(added).toContainText(`第 ${before + 1} 条`);
  await expectNoAxeViolations(page);

  // Up one place, then its English changed on its own page.
  await added.getByRole("button", { name: /^上移/ }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "已调整顺序" })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: sentence })).toContainText(`第 ${before} 条`);
  await list.getByRole("listitem").filter({ hasText: sentence }).getByRole("link", { name: /^修改/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修改常用理由");
  await page.getByLabel("理由（英文）").fill("The premises have no separate room for cleaning and disinfecting tableware.");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "已保存修改" })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: sentence })).toContainText("separate room for cleaning");

  // Removed; the change record shows every step.
  await list.getByRole("listitem").filter({ hasText: sentence }).getByRole("button", { name: /^删除/ }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "已删除理由" })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: sentence })).toHaveCount(0);
  await page.goto("/admin/changes?entity=reason-template");
  const changes = page.getByRole("region", { name: "系统管理变更，最新的在前" });
  for (const action of ["常用理由 · 新增", "常用理由 · 调整顺序", "常用理由 · 修改", "常用理由 · 删除"]) {
    await expect(changes.getByRole("cell", { name: action }).first()).toBeVisible();
  }
});
