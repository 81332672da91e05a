/**
 * Identifiers reach use cases from addresses and posts (a case number, a code, an id): on both databases, a
 * malformed one — a NUL, a lone surrogate, 36 dashes, an almost-uuid — is simply not found, never a database error
 * (each of these was a 500), and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { loadCaseReceipt } from "@/server/cases/render-case-receipt";
import { deleteDraft } from "@/server/drafts/delete-draft";
import { loadDraft } from "@/server/drafts/load-draft";
import { startDraft } from "@/server/drafts/start-draft";
import { submitDraft } from "@/server/drafts/submit-draft";
import { getFormDefinitionVersions } from "@/server/forms/get-form-definition-versions";
import { markInboxRead } from "@/server/notifications/mark-inbox-read";
import { getRatingForApplicant } from "@/server/ratings/get-rating-for-applicant";
import { rateCase } from "@/server/ratings/rate-case";
import { answerSupplement, getSupplementForApplicant } from "@/server/supplements/answer-supplement";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { assignTask } from "@/server/workflow/assign-task";
import { claimTask } from "@/server/workflow/claim-task";
import { getTaskForClerk } from "@/server/workflow/get-task-for-clerk";
import { releaseTask } from "@/server/workflow/release-task";
import { decideExtension } from "@/server/workflow/decide-extension";
import { requestExtension } from "@/server/workflow/request-extension";
import { decideTask } from "@/server/workflow/decide-task";
import { withdrawCase } from "@/server/workflow/withdraw-case";

const malformed = ["\u0000", "OD202601010000001\u0000", "HRSS-PROOF\u0000", "\ud800", "-".repeat(36), "00000000-0000-0000-0000-00000000000g", "x".repeat(5000)];

describe.each(testDatabaseKinds)("malformed identifiers on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("are not found by any use case that takes one", async () => {
    const db = world.db;
    const [citizen, clerk, supervisor, admin] = await Promise.all(["citizen", "clerk-amr", "supervisor", "admin"].map((name) => world.actorOf(name)));
    const levels = { overall: 5, efficiency: 5, guideAccuracy: 5, convenience: 5 };
    const calls: [string, (value: string) => Promise<unknown>, unknown][] = [
      ["getCaseForApplicant", (caseNumber) => getCaseForApplicant({ db, actor: citizen, caseNumber }), { ok: false, code: "not-found:case" }],
      ["loadCaseReceipt", (caseNumber) => loadCaseReceipt({ db, actor: citizen, caseNumber }), { ok: false, code: "not-found:case" }],
      ["getRatingForApplicant", (caseNumber) => getRatingForApplicant({ db, actor: citizen, caseNumber }), { ok: false, code: "not-found:case" }],
      ["rateCase", (caseNumber) => rateCase({ db, actor: citizen, caseNumber, ...levels }), { ok: false, code: "not-found:case" }],
      ["withdrawCase", (caseNumber) => withdrawCase({ db, actor: citizen, caseNumber }), { ok: false, code: "not-found:case" }],
      ["getSupplementForApplicant", (requestId) => getSupplementForApplicant({ db, actor: citizen, requestId }), { ok: false, code: "not-found:supplement" }],
      ["answerSupplement", (requestId) => answerSupplement({ db, actor: citizen, requestId, posted: {}, uploads: {}, intent: { kind: "send" } }), { ok: false, code: "not-found:supplement" }],
      ["startDraft", (subjectCode) => startDraft({ db, actor: citizen, subjectCode }), { ok: false, code: "not-found:service" }],
      ["loadDraft", (draftId) => loadDraft({ db, actor: citizen, draftId }), { ok: false, code: "not-found:draft" }],
      ["deleteDraft", (draftId) => deleteDraft({ db, actor: citizen, draftId }), { ok: false, code: "not-found:draft" }],
      ["submitDraft", (idempotencyKey) => submitDraft({ db, actor: citizen, draftId: idempotencyKey, idempotencyKey }), { ok: false, code: "not-found:draft" }],
      ["markInboxRead", (messageId) => markInboxRead({ db, actor: citizen, messageId }), { ok: false, code: "not-found:inbox-message" }],
      ["getTaskForClerk", (taskId) => getTaskForClerk({ db, actor: clerk, taskId }), { ok: false, code: "forbidden:task" }],
      ["claimTask", (taskId) => claimTask({ db, actor: clerk, taskId }), { ok: false, code: "forbidden:task" }],
      ["releaseTask", (taskId) => releaseTask({ db, actor: clerk, taskId, expectedVersion: 1 }), { ok: false, code: "forbidden:task" }],
      ["assignTask", (taskId) => assignTask({ db, actor: clerk, taskId, colleagueId: clerk.id, expectedVersion: 1 }), { ok: false, code: "forbidden:task" }],
      ["decideTask", (taskId) => decideTask({ db, actor: clerk, taskId, action: "accept", expectedVersion: 1 }), { ok: false, code: "forbidden:task" }],
      ["requestSupplement", (taskId) => requestSupplement({ db, actor: clerk, taskId, expectedVersion: 1, items: [{ key: "a", note: "b" }] }), { ok: false, code: "forbidden:task" }],
      ["requestExtension", (taskId) => requestExtension({ db, actor: clerk, taskId, expectedVersion: 1, days: 3, reason: "需要现场核查" }), { ok: false, code: "forbidden:task" }],
      ["decideExtension", (taskId) => decideExtension({ db, actor: supervisor, taskId, expectedVersion: 1, approve: true }), { ok: false, code: "forbidden:task" }],
      ["getFormDefinitionVersions", (subjectCode) => getFormDefinitionVersions({ db, actor: admin, subjectType: "service", subjectCode }), { ok: false, code: "not-found:form-subject" }],
    ];
    for (const [name, call, expected] of calls) {
      for (const value of malformed) expect(await call(value), `${name}(${JSON.stringify(value.slice(0, 40))})`).toEqual(expected);
    }
    // A colleague's id is checked as well as the task's.
    expect(await assignTask({ db, actor: clerk, taskId: "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00", colleagueId: "\u0000", expectedVersion: 1 })).toEqual({ ok: false, code: "invalid:colleague" });
  });
});
