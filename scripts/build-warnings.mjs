// Which lines of `next build`'s output are warnings, so `npm test` can refuse a build that prints one: a warning
// nobody reads today (process.exit seen by the Edge analysis, a deprecated option) is tomorrow's broken start-up.
// Plain JavaScript, like the script that uses it.
//
// What counts, after colours and leading spaces are stripped, is a line that starts with
// - "⚠", Next's own warning prefix (build/output/log.js: "⚠ Invalid next.config.ts options …");
// - "warn", the prefix older Next versions and some plugins print ("warn  - …");
// - "Warning:", Turbopack's per-file diagnostics ("Warning: A Node.js API is used (process.exit …)"), and its
//   summary "Turbopack build encountered 2 warnings:".
// Lines that merely contain the word (a route named /warnings, a file path) do not count, and neither does Next's
// "No build cache found" on a CI machine's first build (CI=true and no .next/cache): it is about the machine, not
// the source, and every build of a fresh clone prints it.

const ansi = /\u001b\[[0-9;]*[A-Za-z]/g;
const aboutTheMachine = /No build cache found/;
const warningLine = /^(?:⚠|warn\b|warning:|turbopack build encountered \d+ warnings?)/i;

/** The warning lines of a build's output (stdout and stderr together), colours removed; empty when clean. */
export function findBuildWarnings(output) {
  return output
    .split(/\r?\n/)
    .map((line) => line.replace(ansi, "").trim())
    .filter((line) => warningLine.test(line) && !aboutTheMachine.test(line));
}
