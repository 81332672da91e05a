/**
 * Hostile input never answers 500 and never writes: every server action and every route handler of app/ is driven by
 * fast-check with hostile values (server/testing/hostile-values.ts) in its bound arguments, its state, its form
 * fields, its address and its language cookie — as someone the action is for, on their own record, so the values get
 * past the access check and into the use case. Each call runs in a rolled-back transaction (server/testing/
 * call-action.ts). A call may end in a redirect, 403/404, an error on the form or success; it may not throw anything
 * else (Next would answer 500), a route handler may not answer 5xx, and a call that did not succeed may not write
 * (beyond what the action keeps on purpose: a wizard page saves what was typed).
 *
 * 10,000 runs in all, shared by the targets, within a time budget (FUZZ_BUDGET_SECONDS, default 110) so `npm test`
 * stays bounded on a slow machine; the summary prints how many ran. FUZZ_SEED replays a failure's seed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("@/server/testing/call-action")).nextCacheStub);
vi.mock("next/headers", async () => (await import("@/server/testing/call-action")).nextHeadersStub);
vi.mock("next-intl/server", async (original) => (await import("@/server/testing/call-action")).nextIntlStub(await original()));
vi.mock("@/server/auth/session", async (original) => (await import("@/server/testing/call-action")).sessionStub(await original()));

import fc from "fast-check";
import { NextRequest } from "next/server";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as healthRoute from "@/app/api/health/route";
import * as regionsRoute from "@/app/api/regions/route";
import * as tooLargeRoute from "@/app/request-too-large/route";
import * as keysRoute from "@/app/api/v1/licences/keys/route";
import * as checkpointsRoute from "@/app/api/v1/audit/checkpoints/route";
import * as displayRoute from "@/app/display/route";
import * as languageRoute from "@/app/language/route";
import * as receiptRoute from "@/app/me/cases/[number]/receipt/route";
import * as myDataRoute from "@/app/me/data/route";
import * as caseDocumentRoute from "@/app/me/cases/[number]/documents/[documentId]/route";
import * as taskDocumentRoute from "@/app/desk/tasks/[id]/documents/[documentId]/route";
import * as counterReceiptRoute from "@/app/counter/cases/[number]/receipt/route";
import * as supervisionExportRoute from "@/app/supervise/export/route";
import * as openDataRoute from "@/app/statistics/data/[file]/route";
import * as licencePdfRoute from "@/app/me/licences/[id]/pdf/route";
import * as caseMaterialRoute from "@/app/me/cases/[number]/materials/[fileId]/route";
import * as draftMaterialRoute from "@/app/me/drafts/[draft]/materials/[fileId]/route";
import * as taskLicenceRoute from "@/app/desk/tasks/[id]/licences/[licenceId]/route";
import * as taskMaterialRoute from "@/app/desk/tasks/[id]/materials/[fileId]/route";
import { testDatabaseKinds } from "@/db/testing";
import { openAccessWorld, type TAccessUsername, type TAccessWorld } from "@/server/testing/access-world";
import { actionTrials, callTrial, ownerOf, type TActionInput, type TActionTrial } from "@/server/testing/action-trials";
import { listAppEntries } from "@/server/testing/app-routes";
import { callAs, isServerError, useTestDatabase, type TCallResult, type TOutcome } from "@/server/testing/call-action";
import { describeValue, extraFields, hostileAnything, hostileField, hostileFor, hostileText, type TPostedValue } from "@/server/testing/hostile-values";
import { appActionOf } from "./app-actions";

const totalRuns = 10_000;
const budgetMs = Number(process.env.FUZZ_BUDGET_SECONDS ?? 110) * 1000;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type TRecords = TAccessWorld["records"];
type TParams = Record<string, string | string[]>;

/** How to call a route handler: the address and body a client sends, and who sends it. */
type THandlerTrial = {
  // A method, so each handler's own params type fits (handlers are called with hostile params on purpose).
  handler(request: NextRequest, context: { params: Promise<TParams> }): unknown;
  /** The path for these route parameters (route handlers of dynamic routes also get them as `params`). */
  path: (params: TParams) => string;
  params?: (records: TRecords) => TParams;
  query?: (records: TRecords) => Record<string, string>;
  /** A form-encoded body (POST). */
  body?: (records: TRecords) => Record<string, string>;
  actor: TAccessUsername | null;
  /** Runs cost differently (a PDF, a password hash): a share of the runs relative to 1. */
  weight?: number;
};

/**
 * Lone surrogates replaced, as a URL's UTF-8 would carry them: Next decodes route parameters from the address, which
 * never yields one (encodeURIComponent would throw on them, too). Bound action arguments travel as JSON and may.
 */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
const segment = (value: unknown) => encodeURIComponent(wellFormed(String(value)));

const handlerTrials: Record<string, THandlerTrial> = {
  "GET /api/health": { handler: healthRoute.GET, path: () => "/api/health", query: () => ({ verbose: "1" }), actor: null },
  "GET /api/regions": { handler: regionsRoute.GET, path: () => "/api/regions", query: () => ({ parent: "310000", locale: "en" }), actor: null },
  "GET /api/v1/licences/keys": { handler: keysRoute.GET, path: () => "/api/v1/licences/keys", actor: null },
  "GET /api/v1/audit/checkpoints": { handler: checkpointsRoute.GET, path: () => "/api/v1/audit/checkpoints", query: () => ({ after: "0", limit: "10" }), actor: null },
  "GET /language": { handler: languageRoute.GET, path: () => "/language", query: () => ({ locale: "en", next: "/services" }), actor: null },
  "GET /request-too-large": { handler: tooLargeRoute.GET, path: () => "/request-too-large", query: () => ({ back: "/apply/HRSS-PROOF" }), actor: null },
  "GET /display": { handler: displayRoute.GET, path: () => "/display", query: () => ({ mode: "elder", next: "/services" }), actor: null },
  "GET /api/auth/[...nextauth]": {
    handler: nextAuthRoute.GET,
    path: ({ nextauth }) => `/api/auth/${[nextauth].flat().map(segment).join("/")}`,
    params: () => ({ nextauth: ["session"] }),
    query: () => ({ callbackUrl: "/me" }),
    actor: null,
  },
  "POST /api/auth/[...nextauth]": {
    handler: nextAuthRoute.POST,
    path: ({ nextauth }) => `/api/auth/${[nextauth].flat().map(segment).join("/")}`,
    params: () => ({ nextauth: ["callback", "credentials"] }),
    body: () => ({ username: "citizen", password: "not-the-password", csrfToken: "x", callbackUrl: "/me" }),
    actor: null,
    weight: 0.3,
  },
  "GET /counter/cases/[number]/receipt": {
    handler: counterReceiptRoute.GET,
    path: ({ number }) => `/counter/cases/${segment(number)}/receipt`,
    params: ({ counter }) => ({ number: counter.filedCase }),
    actor: "counter",
    weight: 0.3,
  },
  "GET /me/cases/[number]/receipt": {
    handler: receiptRoute.GET,
    path: ({ number }) => `/me/cases/${segment(number)}/receipt`,
    params: ({ openCase }) => ({ number: openCase.caseNumber }),
    actor: "enterprise",
    weight: 0.5,
  },
  "GET /me/data": { handler: myDataRoute.GET, path: () => "/me/data", actor: "enterprise", weight: 0.5 },
  "GET /me/cases/[number]/documents/[documentId]": {
    handler: caseDocumentRoute.GET,
    path: ({ number, documentId }) => `/me/cases/${segment(number)}/documents/${segment(documentId)}`,
    params: ({ openCase }) => ({ number: openCase.caseNumber, documentId: openCase.documentId }),
    actor: "enterprise",
    weight: 0.5,
  },
  "GET /desk/tasks/[id]/documents/[documentId]": {
    handler: taskDocumentRoute.GET,
    path: ({ id, documentId }) => `/desk/tasks/${segment(id)}/documents/${segment(documentId)}`,
    params: ({ openCase }) => ({ id: openCase.claimedTask.id, documentId: openCase.documentId }),
    actor: "clerk-amr",
    weight: 0.5,
  },
  "GET /supervise/export": {
    handler: supervisionExportRoute.GET,
    path: () => "/supervise/export",
    query: () => ({ table: "services", from: "2026-01-01", to: "2026-12-31" }),
    actor: "supervisor",
  },
  "GET /statistics/data/[file]": {
    handler: openDataRoute.GET,
    path: ({ file }) => `/statistics/data/${segment(file)}`,
    params: () => ({ file: "services.csv" }),
    query: () => ({ period: "year" }),
    actor: null,
  },
  "GET /me/licences/[id]/pdf": {
    handler: licencePdfRoute.GET,
    path: ({ id }) => `/me/licences/${segment(id)}/pdf`,
    params: ({ licence }) => ({ id: licence.id }),
    actor: "enterprise",
    weight: 0.5,
  },
  "GET /me/cases/[number]/materials/[fileId]": {
    handler: caseMaterialRoute.GET,
    path: ({ number, fileId }) => `/me/cases/${segment(number)}/materials/${segment(fileId)}`,
    params: ({ openCase }) => ({ number: openCase.caseNumber, fileId: openCase.fileId }),
    actor: "enterprise",
  },
  "GET /me/drafts/[draft]/materials/[fileId]": {
    handler: draftMaterialRoute.GET,
    path: ({ draft, fileId }) => `/me/drafts/${segment(draft)}/materials/${segment(fileId)}`,
    params: ({ draft }) => ({ draft: draft.draftId, fileId: draft.fileId }),
    actor: "citizen",
  },
  "GET /desk/tasks/[id]/materials/[fileId]": {
    handler: taskMaterialRoute.GET,
    path: ({ id, fileId }) => `/desk/tasks/${segment(id)}/materials/${segment(fileId)}`,
    params: ({ openCase }) => ({ id: openCase.claimedTask.id, fileId: openCase.fileId }),
    actor: "clerk-amr",
  },
  "GET /desk/tasks/[id]/licences/[licenceId]": {
    handler: taskLicenceRoute.GET,
    path: ({ id, licenceId }) => `/desk/tasks/${segment(id)}/licences/${segment(licenceId)}`,
    params: ({ openCase }) => ({ id: openCase.claimedTask.id, licenceId: openCase.licenceId }),
    actor: "clerk-amr",
    weight: 0.5,
  },
};

// Signing in hashes a password (on purpose slow); spend fewer runs there.
const actionWeights: Record<string, number> = { "/login#signInAction": 0.3 };

/** A hostile version of what an action's page would send; now and then a FormData that is not one at all. */
function hostileActionInput(trial: TActionTrial, records: TRecords): fc.Arbitrary<TActionInput> {
  const bound = fc.tuple(...(trial.bound?.(records) ?? []).map((valid) => fc.oneof(fc.constant(valid), hostileAnything(valid))));
  const state = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileAnything() });
  const validFields = trial.fields?.(records);
  const posted = validFields
    ? fc
        .tuple(fc.record(Object.fromEntries(Object.entries(validFields).map(([name, valid]) => [name, fc.oneof({ weight: 1, arbitrary: fc.constant<TPostedValue>(valid as string | string[]) }, { weight: 2, arbitrary: hostileField(valid) })]))), extraFields)
        .map(([fields, extra]): unknown => toFormData({ ...fields, ...extra }))
    : fc.constant(undefined);
  // Now and then no FormData at all where one is expected (a forged call to the action's endpoint).
  const formData = fc.oneof({ weight: 12, arbitrary: posted }, { weight: 1, arbitrary: hostileAnything() });
  return fc.record({ bound, state, formData });
}

function toFormData(fields: Record<string, TPostedValue>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of value === undefined ? [] : Array.isArray(value) ? value : [value]) formData.append(name, item);
  }
  return formData;
}

type THandlerInput = { params: TParams; query: Record<string, string>; body: Record<string, string> | undefined; cookies: Record<string, string>; headers: Record<string, string> };

/** Header values must be Latin-1 without CR, LF or NUL, or no client could send them. */
const headerSafe = (value: string) => value.slice(0, 8000).replace(/[^\u0020-\u007e\u0080-\u00ff]/g, "");
/** Node refuses a request line or headers over 16 kB (431) before Next sees them: longer values cannot arrive. */
const urlSized = (value: string) => value.slice(0, 16_000);

function hostileHandlerInput(trial: THandlerTrial, records: TRecords): fc.Arbitrary<THandlerInput> {
  const hostileRecord = (valid: Record<string, string>) =>
    fc
      .tuple(fc.record(Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, fc.option(hostileFor(value).map(urlSized), { nil: undefined, freq: 6 })]))), fc.dictionary(hostileText.map(urlSized), hostileText.map(urlSized), { maxKeys: 2 }))
      .map(([known, extra]) => Object.fromEntries(Object.entries({ ...known, ...extra }).filter((entry): entry is [string, string] => entry[1] !== undefined)));
  const params = fc.record(
    Object.fromEntries(
      Object.entries(trial.params?.(records) ?? {}).map(([name, valid]) => [
        name,
        Array.isArray(valid) ? fc.oneof(fc.constant(valid), fc.array(hostileText, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...valid, "..", "", "signin", "callback", "signout", "csrf", "providers", "error", "verify-request", "webauthn-options"), { minLength: 1, maxLength: 4 })) : hostileFor(valid),
      ]),
    ),
  ).map((values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.map((each) => wellFormed(urlSized(each))) : wellFormed(urlSized(value))]))) as fc.Arbitrary<TParams>;
  return fc.record({
    params,
    query: hostileRecord(trial.query?.(records) ?? {}),
    body: trial.body ? hostileRecord(trial.body(records)) : fc.constant(undefined),
    cookies: fc.record({ NEXT_LOCALE: hostileFor("en").map(headerSafe), "onedoor-display": hostileFor("elder").map(headerSafe) }, { requiredKeys: [] }),
    headers: fc.record({ "accept-language": hostileFor("zh-CN,zh;q=0.9").map(headerSafe), referer: hostileFor("http://localhost:3000/me").map(headerSafe) }, { requiredKeys: [] }),
  });
}

function callHandler(trial: THandlerTrial, input: THandlerInput) {
  const url = new URL(`http://localhost:3000${trial.path(input.params)}`);
  for (const [name, value] of Object.entries(input.query)) url.searchParams.append(name, value);
  const cookie = Object.entries(input.cookies).map(([name, value]) => `${name}=${value}`).join("; ");
  const headers = new Headers({ ...input.headers, ...(cookie ? { cookie } : {}), ...(input.body ? { "content-type": "application/x-www-form-urlencoded" } : {}) });
  const body = input.body ? new URLSearchParams(Object.entries(input.body)).toString() : undefined;
  const request = new NextRequest(url, { method: input.body ? "POST" : "GET", headers, body });
  return trial.handler(request, { params: Promise.resolve(input.params) });
}

function describeOutcome(outcome: TOutcome): string {
  if (outcome.kind === "error") {
    const error = outcome.error as Error;
    const cause = error?.cause instanceof Error ? `\n    caused by ${error.cause.message.slice(0, 500)}` : "";
    return `threw ${error?.stack?.split("\n").slice(0, 6).join("\n    ") ?? String(outcome.error)}${cause}`;
  }
  if (outcome.kind === "redirect") return `redirect ${outcome.location.slice(0, 200)}`;
  if (outcome.kind === "http-error") return `HTTP ${outcome.status}`;
  if (outcome.value instanceof Response) return `Response ${outcome.value.status}`;
  return `returned ${describeValue(outcome.value).slice(0, 300)}`;
}

/** What must never happen: a 500, or a write by a call that did not do what was asked. */
function problemWith(result: TCallResult, mayWrite: (result: TCallResult) => boolean, writesAnyway: readonly string[] = []): string | null {
  if (isServerError(result.outcome)) return `answered 500: ${describeOutcome(result.outcome)}`;
  const writes = result.writes.filter((table) => !writesAnyway.includes(table));
  if (writes.length > 0 && !mayWrite(result)) return `wrote to ${writes.join(", ")} though it did not succeed (${describeOutcome(result.outcome)})`;
  return null;
}

const entries = listAppEntries();
const targets = [
  ...entries.flatMap((entry) => (entry.kind === "action" ? [{ key: `${entry.route}#${entry.name}`, kind: "action" as const }] : [])),
  ...entries.flatMap((entry) => (entry.kind === "handler" ? [{ key: `${entry.method} ${entry.route}`, kind: "handler" as const }] : [])),
];
const weightOf = (target: (typeof targets)[number]) => (target.kind === "action" ? (actionWeights[target.key] ?? 1) : (handlerTrials[target.key]?.weight ?? 1));
const totalWeight = testDatabaseKinds.length * targets.reduce((sum, target) => sum + weightOf(target), 0);

/** Each target's runs on each database, by weight, rounded so that they add up to exactly `totalRuns`. */
const runsOf = new Map<string, number>();
let weightSoFar = 0;
for (const kind of testDatabaseKinds) {
  for (const target of targets) {
    const before = Math.round((totalRuns * weightSoFar) / totalWeight);
    weightSoFar += weightOf(target);
    runsOf.set(`${kind} ${target.key}`, Math.round((totalRuns * weightSoFar) / totalWeight) - before);
  }
}

describe("hostile input", () => {
  it("has a way to call every server action and route handler", () => {
    const missing = targets.filter((target) => (target.kind === "action" ? !actionTrials[target.key] : !handlerTrials[target.key])).map((target) => target.key);
    expect(missing, "add a trial: actions to actionTrials in server/testing/action-trials.ts, route handlers to handlerTrials here").toEqual([]);
  });

  const summary = { runs: 0, startedAt: Date.now(), remainingWeight: totalWeight };
  afterAll(() => {
    console.log(`hostile input: ${summary.runs} of ${totalRuns} runs in ${((Date.now() - summary.startedAt) / 1000).toFixed(1)} s`);
  });

  describe.each(testDatabaseKinds)("on %s", (kind) => {
    let world: TAccessWorld;
    beforeAll(async () => {
      // Auth.js reports each refused request (unknown action, missing CSRF token) on the console: thousands here.
      vi.spyOn(console, "error").mockImplementation(() => {});
      world = await openAccessWorld(kind);
      useTestDatabase(world);
      summary.startedAt = Math.min(summary.startedAt, Date.now());
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await world?.drop();
    });

    it.each(targets.map((target) => [target.key, target] as const))("%s: no 500, no write", async (_key, target) => {
      // This target's runs, and the time left but what the targets after it need at least (by their weight, at most
      // half of what is left): a slow target (a PDF) may take longer than its share, and the file keeps to its budget.
      const weight = weightOf(target);
      summary.remainingWeight -= weight;
      const numRuns = Math.max(1, runsOf.get(`${kind} ${target.key}`)!);
      const left = budgetMs - (Date.now() - summary.startedAt);
      const timeLimit = Math.max(500, left - Math.min(left / 2, summary.remainingWeight * 1500));

      let runs = 0;
      let property;
      if (target.kind === "action") {
        const trial = actionTrials[target.key];
        const [route, name] = target.key.split("#");
        const action = appActionOf(route, name)!;
        const owner = ownerOf(trial);
        const actor = owner ? world.actors[owner] : null;
        property = fc.asyncProperty(hostileActionInput(trial, world.records), async (input) => {
          runs += 1;
          const result = await callAs(world, actor, () => callTrial(action, trial, input));
          const problem = problemWith(result, trial.succeeded, trial.writesAnyway);
          if (problem) throw new Error(`${problem}\n  as ${owner ?? "nobody"} with bound ${describeValue(input.bound)}, state ${describeValue(input.state)}, ${describeValue(input.formData)}`);
        });
      } else {
        const trial = handlerTrials[target.key];
        const actor = trial.actor ? world.actors[trial.actor] : null;
        property = fc.asyncProperty(hostileHandlerInput(trial, world.records), async (input) => {
          runs += 1;
          const result = await callAs(world, actor, async () => callHandler(trial, input), { cookies: input.cookies, headers: input.headers });
          // A GET answered 2xx may record that it was read (an audit of personal data); nothing else may write.
          const problem = problemWith(result, (done) => done.outcome.kind === "returned" && done.outcome.value instanceof Response && done.outcome.value.ok);
          if (problem) throw new Error(`${problem}\n  as ${trial.actor ?? "nobody"} with ${describeValue(input)}`);
        });
      }
      const details = await fc.check(property, { numRuns, seed, plugins: [fc.interruptAfterTimeLimit(timeLimit)], endOnFailure: true });
      summary.runs += runs;
      if (details.failed) {
        const error = details.errorInstance as Error | undefined;
        expect.fail(`${target.key} (seed ${details.seed}): ${error?.message ?? String(details.errorInstance)}`);
      }
    }, budgetMs + 60_000);
  });
});
