/**
 * Sign-in that holds up to an attacker: signing out ends the session for a copy of the cookie too, and guessing
 * passwords is throttled — the /login form says how long to wait, in the reader's language, and the credentials
 * endpoint answers 429 with Retry-After.
 *
 * The throttled names here belong to no account, on purpose: a wait on a demo account would trip up the journeys
 * that sign in with it after this one. That the right password is refused during a wait is proven by the
 * integration tests (server/auth/sign-in-with-password.test.ts).
 */
import { expect, expectNoAxeViolations, setLocale, signIn, test, type TLocale } from "./fixtures";

test("signing out ends the session: a copy of the cookie taken before no longer opens /me", async ({ page, browser }) => {
  await signIn(page, "citizen2");
  await expect(page).toHaveURL(/\/me$/);
  const copied = await page.context().cookies();

  // The copy works while the session lives…
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies(copied);
  const thief = await elsewhere.newPage();
  await thief.goto("/me");
  await expect(thief.getByText("已登录：李四")).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible();

  // …and no longer once its owner has signed out.
  await thief.goto("/me");
  await expect(thief).toHaveURL(/\/login\?callbackUrl=%2Fme$/);
  await expect(thief.getByText("已登录：李四")).toHaveCount(0);
  await elsewhere.close();
});

const words: Record<TLocale, { username: string; password: string; submit: string; problem: string; invalid: string; throttled: RegExp }> = {
  "zh-Hans": {
    problem: "请检查以下问题",
    username: "用户名",
    password: "密码",
    submit: "登录",
    invalid: "用户名或密码不正确，请检查后重试",
    throttled: /^登录尝试次数过多，请 \d+ 分钟后再试。在此之前，即使密码正确也无法登录$/,
  },
  "zh-Hant": {
    problem: "請檢查以下問題",
    username: "使用者名稱",
    password: "密碼",
    submit: "登入",
    invalid: "使用者名稱或密碼不正確，請檢查後重試",
    throttled: /^登入嘗試次數過多，請 \d+ 分鐘後再試。在此之前，即使密碼正確也無法登入$/,
  },
  en: {
    problem: "There is a problem",
    username: "User name",
    password: "Password",
    submit: "Sign in",
    invalid: "The user name or password is not right. Check them and try again",
    throttled: /^Too many sign-in attempts\. Try again in \d+ minutes?; until then even the right password is refused$/,
  },
};

test("after five wrong passwords the sign-in form says how long to wait, in the reader's language", async ({ page, context }) => {
  const username = `no-such-person-${Date.now()}`;
  async function tryOnce(locale: TLocale) {
    const w = words[locale];
    await page.goto("/login");
    await page.getByLabel(w.username, { exact: true }).fill(username);
    await page.getByLabel(w.password, { exact: true }).fill("a wrong guess");
    await page.getByRole("button", { name: w.submit, exact: true }).click();
    return page.getByRole("alert", { name: w.problem }).getByRole("link");
  }

  for (let attempt = 1; attempt <= 4; attempt++) {
    await expect(await tryOnce("zh-Hans")).toHaveText(words["zh-Hans"].invalid);
  }
  const throttled = await tryOnce("zh-Hans");
  await expect(throttled).toHaveText(words["zh-Hans"].throttled);
  await expect(throttled).toHaveAttribute("href", "#username");
  await expect(page.getByRole("alert", { name: words["zh-Hans"].problem })).toBeFocused();
  await expectNoAxeViolations(page);

  for (const locale of ["zh-Hant", "en"] as const) {
    await setLocale(context, locale);
    await expect(await tryOnce(locale)).toHaveText(words[locale].throttled);
  }
});

test("the credentials endpoint answers 429 with Retry-After once an account is throttled", async ({ request }) => {
  const username = `no-such-person-${Date.now()}`;
  async function post() {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken, username, password: "a wrong guess", callbackUrl: "/" },
      maxRedirects: 0,
    });
  }
  for (let attempt = 1; attempt <= 4; attempt++) {
    const response = await post();
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("/login?error=CredentialsSignin");
  }
  for (let attempt = 5; attempt <= 7; attempt++) {
    const response = await post();
    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await response.json()).toEqual({ error: "too-many-attempts", retryAfterSeconds: retryAfter });
  }
});
