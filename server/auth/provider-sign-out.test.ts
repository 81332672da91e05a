/**
 * Where signing out sends a person: to the identity provider's end_session_endpoint (from its discovery document,
 * served here by a real HTTP server) only when the session began there, with the client id and /login to come back
 * to and never a token; nowhere else otherwise.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEnv } from "@/server/env";

const secret = "provider-sign-out-test-secret-0123456789abcdef";
const salt = "authjs.session-token";
let server: http.Server;
let issuer: string;
let bareIssuer: string;
let env: TEnv;
let providerSignOutUrl: typeof import("./provider-sign-out").providerSignOutUrl;
let SIGNED_IN_VIA_PROVIDER: string;
let encodeSessionToken: typeof import("./session-token").encodeSessionToken;

beforeAll(async () => {
  process.env.AUTH_SECRET = secret;
  server = http.createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    // One issuer publishes an end_session_endpoint, the other (under /bare) does not.
    if (request.url === "/.well-known/openid-configuration") response.end(JSON.stringify({ issuer, end_session_endpoint: `${issuer}/session/end` }));
    else if (request.url === "/bare/.well-known/openid-configuration") response.end(JSON.stringify({ issuer: bareIssuer }));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bareIssuer = `${issuer}/bare`;
  ({ providerSignOutUrl, SIGNED_IN_VIA_PROVIDER } = await import("./provider-sign-out"));
  ({ encodeSessionToken } = await import("./session-token"));
  const { getEnv } = await import("@/server/env");
  env = { ...getEnv(), OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "onedoor", OIDC_CLIENT_SECRET: "s3cret", PUBLIC_BASE_URL: "https://onedoor.example.gov.cn" };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const cookieOf = async (claims: Record<string, unknown>) => [{ name: salt, value: await encodeSessionToken({ token: { sub: "u-1", ...claims }, secret, salt }) }];

describe("signing out of a session begun at the identity provider", () => {
  it("goes on to the provider's end_session_endpoint with the client id and /login, and no token", async () => {
    const url = new URL((await providerSignOutUrl({ cookies: await cookieOf({ via: SIGNED_IN_VIA_PROVIDER }), env }))!);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/session/end`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: "onedoor", post_logout_redirect_uri: "https://onedoor.example.gov.cn/login" });
  });

  it("stays on the portal for a password session, without a session, without a provider, or one that publishes no endpoint", async () => {
    expect(await providerSignOutUrl({ cookies: await cookieOf({}), env })).toBeNull();
    expect(await providerSignOutUrl({ cookies: [], env })).toBeNull();
    expect(await providerSignOutUrl({ cookies: await cookieOf({ via: SIGNED_IN_VIA_PROVIDER }), env: { ...env, OIDC_ISSUER: undefined } })).toBeNull();
    expect(await providerSignOutUrl({ cookies: await cookieOf({ via: SIGNED_IN_VIA_PROVIDER }), env: { ...env, OIDC_ISSUER: bareIssuer } })).toBeNull();
    // A cookie sealed with another secret says nothing.
    const forged = [{ name: salt, value: await encodeSessionToken({ token: { sub: "u-1", via: SIGNED_IN_VIA_PROVIDER }, secret: "another-secret-0123456789abcdefghijkl", salt }) }];
    expect(await providerSignOutUrl({ cookies: forged, env })).toBeNull();
  });
});
