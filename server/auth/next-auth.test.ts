/**
 * The session rules as Auth.js applies them to a cookie: through its own /api/auth/session handler, which re-issues
 * the cookie on every call — the way a stolen cookie would be kept alive.
 */
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import type { TSessionClaims } from "./session-lifetime";

const secret = "test-secret-for-the-session-cookie-0123456789";
const cookieName = "authjs.session-token";
let handlers: typeof import("./next-auth").handlers;

beforeAll(async () => {
  process.env.AUTH_SECRET = secret;
  ({ handlers } = await import("./next-auth"));
});

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Partial<TSessionClaims>): TSessionClaims => ({
  sub: "7d1f1c7e-2f43-4a4e-9d53-3b2b8f8f0a11",
  sessionVersion: 2,
  signedInAt: now() - 60,
  activeAt: now() - 60,
  audience: "applicant",
  ...overrides,
});

async function readSession(token: Record<string, unknown>) {
  const cookie = await encode({ token, secret, salt: cookieName, maxAge: 12 * 60 * 60 });
  const response = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${cookieName}=${cookie}` } }));
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith(`${cookieName}=`)) ?? "";
  const value = setCookie.slice(cookieName.length + 1).split(";")[0];
  return { body: await response.json(), reissued: value ? await decode({ token: value, secret, salt: cookieName }) : null, setCookie };
}

describe("the session cookie", () => {
  it("is re-issued while live, carrying the session version and recording the activity, never a later sign-in time", async () => {
    const signedInAt = now() - 3 * 60 * 60;
    const { body, reissued } = await readSession(claims({ signedInAt, activeAt: now() - 10 * 60 }));
    expect(body).toMatchObject({ user: { id: "7d1f1c7e-2f43-4a4e-9d53-3b2b8f8f0a11" }, sessionVersion: 2 });
    expect(reissued).toMatchObject({ signedInAt, sessionVersion: 2 });
    expect(reissued!.activeAt).toBeGreaterThanOrEqual(now() - 1);
  });

  it("is not extended past 12 hours after sign-in by reading the session", async () => {
    const { body, setCookie } = await readSession(claims({ signedInAt: now() - 12 * 60 * 60 - 1, activeAt: now() - 30 }));
    expect(body).toBeNull();
    // The cookie is deleted, not renewed.
    expect(setCookie).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
  });

  it("ends after 30 idle minutes for staff, while an applicant's lives on", async () => {
    const idle = now() - 31 * 60;
    expect((await readSession(claims({ audience: "staff", activeAt: idle }))).body).toBeNull();
    expect((await readSession(claims({ audience: "applicant", activeAt: idle }))).body).toMatchObject({ sessionVersion: 2 });
  });

  it("is refused when issued before sessions carried these claims", async () => {
    expect((await readSession({ sub: "7d1f1c7e-2f43-4a4e-9d53-3b2b8f8f0a11", name: "张三" })).body).toBeNull();
  });
});
