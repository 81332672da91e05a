/**
 * Kill a replica mid-run: browsers submit applications through nginx the way applicants do (the journeys' own
 * steps, e2e/fixtures.ts), several at once and one after another; once `killAfter` are acknowledged (the browser
 * landed on the tracker with ?submitted=1, which the portal answers only after the case committed), `kill` is
 * called, and they carry on until `afterKill` more, started after the kill, are acknowledged. What comes back is
 * every acknowledged case number, to be found complete in the database, and every submission that failed.
 */
import { chromium, type Page } from "@playwright/test";
import { restaurantAnswers, signIn, submitInstantProof, submitRestaurant } from "../../e2e/fixtures";
import { journeyLaunchOptions } from "../../e2e/journey-server-env";

export type TSubmission = { worker: number; startedAt: number; endedAt: number; caseNumber?: string; error?: string };

export type TKillRun = {
  submissions: TSubmission[];
  killedAt: number | null;
  /** Submissions under way (started, not yet answered) when the kill came. */
  inFlightAtKill: number;
  acknowledged: string[];
  /** Submissions started after the kill that failed: there must be none. */
  failedAfterKill: TSubmission[];
};

export async function submitWhileKilling({
  origin,
  kill,
  workers = 6,
  killAfter = 8,
  afterKill = 8,
  timeoutMs = 300_000,
}: {
  origin: string;
  kill: () => void;
  workers?: number;
  killAfter?: number;
  afterKill?: number;
  timeoutMs?: number;
}): Promise<TKillRun> {
  const browser = await chromium.launch(journeyLaunchOptions);
  const submissions: TSubmission[] = [];
  let killedAt: number | null = null;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let stop = false;
  const deadline = Date.now() + timeoutMs;
  const acknowledgedAfterKill = () => submissions.filter((entry) => entry.caseNumber && killedAt !== null && entry.startedAt > killedAt).length;

  const watch = () => {
    if (killedAt === null && submissions.filter((entry) => entry.caseNumber).length >= killAfter) {
      killedAt = Date.now();
      inFlightAtKill = inFlight;
      kill();
    }
    if ((killedAt !== null && acknowledgedAfterKill() >= afterKill) || Date.now() > deadline) stop = true;
  };

  // Two of three workers: the citizen's instant proof (a licence at once); the rest: the company's three-department bundle.
  const run = async (worker: number) => {
    const context = await browser.newContext({ baseURL: origin, locale: "zh-CN" });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const bundle = worker % 3 === 2;
    await signIn(page, bundle ? "enterprise" : "citizen");
    while (!stop) {
      const entry: TSubmission = { worker, startedAt: Date.now(), endedAt: 0 };
      inFlight += 1;
      try {
        entry.caseNumber = bundle ? await submitRestaurant(page, restaurantAnswers({ shopName: `复制店 ${worker}-${submissions.length}` })) : await submitInstantProof(page);
      } catch (error) {
        entry.error = (error as Error).message.split("\n")[0].slice(0, 200);
      } finally {
        inFlight -= 1;
        entry.endedAt = Date.now();
        submissions.push(entry);
        watch();
      }
    }
    await context.close();
  };

  const ticker = setInterval(watch, 250);
  try {
    await Promise.all(Array.from({ length: workers }, (_, worker) => run(worker)));
  } finally {
    clearInterval(ticker);
    await browser.close();
  }
  const killed = killedAt as number | null;
  return {
    submissions,
    killedAt: killed,
    inFlightAtKill,
    acknowledged: submissions.flatMap((entry) => (entry.caseNumber ? [entry.caseNumber] : [])),
    failedAfterKill: killed === null ? [] : submissions.filter((entry) => !entry.caseNumber && entry.startedAt > killed),
  };
}
