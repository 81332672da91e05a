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
import * as calendarActions from "@/app/admin/calendar/actions";
import * as formActions from "@/app/admin/forms/[subjectType]/[code]/actions";
import * as applyActions from "@/app/apply/[code]/actions";
import * as deskActions from "@/app/desk/actions";
import * as followUpActions from "@/app/desk/follow-ups/[id]/actions";
import * as licenceActions from "@/app/desk/licences/[id]/actions";
import * as taskActions from "@/app/desk/tasks/[id]/actions";
import * as loginActions from "@/app/login/actions";
import * as caseActions from "@/app/me/cases/[number]/actions";
import * as supplementActions from "@/app/me/cases/[number]/supplements/[request]/actions";
import * as inboxActions from "@/app/me/inbox/actions";
import * as superviseActions from "@/app/supervise/actions";
import { testDatabaseKinds } from "@/db/testing";
import { DEMO_PASSWORD } from "@/db/seed/factories";
import { accessUsernames, openAccessWorld, type TAccessUsername, type TAccessWorld } from "@/server/testing/access-world";
import { listAppEntries } from "@/server/testing/app-routes";
import { callAs, formDataOf, useTestDatabase, type TCallResult } from "@/server/testing/call-action";
import { accessPolicy, audienceAdmits, routeAccess, type TAccessRule, type THttpMethod } from "./access-policy";

/**
 * How to try one action on its record: the call as the owner would make it, the people the record belongs to (for a
 * rule other than "none"), and how its success looks (a refusal must not look like that).
 */
type TTrial = {
  insiders?: readonly TAccessUsername[];
  call: (world: TAccessWorld) => Promise<unknown>;
  succeeded: (result: TCallResult) => boolean;
};

const redirectsTo = (pattern: RegExp) => (result: TCallResult) => result.outcome.kind === "redirect" && pattern.test(result.outcome.location);
const company = ["enterprise", "agent"] as const;

const trials: Record<string, TTrial> = {
  "/login#signInAction": {
    call: () => loginActions.signInAction({}, formDataOf({ username: "citizen", password: DEMO_PASSWORD })),
    succeeded: redirectsTo(/^\/me$/),
  },
  "/login#signOutAction": { call: () => loginActions.signOutAction(), succeeded: redirectsTo(/^\/$/) },

  "/apply/[code]#startDraftAction": {
    insiders: ["citizen", "citizen2"],
    call: ({ records }) => applyActions.startDraftAction(records.draft.subjectCode, formDataOf({})),
    succeeded: redirectsTo(/^\/apply\/HRSS-PROOF\/[0-9a-f-]{36}\/\w+$/),
  },
  "/apply/[code]#saveDraftPageAction": {
    insiders: ["citizen"],
    call: ({ records: { draft } }) => applyActions.saveDraftPageAction(draft.subjectCode, draft.draftId, draft.pageKey, {}, formDataOf({ ...draft.answers, intent: "next" })),
    succeeded: (result) => redirectsTo(/^\/apply\/HRSS-PROOF\/[0-9a-f-]{36}\/\w+$/)(result) && result.writes.includes("drafts"),
  },
  "/apply/[code]#submitDraftAction": {
    insiders: ["citizen"],
    call: ({ records: { draft } }) => applyActions.submitDraftAction(draft.subjectCode, draft.draftId, {}, formDataOf({ idempotencyKey: draft.idempotencyKey })),
    succeeded: redirectsTo(/^\/me\/cases\/[^/?]+\?submitted=1$/),
  },
  "/apply/[code]#deleteDraftAction": {
    insiders: ["citizen"],
    call: ({ records }) => applyActions.deleteDraftAction(records.draft.draftId),
    // It says "deleted" either way (a stranger learns nothing); only the owner's call removes the draft.
    succeeded: (result) => result.writes.includes("drafts"),
  },
  "/me/cases/[number]#withdrawCaseAction": {
    insiders: company,
    call: ({ records }) => caseActions.withdrawCaseAction(records.openCase.caseNumber, formDataOf({ reason: "不再需要" })),
    succeeded: redirectsTo(/\?withdrawn=1$/),
  },
  "/me/cases/[number]#rateCaseAction": {
    insiders: company,
    call: ({ records }) =>
      caseActions.rateCaseAction({}, formDataOf({ caseNumber: records.concludedCase.caseNumber, overall: "5", efficiency: "5", guideAccuracy: "4", convenience: "5", comment: "很好" })),
    succeeded: redirectsTo(/\?rated=1#rating$/),
  },
  "/me/cases/[number]/supplements/[request]#answerSupplementAction": {
    insiders: company,
    call: ({ records: { supplement } }) =>
      supplementActions.answerSupplementAction(supplement.caseNumber, supplement.requestId, {}, formDataOf({ [supplement.field]: "130", intent: "send" })),
    succeeded: redirectsTo(/\?supplied=1$/),
  },
  "/me/inbox#markInboxReadAction": {
    insiders: ["enterprise"],
    call: ({ records }) => inboxActions.markInboxReadAction(formDataOf({ messageId: records.message.id })),
    succeeded: redirectsTo(/[?&]read=1/),
  },

  "/desk#claimTaskAction": {
    insiders: ["clerk-fire"],
    call: ({ records }) => deskActions.claimTaskAction(formDataOf({ taskId: records.openCase.unclaimedTaskId })),
    succeeded: redirectsTo(/^\/desk\/tasks\/[0-9a-f-]{36}$/),
  },
  "/desk#claimNextTaskAction": { call: () => deskActions.claimNextTaskAction(), succeeded: redirectsTo(/^\/desk\/tasks\/[0-9a-f-]{36}$/) },
  "/desk#releaseTaskAction": {
    insiders: ["clerk-amr"],
    call: ({ records: { openCase } }) => deskActions.releaseTaskAction({}, formDataOf({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version) })),
    succeeded: redirectsTo(/^\/desk\?done=released$/),
  },
  "/desk#assignTaskAction": {
    insiders: ["clerk-amr"],
    call: ({ records: { openCase } }) =>
      deskActions.assignTaskAction({}, formDataOf({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version), colleagueId: openCase.colleagueId })),
    succeeded: redirectsTo(/^\/desk\?done=assigned$/),
  },
  "/desk#decideTaskAction": {
    insiders: ["clerk-amr"],
    call: ({ records: { openCase } }) => deskActions.decideTaskAction({}, formDataOf({ taskId: openCase.claimedTask.id, action: "approve", version: String(openCase.claimedTask.version) })),
    succeeded: redirectsTo(/\?done=approve$/),
  },
  "/desk/tasks/[id]#requestSupplementAction": {
    insiders: ["clerk-amr"],
    call: ({ records: { openCase } }) =>
      taskActions.requestSupplementAction(
        {},
        formDataOf({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version), item: "seats", "note-seats": "请核实座位数", note: "" }),
      ),
    succeeded: redirectsTo(/\?done=request-supplement$/),
  },
  "/desk/tasks/[id]#requestExtensionAction": {
    insiders: ["clerk-amr"],
    call: ({ records: { openCase } }) =>
      taskActions.requestExtensionAction({}, formDataOf({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version), days: "5", reason: "需现场核查" })),
    succeeded: redirectsTo(/\?done=extension-requested$/),
  },
  "/desk/follow-ups/[id]#replyToFollowUpAction": {
    insiders: ["clerk-amr", "clerk-amr2"],
    call: ({ records }) => followUpActions.replyToFollowUpAction({}, formDataOf({ followUpId: records.followUp.id, reply: "已整改办事指南" })),
    succeeded: redirectsTo(/\?done=1$/),
  },
  "/desk/licences/[id]#revokeLicenceAction": {
    insiders: ["clerk-amr", "clerk-amr2", "supervisor"],
    call: ({ records }) => licenceActions.revokeLicenceAction({}, formDataOf({ licenceId: records.licence.id, reason: "以欺骗手段取得" })),
    succeeded: redirectsTo(/\?revoked=1$/),
  },
  "/supervise#decideExtensionAction": {
    insiders: ["supervisor"],
    call: ({ records: { extension } }) => superviseActions.decideExtensionAction(formDataOf({ taskId: extension.taskId, version: String(extension.version), decision: "approve" })),
    succeeded: redirectsTo(/^\/supervise\?extension=approve$/),
  },
  "/admin/forms/[subjectType]/[code]#definitionEditorAction": {
    call: ({ records: { form } }) =>
      formActions.definitionEditorAction(form.subjectType, form.subjectCode, {}, formDataOf({ intent: "publish", definition: form.definitionJson, baseVersion: String(form.version) })),
    succeeded: redirectsTo(/\?published=\d+/),
  },
  "/admin/calendar#setCalendarDayAction": {
    call: () => calendarActions.setCalendarDayAction({}, formDataOf({ date: "2026-03-10", kind: "holiday", name: "测试假日" })),
    succeeded: redirectsTo(/saved=2026-03-10/),
  },
  "/admin/calendar#removeCalendarDayAction": {
    call: ({ records }) => calendarActions.removeCalendarDayAction(formDataOf({ date: records.calendar.holiday, year: records.calendar.holiday.slice(0, 4) })),
    succeeded: redirectsTo(/removed=\d{4}-\d{2}-\d{2}/),
  },
};

type TAnswer = "allowed" | "sign-in" | "forbidden" | "refused";

/** What the policy says this person gets from this action on the trial's record. */
function expectedAnswer(rule: TAccessRule, username: TAccessUsername | null, world: TAccessWorld, trial: TTrial): TAnswer {
  if (!audienceAdmits(rule.who, username ? world.actors[username].role : null)) return username ? "forbidden" : "sign-in";
  if (rule.record === "none" || !username) return "allowed";
  if (!trial.insiders) throw new Error(`a trial of a "${rule.record}" action must name who the record belongs to (insiders)`);
  return trial.insiders.includes(username) ? "allowed" : "refused";
}

/** Whether the call answered as expected; else what was wrong, in words. */
function judge(expected: TAnswer, result: TCallResult, trial: TTrial): string | null {
  const { outcome, writes } = result;
  if (outcome.kind === "error") return `threw ${String((outcome.error as Error)?.stack ?? outcome.error)}`;
  if (expected === "allowed") return trial.succeeded(result) ? null : "was refused";
  if (writes.length > 0) return `wrote to ${writes.join(", ")}`;
  if (trial.succeeded(result)) return "got through";
  if (expected === "forbidden") return outcome.kind === "http-error" && outcome.status === 403 ? null : "was not answered 403";
  if (expected === "sign-in") {
    const toSignIn = outcome.kind === "redirect" && outcome.location.startsWith("/login?");
    const sessionEnded = outcome.kind === "returned" && Object.values((outcome.value ?? {}) as object).includes("unauthorized:session");
    return toSignIn || sessionEnded ? null : "was not sent to sign in";
  }
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

  it("has a trial here for every server action", () => {
    const untried = entries.filter((entry) => entry.kind === "action" && !trials[`${entry.route}#${entry.name}`]).map((entry) => (entry.kind === "action" ? `"${entry.route}#${entry.name}"` : ""));
    expect(untried, "add a trial to `trials` in server/auth/access-policy.test.ts: how the record's owner calls it, and what success looks like").toEqual([]);
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
      const trial = trials[`${entry.route}#${entry.name}`];
      const wrong: string[] = [];
      for (const username of [null, ...accessUsernames]) {
        const expected = expectedAnswer(rule, username, world, trial);
        const result = await callAs(world, username ? world.actors[username] : null, () => trial.call(world));
        const problem = judge(expected, result, trial);
        if (problem) wrong.push(`${username ?? "anonymous"} (expected ${expected}): ${problem} — ${describeOutcome(result)}`);
      }
      expect(wrong, `${entry.name} (${entry.file}) with policy ${JSON.stringify(rule)}`).toEqual([]);
    });
  });
});
