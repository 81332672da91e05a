/**
 * How to call each server action of app/ on a record of the access world (server/testing/access-world.ts): what the
 * page binds, whether it takes useActionState's state, the fields its form posts, whose record it is, and what
 * success looks like. The actions themselves are passed in by the tests beside them in app/ (app/_testing/), which
 * import them (server/ never imports app/): the access-policy test calls each one as every kind of person, the
 * hostile-input test as the record's owner with hostile values, the action-wrapper test signed out and malformed.
 *
 * A new action needs a trial here (those tests say so).
 */
import { DEMO_PASSWORD } from "@/seed/factories";
import type { TAccessUsername, TAccessWorld } from "./access-world";
import { formDataOf, type TCallResult } from "./call-action";
import { catalogAdminTrials } from "./catalog-admin-trials";
import { twoFactorTrials } from "./two-factor-trials";
import { redirectsTo } from "./trial-outcomes";

export type TRecords = TAccessWorld["records"];
/** A form's fields: one value, or several for a repeated field (checkboxes). */
export type TFields = Record<string, string | readonly string[]>;

/** Each action has its own parameter types; trials call it with what its page would send (or, fuzzed, with anything). */
export type TAction = (...args: never[]) => Promise<unknown>;

export type TActionTrial = {
  /** What the page binds before the form's arguments (a case number, a draft id …), valid for the record. */
  bound?: (records: TRecords) => unknown[];
  /** Whether it takes useActionState's previous state before the FormData. */
  state?: boolean;
  /** The fields its form posts for the record; absent when the action takes no FormData. */
  fields?: (records: TRecords) => TFields;
  /** Whose record it is (for a record rule other than "none"); the first is who the hostile-input test acts as. */
  insiders?: readonly TAccessUsername[];
  /** Who the hostile-input test acts as when there are no insiders (null: nobody signed in). */
  actor?: TAccessUsername | null;
  /** How success looks; a refusal must not look like this. */
  succeeded: (result: TCallResult) => boolean;
  /** Tables the action writes even when it does not succeed, because that is its job (a wizard page keeps what was typed). */
  writesAnyway?: readonly string[];
};

/**
 * The arguments a trial's action is called with, as a page would send them — or, forged, as anything: a call to an
 * action's endpoint may send any serialisable values in their place, a string where the FormData goes.
 */
export type TActionInput = { bound: unknown[]; state: unknown; formData: unknown };

export function validInput(trial: TActionTrial, records: TRecords): TActionInput {
  return { bound: trial.bound?.(records) ?? [], state: {}, formData: trial.fields ? formDataOf(trial.fields(records)) : undefined };
}

export function callTrial(action: TAction, trial: TActionTrial, input: TActionInput): Promise<unknown> {
  const args = [...input.bound, ...(trial.state ? [input.state] : []), ...(trial.fields ? [input.formData] : [])];
  return (action as (...args: unknown[]) => Promise<unknown>)(...args);
}

/** Who the hostile-input test acts as: someone the action is for, on their own record. */
export function ownerOf(trial: TActionTrial): TAccessUsername | null {
  return trial.insiders?.[0] ?? trial.actor ?? null;
}

const company = ["enterprise", "agent"] as const;

/** Keyed "<route>#<action>", as the access policy names them. */
export const actionTrials: Record<string, TActionTrial> = {
  "/login#signInAction": {
    state: true,
    fields: () => ({ username: "citizen", password: DEMO_PASSWORD }),
    actor: null,
    succeeded: redirectsTo(/^\/me$/),
    // A failed sign-in counts against the account and the address (the sign-in throttle), and is audited.
    writesAnyway: ["rate_limits", "audit_records"],
  },
  "/verify/[id]#checkHolderAction": {
    state: true,
    fields: ({ personLicence }) => ({ licenceId: personLicence.id, idNumber: personLicence.holderIdNumber }),
    actor: null,
    succeeded: (result) => result.outcome.kind === "returned" && (result.outcome.value as { answer?: string } | undefined)?.answer === "match",
    // Every check counts against the licence (a yes/no answer is a guessing oracle), whatever it answers; a throttled
    // one is audited.
    writesAnyway: ["rate_limits", "audit_records"],
  },
  // Without OIDC_* settings (as in these tests) there is no provider to go to: back to the sign-in page, unchanged.
  // With them, it answers with the provider's authorization address: e2e/oidc-sign-in.spec.ts follows it.
  "/login#signInWithIdentityAction": { actor: null, succeeded: redirectsTo(/^\/login$/) },
  "/login#signOutAction": { actor: "citizen", succeeded: redirectsTo(/^\/$/) },

  "/apply/[code]#startDraftAction": {
    bound: ({ draft }) => [draft.subjectCode],
    fields: () => ({}),
    insiders: ["citizen", "citizen2"],
    succeeded: redirectsTo(/^\/apply\/HRSS-PROOF\/[0-9a-f-]{36}\/\w+$/),
  },
  "/apply/[code]#saveDraftPageAction": {
    bound: ({ draft }) => [draft.subjectCode, draft.draftId, draft.pageKey],
    state: true,
    fields: ({ draft }) => ({ ...draft.answers, intent: "next" }),
    insiders: ["citizen"],
    succeeded: (result) => redirectsTo(/^\/apply\/HRSS-PROOF\/[0-9a-f-]{36}\/\w+$/)(result) && result.writes.includes("drafts"),
    // Every post is saved into the draft, valid or not: nothing typed is lost.
    writesAnyway: ["drafts", "files"],
  },
  "/apply/[code]#submitDraftAction": {
    bound: ({ draft }) => [draft.subjectCode, draft.draftId],
    state: true,
    fields: ({ draft }) => ({ idempotencyKey: draft.idempotencyKey }),
    insiders: ["citizen"],
    succeeded: redirectsTo(/^\/me\/cases\/[^/?]+\?submitted=1$/),
  },
  "/apply/[code]#deleteDraftAction": {
    bound: ({ draft }) => [draft.draftId],
    insiders: ["citizen"],
    // It says "deleted" either way (a stranger learns nothing); only the owner's call removes the draft.
    succeeded: (result) => result.writes.includes("drafts"),
  },
  "/me/cases/[number]#withdrawCaseAction": {
    bound: ({ openCase }) => [openCase.caseNumber],
    fields: () => ({ reason: "不再需要" }),
    insiders: company,
    succeeded: redirectsTo(/\?withdrawn=1$/),
  },
  "/me/cases/[number]#rateCaseAction": {
    state: true,
    fields: ({ concludedCase }) => ({ caseNumber: concludedCase.caseNumber, overall: "5", efficiency: "5", guideAccuracy: "4", convenience: "5", comment: "很好" }),
    insiders: company,
    succeeded: redirectsTo(/\?rated=1#rating$/),
  },
  "/me/cases/[number]/supplements/[request]#answerSupplementAction": {
    bound: ({ supplement }) => [supplement.caseNumber, supplement.requestId],
    state: true,
    fields: ({ supplement }) => ({ [supplement.field]: "130", intent: "send" }),
    insiders: company,
    succeeded: redirectsTo(/\?supplied=1$/),
    // What the applicant typed is kept with the request until it is sent, as the wizard keeps a draft.
    writesAnyway: ["supplement_requests", "files"],
  },
  "/me/inbox#markInboxReadAction": {
    fields: ({ message }) => ({ messageId: message.id }),
    // The message is the company's: each of its members may mark it read (for themselves).
    insiders: company,
    succeeded: redirectsTo(/[?&]read=1/),
  },

  "/desk#claimTaskAction": {
    fields: ({ openCase }) => ({ taskId: openCase.unclaimedTaskId }),
    insiders: ["clerk-fire"],
    succeeded: redirectsTo(/^\/desk\/tasks\/[0-9a-f-]{36}$/i),
  },
  "/desk#claimNextTaskAction": { actor: "clerk-amr", succeeded: redirectsTo(/^\/desk\/tasks\/[0-9a-f-]{36}$/) },
  "/desk#searchQueueAction": {
    fields: () => ({ view: "all", q: " zs ", service: "", sort: "newest" }),
    actor: "clerk-amr",
    succeeded: redirectsTo(/^\/desk\?view=all&q=zs&sort=newest$/),
  },
  "/desk/bulk#claimTasksAction": {
    // The fire task nobody has touched yet: version 1.
    fields: ({ openCase }) => ({ task: [`${openCase.unclaimedTaskId}.1`] }),
    insiders: ["clerk-fire"],
    succeeded: redirectsTo(/^\/desk\?view=mine&done=claimed-many&count=1$/),
  },
  "/desk/bulk#assignTasksAction": {
    fields: ({ openCase }) => ({ task: [`${openCase.claimedTask.id}.${openCase.claimedTask.version}`], to: openCase.colleagueId }),
    insiders: ["clerk-amr"],
    succeeded: redirectsTo(/^\/desk\?done=assigned-many&count=1$/),
  },
  "/desk#releaseTaskAction": {
    state: true,
    fields: ({ openCase }) => ({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version) }),
    insiders: ["clerk-amr"],
    succeeded: redirectsTo(/^\/desk\?done=released$/),
  },
  "/desk#assignTaskAction": {
    state: true,
    fields: ({ openCase }) => ({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version), colleagueId: openCase.colleagueId }),
    insiders: ["clerk-amr"],
    succeeded: redirectsTo(/^\/desk\?done=assigned$/),
  },
  "/desk#decideTaskAction": {
    state: true,
    fields: ({ openCase }) => ({ taskId: openCase.claimedTask.id, action: "approve", version: String(openCase.claimedTask.version), reason: "" }),
    insiders: ["clerk-amr"],
    succeeded: redirectsTo(/\?done=approve$/),
  },
  "/desk/tasks/[id]#requestSupplementAction": {
    state: true,
    fields: ({ openCase }) => ({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version), item: ["seats"], "note-seats": "请核实座位数", note: "" }),
    insiders: ["clerk-amr"],
    succeeded: redirectsTo(/\?done=request-supplement$/),
  },
  "/desk/tasks/[id]#requestExtensionAction": {
    state: true,
    fields: ({ openCase }) => ({ taskId: openCase.claimedTask.id, version: String(openCase.claimedTask.version), days: "5", reason: "需现场核查" }),
    insiders: ["clerk-amr"],
    succeeded: redirectsTo(/\?done=extension-requested$/),
  },
  "/desk/tasks/[id]#revealPersonalAnswersAction": {
    state: true,
    fields: ({ openCase }) => ({ taskId: openCase.claimedTask.id, field: ["foodSafetyManagerMobile"], purpose: "contact-applicant", note: "" }),
    insiders: ["clerk-amr", "clerk-amr2"],
    succeeded: (result) => result.outcome.kind === "returned" && Array.isArray((result.outcome.value as { revealed?: unknown } | undefined)?.revealed),
  },
  "/desk/follow-ups/[id]#replyToFollowUpAction": {
    state: true,
    fields: ({ followUp }) => ({ followUpId: followUp.id, reply: "已整改办事指南" }),
    insiders: ["clerk-amr", "clerk-amr2"],
    succeeded: redirectsTo(/\?done=1$/),
  },
  "/desk/urgings/[id]#answerUrgingAction": {
    state: true,
    fields: ({ urging }) => ({ urgingId: urging.id, answer: "已加快办理，明日办结" }),
    insiders: ["clerk-amr", "clerk-amr2"],
    succeeded: redirectsTo(/^\/desk\/urgings\/[0-9a-f-]{36}\?done=1$/),
  },
  "/supervise/urgings/new#sendUrgingAction": {
    state: true,
    fields: ({ urging }) => ({ kind: "task", subjectId: urging.newSubjectId, message: "请说明办理进度", deadline: urging.deadline }),
    // The fire task: every department's supervisor, and the fire brigade's own.
    insiders: ["supervisor", "supervisor-fire"],
    succeeded: redirectsTo(/^\/supervise\/urgings\?sent=1#urging-[0-9a-f-]{36}$/),
  },
  "/desk/licences/[id]#revokeLicenceAction": {
    state: true,
    fields: ({ licence }) => ({ licenceId: licence.id, reason: "以欺骗手段取得" }),
    insiders: ["clerk-amr", "clerk-amr2", "supervisor"],
    succeeded: redirectsTo(/\?revoked=1$/),
  },
  "/supervise#decideExtensionAction": {
    fields: ({ extension }) => ({ taskId: extension.taskId, version: String(extension.version), decision: "approve" }),
    insiders: ["supervisor"],
    succeeded: redirectsTo(/^\/supervise\?extension=approve$/),
  },
  "/admin/forms/[subjectType]/[code]#definitionEditorAction": {
    bound: ({ form }) => [form.subjectType, form.subjectCode],
    state: true,
    fields: ({ form }) => ({ intent: "publish", definition: form.definitionJson, baseVersion: String(form.version) }),
    actor: "admin",
    succeeded: redirectsTo(/\?published=\d+/),
  },
  "/admin/calendar#setCalendarDayAction": {
    state: true,
    fields: () => ({ date: "2026-03-10", kind: "holiday", name: "测试假日" }),
    actor: "admin",
    succeeded: redirectsTo(/saved=\d{4}-\d{2}-\d{2}/),
  },
  "/admin/calendar#removeCalendarDayAction": {
    fields: ({ calendar }) => ({ date: calendar.holiday, year: calendar.holiday.slice(0, 4) }),
    actor: "admin",
    succeeded: redirectsTo(/removed=\d{4}-\d{2}-\d{2}/),
  },
  "/admin/departments#createDepartmentAction": {
    state: true,
    fields: () => ({ code: "WATER", nameZhHans: "水务局", nameZhHant: "水務局", nameEn: "Water Authority", shortNameZhHans: "", shortNameZhHant: "", shortNameEn: "", phone: "021-12345678", address: "人民大道 200 号", hours: "9:00–17:00" }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/departments\/[0-9a-f-]{36}\?saved=created$/),
  },
  "/admin/departments/[id]#editDepartmentAction": {
    bound: ({ department }) => [department.id],
    state: true,
    fields: ({ department }) => department.fields,
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/departments\/[0-9a-f-]{36}\?saved=edited$/),
  },
  "/admin/departments/[id]#retireDepartmentAction": {
    bound: ({ spareDepartment }) => [spareDepartment.id],
    fields: () => ({}),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=retired$/),
  },
  ...catalogAdminTrials,
  ...twoFactorTrials,
  "/admin/people#createStaffAccountAction": {
    state: true,
    fields: ({ staffAccount }) => ({ username: "clerk-amr3", displayName: "新同事", role: "clerk", departmentId: staffAccount.departmentId }),
    actor: "admin",
    succeeded: (result) => result.outcome.kind === "returned" && typeof (result.outcome.value as { created?: { oneTimePassword?: string } } | undefined)?.created?.oneTimePassword === "string",
  },
  "/admin/people/[id]#changeStaffGrantAction": {
    bound: ({ staffAccount }) => [staffAccount.id],
    state: true,
    fields: () => ({ role: "supervisor", departmentId: "" }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=grant$/),
  },
  "/admin/people/[id]#setAccountDisabledAction": {
    bound: ({ staffAccount }) => [staffAccount.id],
    fields: () => ({ disabled: "1" }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=disabled$/),
  },
  "/admin/people/[id]#resetStaffPasswordAction": {
    bound: ({ staffAccount }) => [staffAccount.id],
    state: true,
    fields: () => ({}),
    actor: "admin",
    succeeded: (result) => result.outcome.kind === "returned" && typeof (result.outcome.value as { reset?: { oneTimePassword?: string } } | undefined)?.reset?.oneTimePassword === "string",
  },
  "/account/password#changePasswordAction": {
    state: true,
    fields: () => ({ current: DEMO_PASSWORD, password: "river lantern 2026", confirm: "river lantern 2026" }),
    actor: "citizen",
    // Everyone signed in may choose their password, and goes on to their own start page (through the code step,
    // for a person with a second factor).
    succeeded: redirectsTo(/^\/(me|desk|counter|supervise|admin|login\/code)$/),
    // A sign-in with the new password records its success against the account and the address (the throttle), and
    // the audit trail records it.
    writesAnyway: ["rate_limits", "audit_records"],
  },
  "/counter#findApplicantAction": {
    state: true,
    fields: ({ counter }) => ({ kind: "person", number: counter.personIdNumber }),
    actor: "counter",
    succeeded: redirectsTo(/^\/counter\/applicants\/[0-9a-f-]{36}$/),
  },
  "/counter#recordPersonAction": {
    state: true,
    fields: ({ counter }) => ({ name: "孙窗口", residentIdNumber: counter.newIdNumber, mobile: "" }),
    actor: "counter",
    succeeded: redirectsTo(/^\/counter\/applicants\/[0-9a-f-]{36}\?recorded=1$/),
  },
  "/counter#recordCompanyAction": {
    state: true,
    fields: ({ counter }) => ({ uscc: counter.newUscc, name: "上海窗口登记有限公司", legalRepresentative: "孙窗口", address: "漕溪北路 1 号", regionCode: "310104" }),
    actor: "counter",
    succeeded: redirectsTo(/^\/counter\/applicants\/[0-9a-f-]{36}\?recorded=1$/),
  },
  "/counter/applicants/[id]#startCounterDraftAction": {
    bound: ({ counter }) => [counter.personId],
    fields: () => ({ subjectCode: "HRSS-PROOF" }),
    insiders: ["counter"],
    succeeded: redirectsTo(/^\/apply\/HRSS-PROOF\/[0-9a-f-]{36}\/\w+$/),
  },
  "/admin/outbox#retryDeadLetterAction": {
    fields: ({ deadLetter }) => ({ id: String(deadLetter.id) }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/outbox\?retried=\d+$/),
  },
  // No fields: the button posts nothing but itself.
  "/admin/audit#verifyAuditAction": {
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/audit\?verified=\d+$/),
  },
};
