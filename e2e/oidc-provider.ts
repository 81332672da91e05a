/**
 * A unified identity provider (统一身份认证) for the journeys: a real OpenID Connect provider (panva's oidc-provider,
 * the certified implementation) on a local port, with a sign-in page of its own and a few accounts whose verified
 * claims match people of the demo seed (张三, 王五), one the journey records at the counter, one who is nobody here
 * yet, and two the portal must refuse. The portal talks to it over HTTP exactly as it would to the government's:
 * discovery, authorization with PKCE, state and nonce, the code exchange, the signed ID token, userinfo.
 *
 * Not a mock: nothing of the portal is stubbed. What is simpler than a real provider is the provider's own side —
 * accounts in memory, keys generated per run, no consent screen for the one first-party client.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/** The password of every test account at this provider (not the portal's demo password: another system). */
export const identityPassword = "tyrz-2026";

export type TTestIdentity = { name: string; idNumber: string; verified: boolean; mobile?: string };

/** The accounts, by the account name typed at the provider's sign-in page. */
export const testIdentities = {
  /** 张三 of the demo seed (user name "citizen"). */
  zhangsan: { name: "张三", idNumber: "310104198803124016", verified: true, mobile: "13800138000" },
  /** A walk-in the journey records at the counter first: no account of the portal until this sign-in. */
  sunba: { name: "孙八", idNumber: "310104197506151232", verified: true },
  /** Nobody on the register: created at the first sign-in. */
  zhouxin: { name: "周新", idNumber: "310101199501010027", verified: true, mobile: "13912345678" },
  /** 王五 of the demo seed: legal representative of 上海一门餐饮管理有限公司 in the enterprise registry. */
  wangwu: { name: "王五", idNumber: "310105198501011231", verified: true, mobile: "13700137000" },
  /** An account whose ID number the provider has not verified (no 实名认证 yet). */
  wuwei: { name: "吴未", idNumber: "310107198008080017", verified: false },
  /** 李四's ID number under another name: the register says 李四. */
  lisi: { name: "李思", idNumber: "310115199008072521", verified: true },
} satisfies Record<string, TTestIdentity>;
export type TTestIdentityAccount = keyof typeof testIdentities;

export type TTestIdentityProvider = { issuer: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

/** The scope under which this provider releases the ID number claims (OIDC_SCOPE asks for it). */
export const idCardScope = "id_card";

/** Starts the provider on 127.0.0.1:`port`, with one client whose redirect URI is the portal's callback. */
export async function startTestIdentityProvider({ port, portalOrigin }: { port: number; portalOrigin: string }): Promise<TTestIdentityProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "onedoor";
  const clientSecret = randomBytes(24).toString("base64url");
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${portalOrigin}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${portalOrigin}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    scopes: ["openid", "profile", "phone", idCardScope],
    claims: { openid: ["sub"], profile: ["name"], phone: ["phone_number", "phone_number_verified"], [idCardScope]: ["id_number", "id_number_verified"] },
    async findAccount(_ctx, sub) {
      const identity = (testIdentities as Record<string, TTestIdentity>)[sub];
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            name: identity.name,
            id_number: identity.idNumber,
            id_number_verified: identity.verified,
            ...(identity.mobile ? { phone_number: identity.mobile, phone_number_verified: true } : {}),
          };
        },
      };
    },
    // The portal is this provider's own first-party client: what it asks for is granted without a consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope(String(oidc.params!.scope));
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // Signing out of the portal ends the session here too (RP-Initiated Logout): the provider asks first.
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.body = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>退出统一身份认证</title></head><body><main><h1>统一身份认证平台（测试）</h1><p>要退出统一身份认证吗？</p>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">确认退出</button></main></body></html>`;
        },
      },
    },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
  };
  const provider = new Provider(issuer, configuration);
  const handleProtocol = provider.callback();

  const server = http.createServer((request, response) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(new URL(request.url ?? "/", issuer).pathname);
    if (!match) return void handleProtocol(request, response);
    handleInteraction(provider, request, response, match[2] ?? "").catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => void server.closeAllConnections()),
  };
}

async function handleInteraction(provider: Provider, request: http.IncomingMessage, response: http.ServerResponse, step: string) {
  const details = await provider.interactionDetails(request, response);
  if (step === "/abort") {
    await provider.interactionFinished(request, response, { error: "access_denied", error_description: "The person cancelled" }, { mergeWithLastSubmission: false });
    return;
  }
  if (step === "/login" && request.method === "POST") {
    const form = new URLSearchParams(await readBody(request));
    const account = form.get("account") ?? "";
    if (Object.hasOwn(testIdentities, account) && form.get("password") === identityPassword) {
      await provider.interactionFinished(request, response, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      return;
    }
    return renderSignIn(response, details.uid, "账号或密码不正确");
  }
  renderSignIn(response, details.uid, null);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

function renderSignIn(response: http.ServerResponse, uid: string, error: string | null) {
  response.statusCode = error ? 401 : 200;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.end(`<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>统一身份认证平台（测试）</title></head>
<body>
<h1>统一身份认证平台（测试）</h1>
${error ? `<p role="alert">${error}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
  <label>账号 <input name="account" autocomplete="username"></label>
  <label>密码 <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">登录</button>
</form>
<p><a href="/interaction/${uid}/abort">取消，返回办事网站</a></p>
</body></html>`);
}
