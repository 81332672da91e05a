/**
 * Every server action of app/ goes through the one wrapper (server/http/define-action.ts), and so answers alike:
 * nobody signed in is sent to /login, coming back to the page the post came from, whatever was posted; a malformed
 * post is refused with a validation code (`invalid:…`), not an unrelated one, and writes nothing; and every code an
 * action can answer has a message in every language.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("@/server/testing/call-action")).nextCacheStub);
vi.mock("next/headers", async () => (await import("@/server/testing/call-action")).nextHeadersStub);
vi.mock("next-intl/server", async (original) => (await import("@/server/testing/call-action")).nextIntlStub(await original()));
vi.mock("@/server/auth/session", async (original) => (await import("@/server/testing/call-action")).sessionStub(await original()));

import path from "node:path";
import { testDatabaseKinds } from "@/db/testing";
import { locales } from "@/lib/i18n/locales";
import { routeAccess } from "@/server/auth/access-policy";
import { errorCodes } from "@/server/errors";
import { definedActionOf } from "@/server/http/define-action";
import { openAccessWorld, type TAccessWorld } from "@/server/testing/access-world";
import { actionTrials, callTrial, ownerOf, validInput, type TActionInput, type TActionTrial } from "@/server/testing/action-trials";
import { listAppEntries } from "@/server/testing/app-routes";
import { callAs, useTestDatabase, type TCallResult, type TOutcome } from "@/server/testing/call-action";
import { appActionOf } from "./app-actions";

const actions = listAppEntries().flatMap((entry) => (entry.kind === "action" ? [entry] : []));
const signedIn = actions.filter((entry) => routeAccess(entry.route)!.actions![entry.name].who !== "anyone");

/** A post no page of this site sends: each bound argument not of its kind, and no form at all where one goes. */
function malformedInput(trial: TActionTrial, world: TAccessWorld): TActionInput {
  const valid = validInput(trial, world.records);
  return { bound: valid.bound.map(() => "../not-one\u0000"), state: {}, formData: trial.fields ? "not a form" : undefined };
}

/** The code an answer carries: a form's state, or a redirect's `?error=`. */
function codeOf(outcome: TOutcome): string | undefined {
  if (outcome.kind === "redirect") return new URL(outcome.location, "http://localhost").searchParams.get("error") ?? undefined;
  if (outcome.kind === "returned" && outcome.value && typeof outcome.value === "object") {
    const state = outcome.value as { error?: unknown; formError?: unknown };
    const code = state.error ?? state.formError;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

const shown = ({ outcome, writes }: TCallResult) =>
  `${outcome.kind === "redirect" ? `redirect ${outcome.location}` : outcome.kind === "returned" ? `returned ${JSON.stringify(outcome.value)}` : outcome.kind === "http-error" ? `HTTP ${outcome.status}` : `threw ${String(outcome.error)}`}${writes.length ? `, wrote ${writes.join(", ")}` : ""}`;

describe("the action wrapper", () => {
  it("makes every server action of app/, for its own entry of the access policy", async () => {
    const wrong: string[] = [];
    for (const entry of actions) {
      const exported = (await import(/* @vite-ignore */ path.resolve(entry.file)))[entry.name];
      const made = definedActionOf(exported);
      if (!made) wrong.push(`${entry.file} ${entry.name} is not made with defineAction (server/http/define-action.ts)`);
      else if (made.route !== entry.route || made.name !== entry.name) wrong.push(`${entry.file} ${entry.name} is made for ${made.route} ${made.name}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers with codes that have a message in every language", async () => {
    for (const locale of locales) {
      const messages = (await import(`@/messages/${locale}.json`)).default as { errors: Record<string, string> };
      expect(errorCodes.filter((code) => !messages.errors[code]), locale).toEqual([]);
    }
  });

  describe.each(testDatabaseKinds)("on %s", (kind) => {
    let world: TAccessWorld;
    beforeAll(async () => {
      world = await openAccessWorld(kind);
      useTestDatabase(world);
    });
    afterAll(async () => {
      await world?.drop();
    });

    it.each(signedIn.map((entry) => [`${entry.route} ${entry.name}`, entry] as const))("%s sends nobody to sign in, whatever was posted", async (_name, entry) => {
      const trial = actionTrials[`${entry.route}#${entry.name}`];
      const action = appActionOf(entry.route, entry.name)!;
      const call = (input: TActionInput, headers?: Record<string, string>) => callAs(world, null, () => callTrial(action, trial, input), { headers });
      const answers = [
        // From a page of this site: back to it after signing in.
        [await call(validInput(trial, world.records), { referer: "http://localhost:3000/from/here?page=2" }), "/login?callbackUrl=%2Ffrom%2Fhere%3Fpage%3D2"],
        [await call(malformedInput(trial, world), { referer: "http://localhost:3000/from/here?page=2" }), "/login?callbackUrl=%2Ffrom%2Fhere%3Fpage%3D2"],
        // Only the path of what a Referer says is kept: sign-in never leads to another site.
        [await call(validInput(trial, world.records), { referer: "https://evil.example/steal" }), "/login?callbackUrl=%2Fsteal"],
        // No Referer (a program, a browser told not to send one): sign in, then the person's own start page.
        [await call(validInput(trial, world.records)), "/login"],
      ] as const;
      for (const [result, location] of answers) {
        expect(result.outcome, shown(result)).toEqual({ kind: "redirect", location });
        expect(result.writes).toEqual([]);
      }
    });

    const withInput = actions.filter((entry) => {
      const trial = actionTrials[`${entry.route}#${entry.name}`];
      return trial?.fields || trial?.bound;
    });
    it.each(withInput.map((entry) => [`${entry.route} ${entry.name}`, entry] as const))("%s refuses a malformed post with a validation code and writes nothing", async (_name, entry) => {
      const trial = actionTrials[`${entry.route}#${entry.name}`];
      const owner = ownerOf(trial);
      const result = await callAs(world, owner ? world.actors[owner] : null, () => callTrial(appActionOf(entry.route, entry.name)!, trial, malformedInput(trial, world)));
      expect(codeOf(result.outcome), shown(result)).toMatch(/^invalid:/);
      expect(result.writes, shown(result)).toEqual([]);
    });
  });
});
