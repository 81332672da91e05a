/**
 * The current time of the supervision pages, which a journey must be able to move so a task turns yellow and red
 * without waiting days. TEST ONLY: the `onedoor-test-now` cookie (an ISO instant) is honoured only when the server
 * runs with ONEDOOR_TEST_CLOCK=on, which server/env.ts refuses beside an https PUBLIC_BASE_URL and in a production
 * deployment on PostgreSQL (unless its public address is plain http on this machine). Elsewhere, and for every other use case, the time is the machine's.
 */
import { cookies } from "next/headers";
import { getEnv } from "@/server/env";

export const TEST_CLOCK_COOKIE = "onedoor-test-now";

/** The time to count with, and whether it is a test clock's (the page then says so). */
export async function readCurrentTime(): Promise<{ now: Date; testClock: boolean }> {
  if (getEnv().ONEDOOR_TEST_CLOCK !== "on") return { now: new Date(), testClock: false };
  const value = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
  const set = value ? new Date(value) : null;
  return set && !Number.isNaN(set.getTime()) ? { now: set, testClock: true } : { now: new Date(), testClock: false };
}
