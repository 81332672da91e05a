/** What the logger writes: whatever a caller hands it, no answers, personal numbers, secrets or query strings reach the line. */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const logger = createLogger(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  return { logger, text: () => lines.join(""), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const secrets = ["310104198803124016", "13800138000", "demo2026", "authjs.session-token=abc", "d=eJyrVkrOz0", "home-purchase"];

describe("the logger", () => {
  it("redacts answers, personal numbers, passwords, cookies and query strings, at any depth", () => {
    const { logger, text, records } = capture();
    logger.info(
      {
        caseNumber: "BJ-20260302-000001",
        answers: { applicantIdNumber: "310104198803124016", purpose: "home-purchase" },
        request: { url: "/verify/4c1c?d=eJyrVkrOz0&s=x&k=y", headers: { cookie: "authjs.session-token=abc" } },
        user: { username: "citizen", password: "demo2026", mobile: "13800138000", residentIdNumber: "310104198803124016" },
        params: ["310104198803124016"],
        note: "applicant 310104198803124016 called from 13800138000",
      },
      "case %s for %s",
      "BJ-20260302-000001",
      "310104198803124016",
    );
    logger.child({ idNumber: "310104198803124016" }).warn("child line");
    for (const secret of secrets) expect(text()).not.toContain(secret);
    const [first, child] = records();
    expect(first).toMatchObject({
      level: 30,
      caseNumber: "BJ-20260302-000001",
      answers: "[redacted]",
      request: { url: "/verify/4c1c?[redacted]", headers: { cookie: "[redacted]" } },
      user: { username: "citizen", password: "[redacted]", mobile: "[redacted]", residentIdNumber: "[redacted]" },
      params: "[redacted]",
      note: "applicant 3101**********4016 called from 138****8000",
      msg: "case BJ-20260302-000001 for 3101**********4016",
    });
    expect(child).toMatchObject({ idNumber: "[redacted]", msg: "child line" });
  });

  it("drops answers whole wherever they hang, so a sensitive answer that is no number never reaches a line", () => {
    const { logger, text, records } = capture();
    const answers = { foodSafetyManagerHealthCertificate: "applying", staffIllness: "乙型肝炎病毒携带" };
    logger.warn({ case: { number: "OD202612060000001", answers }, supplement: { answers }, draft: { values: answers } }, "saved");
    for (const secret of ["applying", "乙型肝炎"]) expect(text()).not.toContain(secret);
    expect(records()[0]).toMatchObject({ case: { number: "OD202612060000001", answers: "[redacted]" }, supplement: { answers: "[redacted]" }, draft: { values: "[redacted]" } });
  });

  it("logs an error by its type, message and stack, and drops what a driver hangs on it", () => {
    const { logger, text, records } = capture();
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "13800138000"'), { code: "22P02", detail: "Failing row contains (310104198803124016)", params: ["310104198803124016"] });
    const error = new Error("Failed query: insert into users values ($1)\nparams: 310104198803124016,home-purchase", { cause });
    logger.error(error);
    logger.error({ err: error }, "it failed");
    for (const secret of secrets) expect(text()).not.toContain(secret);
    const [bare, wrapped] = records();
    expect(bare).toMatchObject({ level: 50, msg: "Failed query: insert into users values ($1)\nparams: [redacted]", err: { type: "Error", cause: { code: "22P02", message: 'invalid input syntax for type uuid: "[redacted]"' } } });
    expect(JSON.stringify(bare)).not.toContain("Failing row");
    expect(wrapped).toMatchObject({ msg: "it failed", err: { message: "Failed query: insert into users values ($1)\nparams: [redacted]" } });
  });
});
