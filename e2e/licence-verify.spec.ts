/**
 * A citizen's instant proof becomes an e-licence in their wallet, and anyone can verify it at /verify without
 * signing in: valid, with the holder's ID number masked, and — typing the number on the ID card shown to them —
 * whether it belongs to that person, also without JavaScript. A made-up id and an altered link say so plainly.
 */
import fs from "node:fs/promises";
import { expect, expectNoAxeViolations, signIn, test, submitInstantProof } from "./fixtures";

test("an instant proof is issued into the wallet and verifies as valid for someone not signed in", async ({ page, browser }) => {
  await signIn(page, "citizen");
  await submitInstantProof(page);
  await expect(page.getByText("电子证照已签发")).toBeVisible();
  // The tracker's "your answers" masks the ID number, as /me/profile does.
  await expect(page.getByText("3101**********4016")).toBeVisible();
  await expect(page.getByText("310104198803124016")).toHaveCount(0);

  await page.goto("/me");
  await page.getByRole("navigation", { name: "我的账户" }).getByRole("link", { name: /电子证照/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的电子证照" })).toBeVisible();
  const proof = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: /社会保险参保缴费证明/ }) }).first();
  await expect(proof.getByRole("heading", { level: 2 })).toContainText("有效");
  await expect(proof).toContainText("人力资源和社会保障局");
  await expect(proof).toContainText(/SBZM-\d{8}-\d{6}/);
  await expectNoAxeViolations(page);
  const verifyHref = await proof.getByRole("link", { name: /核验/ }).getAttribute("href");
  expect(verifyHref).toMatch(/^\/verify\/[0-9a-f-]{36}$/);
  // The licence as a PDF to print or pass on.
  const [download] = await Promise.all([page.waitForEvent("download"), proof.getByRole("link", { name: /下载 PDF/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^社会保险参保缴费证明-SBZM-\d{8}-\d{6}\.pdf$/);
  const bytes = await fs.readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Someone the citizen shows it to: another browser, not signed in.
  const stranger = await browser.newContext({ locale: "zh-CN" });
  const verifier = await stranger.newPage();
  await verifier.goto(verifyHref!);
  await expect(verifier.getByRole("link", { name: "登录" })).toBeVisible();
  const result = verifier.getByRole("region", { name: "证照有效" });
  await expect(result).toContainText("此证照由人力资源和社会保障局签发");
  await expect(verifier.getByText("3101**********4016")).toBeVisible();
  await expect(verifier.getByText("310104198803124016")).toHaveCount(0);
  await expect(verifier.getByText("社会保险参保缴费证明")).toBeVisible();

  // "Does this licence belong to the person in front of me?": the number typed goes in a form post, never the address.
  const holderCheck = verifier.getByRole("region", { name: "核对持证人" });
  await holderCheck.getByLabel("公民身份号码").fill("310104198803124016");
  await holderCheck.getByRole("button", { name: "核对" }).click();
  await expect(holderCheck.getByRole("status")).toContainText("一致：此号码就是这张证照持证人的公民身份号码。");
  expect(verifier.url()).not.toContain("310104198803124016");
  await expect(holderCheck.getByLabel("公民身份号码")).not.toHaveValue("310104198803124016");
  await expectNoAxeViolations(verifier);
  await holderCheck.getByLabel("公民身份号码").fill("11010519491231002X");
  await holderCheck.getByRole("button", { name: "核对" }).click();
  await expect(holderCheck.getByRole("status")).toContainText("不一致：此号码不是这张证照持证人的公民身份号码。");
  await holderCheck.getByLabel("公民身份号码").fill("310104198803124017");
  await holderCheck.getByRole("button", { name: "核对" }).click();
  await expect(holderCheck.getByText("请输入证件上的18位公民身份号码")).toBeVisible();
  await expect(holderCheck.getByRole("status")).toHaveText("");
  await expectNoAxeViolations(verifier);

  // The same check in a browser without JavaScript: a plain form post answers in the page it returns.
  const noScript = await browser.newContext({ locale: "zh-CN", javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(verifyHref!);
  await plain.getByLabel("公民身份号码").fill("310104198803124016");
  await plain.getByRole("button", { name: "核对" }).click();
  await expect(plain.getByText("一致：此号码就是这张证照持证人的公民身份号码。")).toBeVisible();
  expect(plain.url()).not.toContain("310104198803124016");
  await plain.getByLabel("公民身份号码").fill("11010519491231002X");
  await plain.getByRole("button", { name: "核对" }).click();
  await expect(plain.getByText("不一致：此号码不是这张证照持证人的公民身份号码。", { exact: false })).toBeVisible();
  await noScript.close();

  // The same page with a link whose carried data were changed, and with an id that was never issued.
  await verifier.goto(`${verifyHref}?d=AAAA&s=BBBB&k=0123456789abcdef`);
  await expect(verifier.getByRole("heading", { level: 2, name: "核验未通过：证照疑似伪造或被篡改" })).toBeVisible();
  await expect(verifier.getByText("二维码或链接中携带的证照内容已被改动。")).toBeVisible();
  await expect(verifier.getByText("张三")).toHaveCount(0);
  await expectNoAxeViolations(verifier);
  const unknown = await verifier.goto("/verify/00000000-0000-4000-8000-000000000000");
  expect(unknown?.status()).toBe(404);
  await expect(verifier.getByRole("heading", { level: 2, name: "查无此证照" })).toBeVisible();
  await expect(verifier.getByRole("link", { name: "公开密钥（JSON）" })).toBeVisible();

  const keys = await verifier.request.get("/api/v1/licences/keys");
  expect(keys.ok()).toBe(true);
  const body = (await keys.json()) as { keys: { keyId: string; algorithm: string; retiredAt: string | null }[] };
  expect(body.keys.some((key) => key.algorithm === "Ed25519" && key.retiredAt === null)).toBe(true);
  await stranger.close();
});
