/**
 * Trials (action-trials.ts) of the second factor's actions: the code step of a sign-in, a person's own
 * /account/two-factor, and the admin's reset and department switch. Every staff member is allowed on their own
 * page, but what success looks like there depends on where they stand (admins and supervisors of the access world
 * are enrolled, clerks are not): an answer on that page, never a 403 or a trip to sign in.
 */
import type { TActionTrial } from "./action-trials";
import { redirectsTo } from "./trial-outcomes";

const returnedState: TActionTrial["succeeded"] = (result) => result.outcome.kind === "returned";

export const twoFactorTrials: Record<string, TActionTrial> = {
  // Without the pending sign-in's cookie (the trials hold none), the code step says the sign-in expired.
  "/login/code#submitSignInCodeAction": {
    fields: () => ({ code: "123456" }),
    actor: null,
    succeeded: redirectsTo(/^\/login\/code\?error=expired%3Asign-in-step$/),
  },
  "/login/code#restartSignInAction": { actor: null, succeeded: redirectsTo(/^\/login$/) },
  // A fresh secret for a person without one; an enrolled person is told so, on the page.
  "/account/two-factor#beginTwoFactorAction": {
    actor: "clerk-amr",
    succeeded: redirectsTo(/^\/account\/two-factor(\?error=conflict%3Atwo-factor-enrolled)?$/),
    writesAnyway: ["staff_two_factor"],
  },
  "/account/two-factor#discardTwoFactorAction": { actor: "clerk-amr", succeeded: redirectsTo(/^\/account\/two-factor$/) },
  // The form's state comes back: recovery codes, or why the code was refused (the trials cannot read the phone).
  "/account/two-factor#confirmTwoFactorAction": { state: true, fields: () => ({ code: "123456" }), actor: "clerk-amr", succeeded: returnedState },
  "/account/two-factor#regenerateRecoveryCodesAction": { state: true, actor: "supervisor", succeeded: returnedState, writesAnyway: ["recovery_codes"] },
  "/account/two-factor#turnOffTwoFactorAction": {
    fields: () => ({ code: "123456" }),
    actor: "clerk-amr",
    succeeded: redirectsTo(/^\/account\/two-factor(\?saved=off|\?error=[\w%-]+#turn-off)$/),
  },
  "/admin/people/[id]#resetTwoFactorAction": {
    bound: ({ twoFactorAccount }) => [twoFactorAccount.id],
    fields: () => ({}),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=two-factor-reset$/),
  },
  "/admin/departments/[id]#setDepartmentTwoFactorAction": {
    bound: ({ spareDepartment }) => [spareDepartment.id],
    fields: () => ({ required: "1" }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=two-factor-on$/),
  },
};
