import { describe, expect, it } from "vitest";
import { continueSession, sessionLimitsOf, startSessionClaims, type TSessionClaims, type TSessionVerdict } from "./session-lifetime";

const limits = sessionLimitsOf({ SESSION_MAX_HOURS: 12, SESSION_IDLE_MINUTES_STAFF: 30, SESSION_IDLE_MINUTES_APPLICANT: 120 });
const signIn = new Date("2026-03-02T08:00:00Z");
const minutes = (n: number) => new Date(signIn.getTime() + n * 60_000);

/** Uses the session at each of `times` in turn, as page views would, and says how the last one went. */
function useAt(claims: TSessionClaims, times: Date[]) {
  let token: unknown = claims;
  let verdict: TSessionVerdict = { live: true, claims };
  for (const now of times) {
    verdict = continueSession({ token, now, limits });
    if (!verdict.live) return verdict;
    token = verdict.claims;
  }
  return verdict;
}

describe("session lifetime", () => {
  const clerk = startSessionClaims({ user: { id: "u1", role: "clerk", sessionVersion: 3 }, now: signIn });
  const citizen = startSessionClaims({ user: { id: "u2", role: "citizen", sessionVersion: 0 }, now: signIn });

  it("records who signed in, under which version, and when", () => {
    expect(clerk).toEqual({ sub: "u1", sessionVersion: 3, signedInAt: signIn.getTime() / 1000, activeAt: signIn.getTime() / 1000, audience: "staff" });
    expect(citizen.audience).toBe("applicant");
    expect(startSessionClaims({ user: { id: "u3", role: "enterprise", sessionVersion: 0 }, now: signIn }).audience).toBe("applicant");
    for (const role of ["counter", "supervisor", "admin"] as const) {
      expect(startSessionClaims({ user: { id: "u4", role, sessionVersion: 0 }, now: signIn }).audience).toBe("staff");
    }
  });

  it("ends a staff session after 30 idle minutes, an applicant's after 2 hours", () => {
    expect(useAt(clerk, [minutes(29)]).live).toBe(true);
    expect(useAt(clerk, [minutes(30)])).toEqual({ live: false, reason: "idle" });
    expect(useAt(citizen, [minutes(119)]).live).toBe(true);
    expect(useAt(citizen, [minutes(120)])).toEqual({ live: false, reason: "idle" });
  });

  it("counts each use as activity, so a session in use stays open", () => {
    const verdict = useAt(clerk, [minutes(20), minutes(45), minutes(70), minutes(95)]);
    expect(verdict).toMatchObject({ live: true, claims: { activeAt: minutes(95).getTime() / 1000 } });
  });

  it("ends every session 12 hours after sign-in however busy it is", () => {
    const everyTwentyMinutes = Array.from({ length: 36 }, (_, i) => minutes(20 * (i + 1)));
    expect(everyTwentyMinutes.at(-1)).toEqual(minutes(720));
    expect(useAt(citizen, everyTwentyMinutes.slice(0, -1)).live).toBe(true);
    expect(useAt(citizen, everyTwentyMinutes)).toEqual({ live: false, reason: "expired" });
  });

  it("refuses a cookie without these claims (one issued before they existed) or with bad ones", () => {
    expect(continueSession({ token: { sub: "u1", name: "x" }, now: signIn, limits })).toEqual({ live: false, reason: "malformed" });
    expect(continueSession({ token: { ...clerk, audience: "root" }, now: signIn, limits })).toEqual({ live: false, reason: "malformed" });
    expect(continueSession({ token: null, now: signIn, limits })).toEqual({ live: false, reason: "malformed" });
  });

  it("takes the limits from the settings", () => {
    const short = sessionLimitsOf({ SESSION_MAX_HOURS: 1, SESSION_IDLE_MINUTES_STAFF: 5, SESSION_IDLE_MINUTES_APPLICANT: 10 });
    expect(short).toEqual({ maxAgeSeconds: 3600, idleSeconds: { staff: 300, applicant: 600 } });
    expect(continueSession({ token: clerk, now: minutes(5), limits: short })).toEqual({ live: false, reason: "idle" });
  });
});
