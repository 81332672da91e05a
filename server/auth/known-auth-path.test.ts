import { describe, expect, it } from "vitest";
import { isKnownAuthPath } from "./known-auth-path";

describe("isKnownAuthPath", () => {
  it("lets through the Auth.js actions and the credentials provider", () => {
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin", "/api/auth/signout", "/api/auth/error", "/api/auth/callback/credentials", "/api/auth/signin/credentials"]) {
      expect(isKnownAuthPath(path), path).toBe(true);
    }
  });

  it("turns away unknown actions, unknown providers and anything deeper", () => {
    for (const path of ["/api/auth/webauthn-options", "/api/auth/verify-request", "/api/auth/callback/github", "/api/auth/signin/email", "/api/auth/session/x", "/api/auth/callback/credentials/x", "/api/auth", "/api/auth/"]) {
      expect(isKnownAuthPath(path), path).toBe(false);
    }
  });

  it("knows the identity provider's sign-in and callback only where one is configured", () => {
    for (const path of ["/api/auth/signin/oidc", "/api/auth/callback/oidc"]) {
      expect(isKnownAuthPath(path), path).toBe(false);
      expect(isKnownAuthPath(path, ["credentials", "oidc"]), path).toBe(true);
    }
    expect(isKnownAuthPath("/api/auth/session/oidc", ["credentials", "oidc"])).toBe(false);
  });
});
