/**
 * The access policy, held to account: every page, route handler and server action in app/ has an entry
 * (server/auth/access-policy.ts), and every server action, tried on a real record as nobody, as each role, as the
 * record's owner and as its neighbours (another applicant, another company's staff, another department's clerk or
 * supervisor, a colleague who has not claimed the task), answers what the policy says: the owner gets through, a
 * stranger is refused without a write, the wrong role gets 403 and nobody is sent to sign in. Pages and route
 * handlers are tried over HTTP by e2e/authorization.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("@/server/testing/call-action")).nextCacheStub);
vi.mock("next/headers", async () => (await import("@/server/testing/call-action")).nextHeadersStub);
vi.mock("next-intl/server", async (original) => (await import("@/server/testing/call-action")).nextIntlStub(await original()));
vi.mock("@/server/auth/session", async (original) => (await import("@/server/testing/call-action")).sessionStub(await original()));

import path from "node:path";
import { testDatabaseKinds } from "@/db/testing";
import { accessUsernames, openAccessWorld, type TAccessUsername, type TAccessWorld } from "@/server/testing/access-world";
import { actionTrials, callTrial, validInput, type TActionTrial } from "@/server/testing/action-trials";
import { listAppEntries } from "@/server/testing/app-routes";
import { callAs, useTestDatabase, type TCallResult } from "@/server/testing/call-action";
import { accessPolicy, audienceAdmits, routeAccess, type TAccessRule, type THttpMethod } from "@/server/auth/access-policy";
import { appActionOf } from "./app-actions";

type TAnswer = "allowed" | "sign-in" | "forbidden" | "refused";

/** What the policy says this person gets from this action on the trial's record. */
function expectedAnswer(rule: TAccessRule, username: TAccessUsername | null, world: TAccessWorld, trial: TActionTrial): TAnswer {
  if (!audienceAdmits(rule.who, username ? world.actors[username].role : null)) return username ? "forbidden" : "sign-in";
  if (rule.record === "none" || !username) return "allowed";
  if (!trial.insiders) throw new Error(`a trial of a "${rule.record}" action must name who the record belongs to (insiders)`);
  return trial.insiders.includes(username) ? "allowed" : "refused";
}

/** Whether the call answered as expected; else what was wrong, in words. */
function judge(expected: TAnswer, result: TCallResult, trial: TActionTrial): string | null {
  const { outcome, writes } = result;
  if (outcome.kind === "error") return `threw ${String((outcome.error as Error)?.stack ?? outcome.error)}`;
  if (expected === "allowed") return trial.succeeded(result) ? null : "was refused";
  if (writes.length > 0) return `wrote to ${writes.join(", ")}`;
  if (trial.succeeded(result)) return "got through";
  if (expected === "forbidden") return outcome.kind === "http-error" && outcome.status === 403 ? null : "was not answered 403";
  // Every action answers nobody alike (server/http/define-action.ts); app/_testing/action-wrapper.test.ts holds the details.
  if (expected === "sign-in") return outcome.kind === "redirect" && /^\/login(\?|$)/.test(outcome.location) ? null : "was not sent to sign in";
  return null;
}

function describeOutcome(result: TCallResult) {
  const { outcome } = result;
  const shown = outcome.kind === "redirect" ? `redirect ${outcome.location}` : outcome.kind === "http-error" ? `HTTP ${outcome.status}` : outcome.kind === "returned" ? `returned ${JSON.stringify(outcome.value)?.slice(0, 200)}` : "error";
  return `${shown}${result.writes.length ? `, wrote ${result.writes.join(", ")}` : ""}`;
}

describe("the access policy", () => {
  const entries = listAppEntries();

  it("has an entry for every page, route handler and server action in app/", () => {
    const missing = entries.flatMap((entry) => {
      const access = routeAccess(entry.route);
      if (entry.kind === "page" && !access?.page) return [`"${entry.route}": { page: { who: …, record: … } }   (${entry.file})`];
      if (entry.kind === "handler" && !access?.handler?.[entry.method]) return [`"${entry.route}": { handler: { ${entry.method}: { who: …, record: … } } }   (${entry.file})`];
      if (entry.kind === "action" && !access?.actions?.[entry.name]) return [`"${entry.route}": { actions: { ${entry.name}: { who: …, record: … } } }   (${entry.file})`];
      return [];
    });
    expect(missing, `add these to accessPolicy in server/auth/access-policy.ts (who may use each, and which record rule applies):\n${missing.join("\n")}`).toEqual([]);
  });

  it("has no entry for a page, route handler or action that no longer exists", () => {
    const stale = Object.entries(accessPolicy).flatMap(([route, access]) => [
      ...("page" in access && !entries.some((entry) => entry.kind === "page" && entry.route === route) ? [`${route} (page)`] : []),
      ...Object.keys("handler" in access ? access.handler : {})
        .filter((method) => !entries.some((entry) => entry.kind === "handler" && entry.route === route && entry.method === (method as THttpMethod)))
        .map((method) => `${method} ${route}`),
      ...Object.keys("actions" in access ? access.actions : {})
        .filter((name) => !entries.some((entry) => entry.kind === "action" && entry.route === route && entry.name === name))
        .map((name) => `${route} ${name}`),
    ]);
    expect(stale, "remove these from accessPolicy in server/auth/access-policy.ts").toEqual([]);
  });

  it("finds every function an action file exports (so none escapes these tests)", async () => {
    for (const file of new Set(entries.filter((entry) => entry.kind === "action").map((entry) => entry.file))) {
      const exported = Object.entries(await import(/* @vite-ignore */ path.resolve(file)))
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name);
      const listed = entries.filter((entry) => entry.kind === "action" && entry.file === file).map((entry) => (entry.kind === "action" ? entry.name : ""));
      expect(listed.sort(), file).toEqual(exported.sort());
    }
  });

  it("has a trial and the action itself for every server action", () => {
    const untried = entries.filter((entry) => entry.kind === "action" && !actionTrials[`${entry.route}#${entry.name}`]).map((entry) => (entry.kind === "action" ? `"${entry.route}#${entry.name}"` : ""));
    expect(untried, "add a trial to actionTrials in server/testing/action-trials.ts: how the record's owner calls it, and what success looks like").toEqual([]);
    const unlisted = entries.filter((entry) => entry.kind === "action" && !appActionOf(entry.route, entry.name)).map((entry) => entry.file);
    expect(unlisted, "add the actions file to app/_testing/app-actions.ts").toEqual([]);
  });

  describe.each(testDatabaseKinds)("every server action on %s", (kind) => {
    let world: TAccessWorld;
    beforeAll(async () => {
      world = await openAccessWorld(kind);
      useTestDatabase(world);
    });
    afterAll(async () => {
      await world?.drop();
    });

    const actions = entries.flatMap((entry) => (entry.kind === "action" ? [entry] : []));
    it.each(actions.map((entry) => [`${entry.route} ${entry.name}`, entry] as const))("%s answers each person as the policy says", async (_name, entry) => {
      const rule = routeAccess(entry.route)!.actions![entry.name];
      const trial = actionTrials[`${entry.route}#${entry.name}`];
      const wrong: string[] = [];
      for (const username of [null, ...accessUsernames]) {
        const expected = expectedAnswer(rule, username, world, trial);
        const result = await callAs(world, username ? world.actors[username] : null, () => callTrial(appActionOf(entry.route, entry.name)!, trial, validInput(trial, world.records)));
        const problem = judge(expected, result, trial);
        if (problem) wrong.push(`${username ?? "anonymous"} (expected ${expected}): ${problem} — ${describeOutcome(result)}`);
      }
      expect(wrong, `${entry.name} (${entry.file}) with policy ${JSON.stringify(rule)}`).toEqual([]);
    });
  });
});
