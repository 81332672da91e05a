/**
 * What the journeys expect of the server they run against, beside its port and database: playwright.config.ts gives
 * it to the server it starts, and `npm run test:replicas` (scripts/replicas/) to each replica behind nginx. And the
 * browser they run in, which the replicas test drives too.
 */
export const journeyServerEnv = {
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  // Every journey signs in from 127.0.0.1: one journey's deliberate wrong passwords (or a fuzz run's) must not
  // make the address wait for all the journeys after it. The per-account allowance stays as shipped (5), which
  // e2e/sign-in-security.spec.ts exercises; the address allowance is proven by the integration tests.
  SIGN_IN_FAILURES_PER_ADDRESS: "100000",
  // TEST ONLY (server/clock.ts): e2e/supervision.spec.ts moves the supervision pages' clock with a cookie.
  ONEDOOR_TEST_CLOCK: "on",
} as const;

/** The browser the journeys run in (Debian's Chromium: browsers cannot be downloaded on these machines). */
export const journeyLaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};
