import { describe, expect, it } from "vitest";
import { findBuildWarnings } from "./build-warnings.mjs";

const clean = [
  "▲ Next.js 16.4.6 (Turbopack)",
  "✓ Running next.config.ts took 131ms",
  "  Creating an optimized production build ...",
  "✓ Compiled successfully in 28.3s",
  "✓ Generating static pages using 1 worker (5/5) in 100ms",
  "├ ƒ /admin/warnings",
  "└ ƒ /verify/[id]",
].join("\n");

describe("findBuildWarnings", () => {
  it("finds nothing in a clean build, even where a route or path contains the word", () => {
    expect(findBuildWarnings(clean)).toEqual([]);
  });

  it("finds Turbopack's per-file warnings and their summary, colours removed", () => {
    const output = [
      clean,
      "\u001b[33mTurbopack build encountered 2 warnings:\u001b[0m",
      "./instrumentation.ts:31:5",
      "Warning: A Node.js API is used (process.exit at line: 31) which is not supported in the Edge Runtime.",
      "    Learn more: https://nextjs.org/docs/api-reference/edge-runtime",
    ].join("\n");
    expect(findBuildWarnings(output)).toEqual([
      "Turbopack build encountered 2 warnings:",
      "Warning: A Node.js API is used (process.exit at line: 31) which is not supported in the Edge Runtime.",
    ]);
  });

  it("finds Next's ⚠ lines and the older warn prefix", () => {
    const output = `${clean}\r\n \u001b[33m\u001b[1m⚠\u001b[22m\u001b[39m Invalid next.config.ts options detected\nwarn  - You have enabled experimental features\n`;
    expect(findBuildWarnings(output)).toEqual(["⚠ Invalid next.config.ts options detected", "warn  - You have enabled experimental features"]);
  });

  it("does not take a word that begins with warn for the prefix", () => {
    expect(findBuildWarnings("warnings-page compiled\nwarning light")).toEqual([]);
  });

  it("does not count Next's note that a CI machine's first build has no cache: every fresh clone prints it", () => {
    const output = `${clean}\n\u001b[33m\u001b[1m⚠\u001b[22m\u001b[39m No build cache found. Please configure build caching for faster rebuilds. Read more: https://nextjs.org/docs/messages/no-cache`;
    expect(findBuildWarnings(output)).toEqual([]);
  });
});
