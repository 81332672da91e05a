/**
 * The edge of the portal as a browser and an attacker meet it (proxy.ts): security headers on every kind of
 * response, scripts that run only with the response's nonce, no framing, another site's post refused with 403, a
 * post too large for its page refused with a 413 page in the reader's language — with and without JavaScript —
 * while a signed-in applicant's upload still goes through, and redirects that never leave the site.
 */
import { request as playwrightRequest } from "@playwright/test";
import { ApplyForm, expect, expectNoAxeViolations, password, setLocale, signIn, submitSignIn, test } from "./fixtures";

/** What proxy.ts sends on every response, checked on one response's headers (names in lower case). */
function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(csp, where).toContain(directive);
  }
  expect(csp, where).not.toContain("unsafe-inline");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  for (const feature of ["camera", "microphone", "geolocation"]) expect(headers["permissions-policy"], where).toContain(`${feature}=()`);
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

const nonceOf = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];

test("every kind of response carries the security headers, and a page's scripts carry its nonce", async ({ page, request }) => {
  const home = await page.goto("/");
  const headers = await home!.allHeaders();
  expectSecurityHeaders(headers, "the home page");
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonceOf(headers)]));

  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  expect(stylesheet).toMatch(/^\/_next\/static\//);
  const responses = {
    "a route handler": await request.get("/api/health"),
    "a static file": await request.get(stylesheet!),
    "a page that does not exist": await request.get("/no-such-page"),
    "a redirect": await request.get("/language?locale=en&next=/services", { maxRedirects: 0 }),
  };
  expect(responses["a route handler"].status()).toBe(200);
  expect(responses["a static file"].status()).toBe(200);
  expect(responses["a page that does not exist"].status()).toBe(404);
  expect(responses["a redirect"].status()).toBe(303);
  for (const [where, response] of Object.entries(responses)) expectSecurityHeaders(response.headers(), where);
  // A new nonce for every response.
  expect(nonceOf(responses["a page that does not exist"].headers())).not.toBe(nonceOf(headers));
});

test("HSTS is sent when the proxy in front says the request came over https", async ({ request }) => {
  const response = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("a script slipped into a page does not run, and no other site can frame one", async ({ page, baseURL, cspViolations }) => {
  await page.goto("/services");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image" onerror="window.__injected = true">'));
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(cspViolations.join("\n")).toContain("script-src");
  cspViolations.splice(0);

  // Clickjacking: a page of another origin puts the portal in a frame; the browser refuses to show it there.
  await page.goto("about:blank");
  await page.setContent(`<iframe title="portal" src="${baseURL}/login"></iframe>`);
  // Chromium puts its error page in the frame in place of the refused one.
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("iframe").locator('input[name="username"]')).toHaveCount(0);
});

test("a server action posted from another site answers 403 and does nothing", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: "https://evil.example", "Next-Action": "0".repeat(42) },
    multipart: { username: "citizen", password },
  });
  expect(response.status()).toBe(403);
  expectSecurityHeaders(response.headers(), "the 403");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  expect(await response.text()).toContain("此请求已被拒绝");
});

test("a sign-in post too large for any form gets a 413 page without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名", { exact: true }).fill("citizen");
  await page.getByLabel("密码", { exact: true }).fill("x".repeat(1200 * 1000));
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === "POST"),
    page.getByRole("button", { name: "登录", exact: true }).click(),
  ]);
  expect(response.status()).toBe(413);
  expectSecurityHeaders(await response.allHeaders(), "the 413 page");
  await expect(page.getByRole("heading", { level: 1, name: "提交的内容太大" })).toBeVisible();
  await expect(page.getByText("此页一次最多可接收 1 MB")).toBeVisible();
  await page.getByRole("link", { name: "返回上一页" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await context.close();
});

test("with JavaScript, the same post answers 413 and the browser shows the page in the reader's language", async ({ page, context }) => {
  await setLocale(context, "en");
  await page.goto("/login");
  await page.getByLabel("User name", { exact: true }).fill("citizen");
  await page.getByLabel("Password", { exact: true }).fill("x".repeat(1200 * 1000));
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === "POST"),
    page.getByRole("button", { name: "Sign in", exact: true }).click(),
  ]);
  expect(response.status()).toBe(413);
  await page.waitForURL(/\/request-too-large\?back=%2Flogin$/);
  await expect(page.getByRole("heading", { level: 1, name: "What you sent is too large" })).toBeVisible();
  await expect(page.getByText("This page can take at most 1 MB at a time.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Go back to the page" }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("a signed-in applicant uploads more than 1 MB on a wizard page; nobody posts more than the page may take", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, "citizen");
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

  // A 1.5 MB photo (the field takes up to 2 MB): more than any other post may carry, fine for this page.
  const photoPage = page.url();
  const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  const photo = Buffer.concat([onePixelPng, Buffer.alloc(1500 * 1000)]);
  await page.locator('input[type=file][name="photo"]').setInputFiles({ name: "baby.png", mimeType: "image/png", buffer: photo });
  await form.continue();
  await expect(page.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("baby.png");

  // Even signed in, no more than every file of the page at full size; and nothing large from anyone else.
  const tooLarge = await page.request.post(photoPage, { headers: { Origin: baseURL! }, data: Buffer.alloc(65 * 1024 * 1024 + 1024 * 1024 + 1) });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.text()).toContain("65 MB");
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const anonymousPost = await anonymous.post(new URL(photoPage).pathname, { headers: { Origin: baseURL! }, data: Buffer.alloc(2 * 1024 * 1024) });
  expect(anonymousPost.status()).toBe(413);
  expect(await anonymousPost.text()).toContain("1 MB");
  await anonymous.dispose();

  // Leave no draft behind for the journeys after this one.
  await page.goto("/me");
  await page.getByRole("button", { name: "删除草稿 · 新生儿出生一件事" }).click();
  await expect(page.getByText("草稿已删除")).toBeVisible();
});

test("/language, /display and the sign-in never send the browser to another site", async ({ page, request, baseURL }) => {
  const site = new URL(baseURL!).origin;
  for (const path of ["/language?locale=en&next=/%09/evil.example", "/display?mode=standard&next=%2F%09%2Fevil.example"]) {
    const redirect = await request.get(path, { maxRedirects: 0 });
    expect(redirect.status(), path).toBe(303);
    expect(new URL(redirect.headers().location, site).origin, path).toBe(site);
    const followed = await request.get(path);
    expect(new URL(followed.url()).origin, path).toBe(site);
  }

  // The sign-in form, after a real sign-in …
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
  await submitSignIn(page, "citizen");
  expect(new URL(page.url()).origin).toBe(site);

  // … and Auth.js's own credentials endpoint.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await anonymous.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await anonymous.post("/api/auth/callback/credentials", {
    headers: { Origin: site },
    form: { username: "citizen", password, csrfToken, callbackUrl: "/\t/evil.example" },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  // Auth.js builds its answer on the address Next.js gives a route handler (http://localhost:<port>), not the one
  // the browser used; what matters here is that the hostile target was dropped for "/".
  const location = new URL(signedIn.headers().location, site);
  expect(location.hostname).not.toContain("evil");
  expect(`${location.pathname}${location.search}`).toBe("/");
  await anonymous.dispose();
});
