/**
 * Every server action of app/, by its route as the access policy names it: what the route-level tests beside it
 * (access policy, hostile input, the action wrapper) pass to the trials of server/testing/action-trials.ts. A folder
 * whose name starts with "_" is no route (Next.js private folder); these tests live in app/ because server/ never
 * imports app/.
 *
 * Import this module after the stubs of server/testing/call-action.ts are declared (vi.mock is hoisted, so any
 * import order in the test file works).
 */
import type { TAction } from "@/server/testing/action-trials";
import * as accountPasswordActions from "../account/password/actions";
import * as auditActions from "../admin/audit/actions";
import * as accountTwoFactorActions from "../account/two-factor/actions";
import * as bundleItemActions from "../admin/bundles/[code]/items/[service]/actions";
import * as bundleActions from "../admin/bundles/[code]/actions";
import * as bundlesActions from "../admin/bundles/actions";
import * as calendarActions from "../admin/calendar/actions";
import * as departmentActions from "../admin/departments/[id]/actions";
import * as departmentsActions from "../admin/departments/actions";
import * as formActions from "../admin/forms/[subjectType]/[code]/actions";
import * as outboxActions from "../admin/outbox/actions";
import * as accountActions from "../admin/people/[id]/actions";
import * as peopleActions from "../admin/people/actions";
import * as serviceActions from "../admin/services/[code]/actions";
import * as newServiceActions from "../admin/services/new/actions";
import * as reasonActions from "../admin/reasons/[id]/actions";
import * as reasonsActions from "../admin/reasons/actions";
import * as applyActions from "../apply/[code]/actions";
import * as counterActions from "../counter/actions";
import * as counterApplicantActions from "../counter/applicants/[id]/actions";
import * as deskActions from "../desk/actions";
import * as bulkActions from "../desk/bulk/actions";
import * as followUpActions from "../desk/follow-ups/[id]/actions";
import * as licenceActions from "../desk/licences/[id]/actions";
import * as taskActions from "../desk/tasks/[id]/actions";
import * as urgingActions from "../desk/urgings/[id]/actions";
import * as loginActions from "../login/actions";
import * as loginCodeActions from "../login/code/actions";
import * as caseActions from "../me/cases/[number]/actions";
import * as supplementActions from "../me/cases/[number]/supplements/[request]/actions";
import * as inboxActions from "../me/inbox/actions";
import * as superviseActions from "../supervise/actions";
import * as sendUrgingActions from "../supervise/urgings/new/actions";
import * as verifyActions from "../verify/[id]/actions";

const modules: Record<string, Record<string, unknown>> = {
  "/account/password": accountPasswordActions,
  "/admin/audit": auditActions,
  "/account/two-factor": accountTwoFactorActions,
  "/admin/bundles": bundlesActions,
  "/admin/bundles/[code]": bundleActions,
  "/admin/bundles/[code]/items/[service]": bundleItemActions,
  "/admin/calendar": calendarActions,
  "/admin/departments": departmentsActions,
  "/admin/departments/[id]": departmentActions,
  "/admin/people": peopleActions,
  "/admin/people/[id]": accountActions,
  "/admin/services/new": newServiceActions,
  "/admin/services/[code]": serviceActions,
  "/admin/reasons": reasonsActions,
  "/admin/reasons/[id]": reasonActions,
  "/admin/forms/[subjectType]/[code]": formActions,
  "/admin/outbox": outboxActions,
  "/apply/[code]": applyActions,
  "/counter": counterActions,
  "/counter/applicants/[id]": counterApplicantActions,
  "/desk": deskActions,
  "/desk/bulk": bulkActions,
  "/desk/follow-ups/[id]": followUpActions,
  "/desk/licences/[id]": licenceActions,
  "/desk/tasks/[id]": taskActions,
  "/desk/urgings/[id]": urgingActions,
  "/login": loginActions,
  "/login/code": loginCodeActions,
  "/me/cases/[number]": caseActions,
  "/me/cases/[number]/supplements/[request]": supplementActions,
  "/me/inbox": inboxActions,
  "/supervise": superviseActions,
  "/supervise/urgings/new": sendUrgingActions,
  "/verify/[id]": verifyActions,
};

/** The action exported as `name` beside the route, or undefined (a test then names what is missing here). */
export function appActionOf(route: string, name: string): TAction | undefined {
  const action = modules[route]?.[name];
  return typeof action === "function" ? (action as TAction) : undefined;
}
