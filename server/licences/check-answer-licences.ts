/**
 * What each wallet e-licence an application's answers use as a material verifies as today, by licence id: valid,
 * revoked, expired — or forged, when the register's row no longer matches its signature — as /verify would say it.
 * The clerk judging the application sees it beside the licence, since a licence valid at submit may be revoked since.
 * The caller has already been allowed to see the answers.
 */
import type { TDatabase } from "@/db/client";
import type { TVerifiedLicenceState } from "@/lib/licences/validity";
import { licenceIdsOf } from "./name-answer-licences";
import { verifyLicence } from "./verify-licence";

export async function checkAnswerLicences(options: { db: TDatabase; answers: Record<string, unknown>; today: string }): Promise<Record<string, TVerifiedLicenceState>> {
  const { db, answers, today } = options;
  const checked = await Promise.all(licenceIdsOf(answers).map(async (licenceId) => [licenceId, await verifyLicence({ db, licenceId, today })] as const));
  return Object.fromEntries(checked.flatMap(([licenceId, verification]) => (verification.state === "not-found" ? [] : [[licenceId, verification.state]])));
}
