/**
 * The Auth.js addresses this portal has: its actions, and its providers (credentials, and the unified identity
 * provider where one is configured). Anything else under /api/auth (an unknown action, webauthn-options, a provider
 * that does not exist — what scanners try) answers 404 before Auth.js sees it: Auth.js would throw on it and log a
 * stack trace for every probe.
 */
const actions = new Set(["session", "csrf", "providers", "signin", "signout", "callback", "error"]);

/** `providers`: the ids of the configured providers (the route passes "oidc" too when identity sign-in is on). */
export function isKnownAuthPath(pathname: string, providers: readonly string[] = ["credentials"]): boolean {
  const match = /^\/api\/auth\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return false;
  const [, action, provider] = match;
  if (!actions.has(action)) return false;
  if (provider === undefined) return true;
  return (action === "signin" || action === "callback") && providers.includes(provider);
}
