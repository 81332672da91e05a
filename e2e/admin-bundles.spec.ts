/**
 * An administrator adds a service to a bundle with a routing rule: the newborn bundle (新生儿出生一件事) takes the
 * police's 居住证申领 when the baby is registered in the mother's household (a service no other journey uses). A rule reading a question the
 * form does not ask is refused with the reason; "try it" shows which departments a case with sample answers would
 * reach; the rule is saved. A parent then applies with answers meeting the rule, answers the added service's
 * questions, and the case reaches the police: the tracker lists the service, and the police queue the case (whose birth
 * registration still waits for the hospital, so only the added service puts it there).
 */
import { ApplyForm, caseNumberOf, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const rule = '{"==": [{"var": "householdOf"}, "mother"]}';

test("the admin adds a service to a bundle with a rule, and a new application meeting it reaches the service's department", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "一件事" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("一件事管理");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "BUNDLE-NEWBORN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新生儿出生一件事");

  // A rule naming a question the bundle's form does not ask is refused, with the reason beside the rule.
  const add = page.getByRole("region", { name: "添加事项" });
  await add.getByLabel("事项", { exact: true }).selectOption("POLICE-RESIDENCE-PERMIT");
  await add.getByLabel("适用规则（json-logic）").fill('{"==": [{"var": "motherHousehold"}, "mother"]}');
  await add.getByRole("button", { name: "添加事项" }).click();
  await expect(page.getByRole("alert", { name: "有问题需要处理" })).toBeVisible();
  await expect(add.getByLabel("适用规则（json-logic）")).toHaveAccessibleDescription(/适用规则读取了本一件事表单中没有的字段。.*motherHousehold/);
  await expectNoAxeViolations(page);

  await add.getByLabel("适用规则（json-logic）").fill(rule);
  await add.getByRole("button", { name: "添加事项" }).click();
  await page.waitForURL(/\/admin\/bundles\/BUNDLE-NEWBORN\/items\/POLICE-RESIDENCE-PERMIT\?saved=added$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("居住证申领");

  // Try it: registered with the mother, the case reaches the police for this service; with the father, not.
  const answers = page.getByLabel("示例答案（JSON）");
  await expect(answers).toHaveValue(/"householdOf"/);
  const triedService = page.getByRole("status").getByRole("listitem").filter({ hasText: "POLICE-RESIDENCE-PERMIT" });
  await answers.fill('{"householdOf": "mother"}');
  await page.getByRole("button", { name: "试用规则" }).click();
  await expect(triedService).toContainText("分送 公安局");
  await expect(triedService).toContainText("适用规则对这些答案成立。");
  await expectNoAxeViolations(page);
  await answers.fill('{"householdOf": "father"}');
  await page.getByRole("button", { name: "试用规则" }).click();
  await expect(triedService).toContainText("不分送 公安局");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.waitForURL(/\?saved=edited$/);
  await expect(page.getByRole("status").filter({ hasText: "已保存 POLICE-RESIDENCE-PERMIT 的设置" })).toBeVisible();
  await expect(page.getByLabel("适用规则（json-logic）")).toHaveValue(/"householdOf"/);

  // The bundle lists it with its rule; the change record has it.
  await page.getByRole("link", { name: "返回 BUNDLE-NEWBORN" }).click();
  await expect(page.getByRole("table", { name: "事项、部门和适用规则" })).toContainText("居住证申领");
  await expectNoAxeViolations(page);
  await page.goto("/admin/changes?entity=bundle");
  await expect(page.getByRole("table")).toContainText("添加事项");

  // A parent applies, registering the baby in the mother's household: the form now asks the added service's questions.
  const parent = await (await browser.newContext()).newPage();
  await signIn(parent, "citizen");
  await parent.goto("/apply/BUNDLE-NEWBORN");
  const form = new ApplyForm(parent);
  await form.start();
  await form.field("婴儿姓名").fill("张小满");
  await form.field("婴儿性别").selectOption({ label: "男" });
  await form.field("出生日期").fill("2026-11-20");
  await form.field("出生医院").fill("上海市第一妇婴保健院");
  await form.field("母亲姓名").fill("李梅");
  await form.field("母亲公民身份号码").fill("310104199002150024");
  await form.field("父亲姓名").fill("张三");
  await form.field("父亲公民身份号码").fill("310104198803124016");
  await form.field("随父亲还是母亲落户").selectOption({ label: "随母亲落户" });
  await form.field("户籍地址").fill("上海市徐汇区漕溪北路 88 号 301 室");
  await form.continue();
  await form.field("合作银行").selectOption({ label: "中国银行" });
  await parent.getByRole("radio", { name: "到银行网点领取" }).check();
  await form.continue();
  await parent.locator('input[type=file][name="photo"]').setInputFiles({ name: "baby.png", mimeType: "image/png", buffer: onePixelPng });
  await form.continue();
  // The added service's page, shown because the baby is registered in the mother's household.
  await expect(parent.getByRole("heading", { level: 1 })).toContainText("居住证申领");
  await form.field("本市居住地址").fill("上海市徐汇区漕溪北路 88 号 301 室");
  await form.field("开始在本市居住的日期").fill("2020-05-01");
  await form.field("申领条件").selectOption({ label: "合法稳定住所" });
  await form.continue();
  await expect(parent.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
  await form.submitButton.click();
  await parent.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  const caseNumber = caseNumberOf(parent);

  // The tracker lists the added service with its department, waiting to be accepted.
  const permit = parent.getByRole("listitem").filter({ has: parent.getByRole("heading", { level: 3, name: "公安局" }) }).filter({ hasText: "居住证申领" });
  await expect(permit).toContainText("待受理");
  await expectNoAxeViolations(parent);

  // The police clerk finds the case in the queue: the birth registration waits for the hospital, the permit does not.
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, "clerk-police");
  await expect(clerk.getByRole("main")).toContainText(caseNumber);
});

test("the rule editor tries and refuses without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto("/admin/bundles/BUNDLE-RESTAURANT/items/URBAN-OUTDOOR-SIGN");
  await page.getByLabel("示例答案（JSON）").fill('{"hasOutdoorSign": true}');
  await page.getByRole("button", { name: "试用规则" }).click();
  await expect(page.getByRole("status").getByRole("listitem").filter({ hasText: "URBAN-OUTDOOR-SIGN" })).toContainText("分送 城市管理局");
  // What was typed comes back with the result.
  await expect(page.getByLabel("示例答案（JSON）")).toHaveValue('{"hasOutdoorSign": true}');
  await page.getByLabel("适用规则（json-logic）").fill('{"==": [{"var": "hasOutdoorSign"}, true');
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("alert", { name: "有问题需要处理" })).toBeVisible();
  await expect(page.getByLabel("适用规则（json-logic）")).toHaveAccessibleDescription(/适用规则不是有效的 JSON/);
  await context.close();
});
