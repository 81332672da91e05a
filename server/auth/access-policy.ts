/**
 * Who may use what, in one table: every page, route handler and server action under app/, keyed by its route (the
 * folder under app/, as Next names it: "/desk/tasks/[id]"), with the roles that may use it and the rule that decides
 * whether this person may touch THIS record.
 *
 * The code reads it: pages and route handlers pass their route to `requireActor`, server actions their route and
 * name to `defineAction` (server/http/define-action.ts, through `actorForAction` in server/auth/require-actor.ts), so
 * the roles here are the roles enforced. The record rules are enforced by the use cases (their queries only find what
 * the actor may touch); this table names them so app/_testing/access-policy.test.ts and e2e/authorization.spec.ts
 * can try every entry as every kind of person and expect the answer written here. A new page, route handler or exported action without an entry fails those tests
 * with the line to add.
 *
 * Pure data (no server-only imports), so the Playwright journeys can read it too.
 */
import type { TRole } from "@/db/schema";

/** Who may use it: anyone (no sign-in), anyone signed in, or only these roles. */
export type TAudience = "anyone" | "signed-in" | readonly TRole[];

/** Which record the actor may touch, beyond having the role. Refusals of a foreign record change nothing. */
export const recordRules = {
  none: "no particular record: lists and forms show only the actor's own, by query",
  "applicant-type": "a service the actor's kind of applicant may apply for: natural-person ones for citizens, legal-person ones for a company's staff",
  "own-draft": "a draft the actor started themselves (a company's draft belongs to the colleague who started it)",
  "own-draft-material": "a file the actor uploaded, attached to a draft the actor started",
  "own-case-material": "a file named by the answers of a case the actor may see (own-case), or of a supplement sent for it",
  "own-case": "a case the actor applied for, or one filed for a company the actor acts for",
  "own-message": "an inbox message addressed to the actor, or to a company they are a member of now",
  "own-licence": "a licence held by the actor, or by a company the actor acts for",
  "own-case-document": "a notice or decision (受理通知书, 不予许可决定书 …) of a case the actor may see (own-case)",
  "department-task": "a task of the clerk's department",
  "department-task-document": "a notice or decision of the case of a task of the clerk's department (any department's document in that case)",
  "department-task-material": "a file or wallet licence named by the answers of the case of a task of the clerk's department (or of a supplement sent for it)",
  "claimed-task": "a task of the clerk's department that this clerk has claimed",
  "department-follow-up": "a bad rating's follow-up addressed to the clerk's department",
  "issuing-department-licence": "a licence the clerk's department issued; for a supervisor, one their department issued (every department's, for a supervisor of none)",
  "supervised-task": "a task of the supervisor's department (every department's, for a supervisor of none)",
  "supervised-matter": "a task in its department's hands or an open bad-rating follow-up, of the supervisor's department (every department's, for a supervisor of none)",
  "department-urging": "an urging notice (督办) addressed to the clerk's department",
  "register-applicant": "a person (a citizen or company staff, never staff of ours) or a company on the register, found by the counter clerk by its number or recorded by them",
  "filed-case": "a case the counter clerk filed themselves for an applicant (一窗受理), never a colleague's",
} as const;
export type TRecordRule = keyof typeof recordRules;

export type TAccessRule = { who: TAudience; record: TRecordRule };

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type THttpMethod = (typeof httpMethods)[number];

/** One route folder: its page, its route handler's methods, and the server actions exported beside it (by name). */
export type TRouteAccess = {
  page?: TAccessRule;
  handler?: Partial<Record<THttpMethod, TAccessRule>>;
  actions?: Record<string, TAccessRule>;
};

const applicants = ["citizen", "enterprise"] as const satisfies readonly TRole[];
/** Those who fill in the wizard: applicants for themselves, counter clerks for a walk-in applicant. */
const filers = ["citizen", "enterprise", "counter"] as const satisfies readonly TRole[];
const open: TAccessRule = { who: "anyone", record: "none" };
const rule = (who: TAudience, record: TRecordRule = "none"): TAccessRule => ({ who, record });

export const accessPolicy = {
  // The public portal: catalog, guides, statistics, verification, sign-in.
  "/": { page: open },
  "/services": { page: open },
  "/services/[code]": { page: open },
  "/statistics": { page: open },
  "/statistics/data/[file]": { handler: { GET: open } },
  "/verify/[id]": { page: open, actions: { checkHolderAction: open } },
  "/verify/documents/[id]": { page: open },
  "/request-too-large": { handler: { GET: open } },
  "/login": { page: open, actions: { signInAction: open, signInWithIdentityAction: open, signOutAction: open } },
  "/login/code": { page: open, actions: { submitSignInCodeAction: open, restartSignInAction: open } },
  "/language": { handler: { GET: open } },
  "/display": { handler: { GET: open } },
  "/api/health": { handler: { GET: open } },
  "/api/regions": { handler: { GET: open } },
  "/api/v1/licences/keys": { handler: { GET: open } },
  "/api/v1/audit/checkpoints": { handler: { GET: open } },
  "/api/auth/[...nextauth]": { handler: { GET: open, POST: open } },

  // Applicants: citizens, and the staff of the companies they act for.
  "/apply/[code]": {
    page: rule(applicants),
    actions: {
      startDraftAction: rule(applicants, "applicant-type"),
      saveDraftPageAction: rule(filers, "own-draft"),
      submitDraftAction: rule(filers, "own-draft"),
      deleteDraftAction: rule(filers, "own-draft"),
    },
  },
  "/apply/[code]/[draft]/[step]": { page: rule(filers, "own-draft") },
  "/me": { page: rule(applicants) },
  "/me/profile": { page: rule(applicants) },
  // Everyone signed in may download what is held about them: the query reads only the actor's own.
  "/me/data": { handler: { GET: rule("signed-in") } },
  "/me/licences": { page: rule(applicants) },
  "/me/licences/[id]/pdf": { handler: { GET: rule(applicants, "own-licence") } },
  "/me/cases/[number]": {
    page: rule(applicants, "own-case"),
    actions: { withdrawCaseAction: rule(applicants, "own-case"), rateCaseAction: rule(applicants, "own-case") },
  },
  "/me/cases/[number]/receipt": { handler: { GET: rule(applicants, "own-case") } },
  "/me/cases/[number]/documents/[documentId]": { handler: { GET: rule(applicants, "own-case-document") } },
  "/me/cases/[number]/materials/[fileId]": { handler: { GET: rule(applicants, "own-case-material") } },
  "/me/drafts/[draft]/materials/[fileId]": { handler: { GET: rule(filers, "own-draft-material") } },
  "/me/cases/[number]/supplements/[request]": {
    page: rule(applicants, "own-case"),
    actions: { answerSupplementAction: rule(applicants, "own-case") },
  },
  // Everyone who signs in has an inbox.
  "/me/inbox": { page: rule("signed-in"), actions: { markInboxReadAction: rule("signed-in", "own-message") } },

  // Department clerks.
  "/desk": {
    page: rule(["clerk"]),
    actions: {
      claimTaskAction: rule(["clerk"], "department-task"),
      claimNextTaskAction: rule(["clerk"]),
      searchQueueAction: rule(["clerk"]),
      releaseTaskAction: rule(["clerk"], "claimed-task"),
      assignTaskAction: rule(["clerk"], "claimed-task"),
      decideTaskAction: rule(["clerk"], "claimed-task"),
    },
  },
  // Bulk claim and assignment: the confirmation page shows only the department's tasks it was given.
  "/desk/bulk": {
    page: rule(["clerk"]),
    actions: { claimTasksAction: rule(["clerk"], "department-task"), assignTasksAction: rule(["clerk"], "department-task") },
  },
  "/desk/tasks/[id]": {
    page: rule(["clerk"], "department-task"),
    actions: {
      requestSupplementAction: rule(["clerk"], "claimed-task"),
      requestExtensionAction: rule(["clerk"], "claimed-task"),
      revealPersonalAnswersAction: rule(["clerk"], "department-task"),
    },
  },
  "/desk/tasks/[id]/materials/[fileId]": { handler: { GET: rule(["clerk"], "department-task-material") } },
  "/desk/tasks/[id]/licences/[licenceId]": { handler: { GET: rule(["clerk"], "department-task-material") } },
  "/desk/tasks/[id]/documents/[documentId]": { handler: { GET: rule(["clerk"], "department-task-document") } },
  "/desk/follow-ups": { page: rule(["clerk"]) },
  "/desk/follow-ups/[id]": {
    page: rule(["clerk"], "department-follow-up"),
    actions: { replyToFollowUpAction: rule(["clerk"], "department-follow-up") },
  },
  "/desk/urgings/[id]": {
    page: rule(["clerk"], "department-urging"),
    actions: { answerUrgingAction: rule(["clerk"], "department-urging") },
  },
  "/desk/licences/[id]": {
    page: rule(["clerk", "supervisor"], "issuing-department-licence"),
    actions: { revokeLicenceAction: rule(["clerk", "supervisor"], "issuing-department-licence") },
  },

  // The counter, supervision and administration.
  "/counter": {
    page: rule(["counter"]),
    actions: { findApplicantAction: rule(["counter"]), recordPersonAction: rule(["counter"]), recordCompanyAction: rule(["counter"]) },
  },
  "/counter/applicants/[id]": { page: rule(["counter"], "register-applicant"), actions: { startCounterDraftAction: rule(["counter"], "register-applicant") } },
  "/counter/cases": { page: rule(["counter"]) },
  "/counter/cases/[number]": { page: rule(["counter"], "filed-case") },
  "/counter/cases/[number]/receipt": { handler: { GET: rule(["counter"], "filed-case") } },
  "/supervise": { page: rule(["supervisor", "admin"]), actions: { decideExtensionAction: rule(["supervisor"], "supervised-task") } },
  // The dashboard's tables as CSV files: the figures of the supervisor's department, or of all for one of none.
  "/supervise/export": { handler: { GET: rule(["supervisor", "admin"]) } },
  // Urging notices (督办): every supervisor and admin reads the list of their scope; only a supervisor sends one.
  "/supervise/urgings": { page: rule(["supervisor", "admin"]) },
  "/supervise/urgings/new": { page: rule(["supervisor"], "supervised-matter"), actions: { sendUrgingAction: rule(["supervisor"], "supervised-matter") } },
  "/admin": { page: rule(["admin"]) },
  "/admin/forms": { page: rule(["admin"]) },
  "/admin/forms/[subjectType]/[code]": { page: rule(["admin"]), actions: { definitionEditorAction: rule(["admin"]) } },
  "/admin/calendar": { page: rule(["admin"]), actions: { setCalendarDayAction: rule(["admin"]), removeCalendarDayAction: rule(["admin"]) } },
  "/admin/outbox": { page: rule(["admin"]), actions: { retryDeadLetterAction: rule(["admin"]) } },
  "/admin/audit": { page: rule(["admin"]), actions: { verifyAuditAction: rule(["admin"]) } },
  "/admin/changes": { page: rule(["admin"]) },
  "/admin/departments": { page: rule(["admin"]), actions: { createDepartmentAction: rule(["admin"]) } },
  "/admin/departments/[id]": {
    page: rule(["admin"]),
    actions: { editDepartmentAction: rule(["admin"]), retireDepartmentAction: rule(["admin"]), setDepartmentTwoFactorAction: rule(["admin"]) },
  },
  "/admin/reasons": {
    page: rule(["admin"]),
    actions: { addReasonTemplateAction: rule(["admin"]), moveReasonTemplateAction: rule(["admin"]), removeReasonTemplateAction: rule(["admin"]) },
  },
  "/admin/reasons/[id]": { page: rule(["admin"]), actions: { editReasonTemplateAction: rule(["admin"]) } },
  "/admin/bundles": { page: rule(["admin"]), actions: { createBundleAction: rule(["admin"]) } },
  "/admin/bundles/[code]": {
    page: rule(["admin"]),
    actions: { addBundleItemAction: rule(["admin"]), removeBundleItemAction: rule(["admin"]), moveBundleItemAction: rule(["admin"]), retireBundleAction: rule(["admin"]) },
  },
  "/admin/bundles/[code]/items/[service]": { page: rule(["admin"]), actions: { bundleItemEditorAction: rule(["admin"]) } },
  "/admin/people": { page: rule(["admin"]), actions: { createStaffAccountAction: rule(["admin"]) } },
  "/admin/services": { page: rule(["admin"]) },
  "/admin/services/new": { page: rule(["admin"]), actions: { createServiceAction: rule(["admin"]) } },
  "/admin/services/[code]": {
    page: rule(["admin"]),
    actions: { saveServiceDraftAction: rule(["admin"]), saveServiceDecisionsAction: rule(["admin"]), publishServiceDraftAction: rule(["admin"]), discardServiceDraftAction: rule(["admin"]), setServiceRetiredAction: rule(["admin"]) },
  },
  "/admin/people/[id]": {
    page: rule(["admin"]),
    actions: { changeStaffGrantAction: rule(["admin"]), setAccountDisabledAction: rule(["admin"]), resetStaffPasswordAction: rule(["admin"]), resetTwoFactorAction: rule(["admin"]) },
  },

  // Everyone who signs in chooses their own password; one the admin set must be replaced before anything else.
  "/account/password": { page: rule("signed-in"), actions: { changePasswordAction: rule("signed-in") } },
  // Staff set up their second factor (required of admins, supervisors, and the staff of departments that say so).
  "/account/two-factor": {
    page: rule(["clerk", "counter", "supervisor", "admin"]),
    actions: {
      beginTwoFactorAction: rule(["clerk", "counter", "supervisor", "admin"]),
      confirmTwoFactorAction: rule(["clerk", "counter", "supervisor", "admin"]),
      discardTwoFactorAction: rule(["clerk", "counter", "supervisor", "admin"]),
      regenerateRecoveryCodesAction: rule(["clerk", "counter", "supervisor", "admin"]),
      turnOffTwoFactorAction: rule(["clerk", "counter", "supervisor", "admin"]),
    },
  },
} as const satisfies Record<string, TRouteAccess>;

export type TAccessPolicy = typeof accessPolicy;
export type TRoute = keyof TAccessPolicy;
export type TPageRoute = { [R in TRoute]: TAccessPolicy[R] extends { page: TAccessRule } ? R : never }[TRoute];
export type THandlerRoute = { [R in TRoute]: TAccessPolicy[R] extends { handler: object } ? R : never }[TRoute];
export type TActionRoute = { [R in TRoute]: TAccessPolicy[R] extends { actions: object } ? R : never }[TRoute];
export type TActionName<R extends TActionRoute> = keyof TAccessPolicy[R]["actions"] & string;

/** Whether a person of this role (null: not signed in) may use what the audience describes. */
export function audienceAdmits(who: TAudience, role: TRole | null): boolean {
  if (who === "anyone") return true;
  if (role === null) return false;
  return who === "signed-in" || who.includes(role);
}

/** The table's entry for one route, or undefined (the policy tests name what is missing). */
export function routeAccess(route: string): TRouteAccess | undefined {
  return (accessPolicy as Record<string, TRouteAccess>)[route];
}
