/**
 * Sign-in throttling is shared: wrong passwords for one account, posted through nginx so that round robin spreads
 * them over both replicas, hold the account after the allowance — and every replica then refuses even the right
 * password. Were the counts kept per process, neither replica would have seen enough failures to hold it.
 */
import { password as demoPassword } from "../../e2e/fixtures";

export type TThrottleOutcome = { ok: boolean; lines: string[] };

type TAttempt = { status: number; location: string; upstream: string };

export async function checkSharedThrottle({ origin, username, allowance }: { origin: string; username: string; allowance: number }): Promise<TThrottleOutcome> {
  const lines: string[] = [];
  // One CSRF token for every post, from whichever replica answers (its cookie is signed with the shared AUTH_SECRET),
  // so that the posts alone take turns between the replicas.
  const csrf = await getOnce(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  const attempt = async (password: string): Promise<TAttempt> => {
    const response = await fetch(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }),
      redirect: "manual",
    });
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get("location") ?? "", upstream: response.headers.get("x-onedoor-upstream") ?? "?" };
  };

  // A right password first: whatever the journeys left of this account's count is forgotten.
  const fresh = await attempt(demoPassword);
  if (fresh.status !== 302 || fresh.location.includes("error=")) {
    return { ok: false, lines: [`signing in as "${username}" with the right password first did not succeed: ${fresh.status} ${fresh.location}`] };
  }
  const failures: TAttempt[] = [];
  for (let i = 0; i < allowance; i += 1) failures.push(await attempt("not-the-password"));
  // Each wrong password is checked: refused (302 …code=credentials) until the one that uses the allowance up, which
  // starts the wait and answers 429 at once.
  const checked = failures.filter((failure, i) => (i < allowance - 1 ? failure.status === 302 && failure.location.includes("code=credentials") : failure.status === 429));
  const perReplica = countBy(failures.map((failure) => failure.upstream));
  lines.push(`${allowance} wrong passwords for "${username}" through nginx: ${checked.length} answered as they should (${allowance - 1} refused, the last with 429: the wait starts); answered by ${describeCounts(perReplica)}`);
  let ok = checked.length === allowance;
  if (!ok) lines.push(`  expected 302 …code=credentials, then 429: ${failures.map((failure) => `${failure.status} ${failure.location}`).join("; ")}`);
  const largestShare = Math.max(...perReplica.values());
  lines.push(`  no replica saw more than ${largestShare} of them: counted per process, none would have held the account`);
  if (perReplica.size < 2 || largestShare >= allowance) {
    ok = false;
    lines.push("  the failures did not spread over both replicas, so this proves nothing about sharing");
  }

  // Now the right password: refused (429) by whichever replica answers, until each has answered at least once.
  const held: TAttempt[] = [];
  while (held.length < 6 && new Set(held.map((answer) => answer.upstream)).size < 2) held.push(await attempt(demoPassword));
  const refusedBy = countBy(held.filter((answer) => answer.status === 429).map((answer) => answer.upstream));
  lines.push(`then the right password ${held.length} times: refused with 429 by ${describeCounts(refusedBy)}${held.some((answer) => answer.status !== 429) ? `; NOT refused: ${held.filter((answer) => answer.status !== 429).map((answer) => `${answer.status} from ${answer.upstream}`).join(", ")}` : ""}`);
  if (held.some((answer) => answer.status !== 429) || refusedBy.size < 2) ok = false;
  return { ok, lines };
}

/**
 * A GET, asked again once if the connection fails before an answer: the run's first request after the journeys may be
 * sent on a keep-alive connection nginx has closed meanwhile (EPIPE), which says nothing about the replicas.
 */
async function getOnce(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

export const describeCounts = (counts: Map<string, number>) =>
  counts.size === 0 ? "none" : [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => `${name} ×${n}`).join(", ");
