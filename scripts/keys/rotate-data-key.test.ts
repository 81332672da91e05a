/**
 * `npm run keys:rotate-data` as an operator runs it on an embedded installation with its keys in DATA_DIR: the
 * values end up sealed under a new key, the old key retired beside the backups it still opens; and a start without
 * the key is refused, naming it, and works again once the key directory is restored.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("keys:rotate-data on an embedded installation", () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const tsx = async (script: string, ...args: string[]) => {
    try {
      const { stdout, stderr } = await run("npx", ["tsx", script, ...args], { env, timeout: 120_000 });
      return { code: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
    }
  };
  const keyDirectory = () => path.join(dataDir, "data-keys");
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-rotate-"));
    // Keys from DATA_DIR, as an installation without DATA_ENCRYPTION_KEY has them (the tests' own key left out).
    env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DATA_ENCRYPTION_KEY: "", DATA_ENCRYPTION_KEY_PREVIOUS: "", LOG_LEVEL: "silent" };
    expect((await tsx("scripts/setup.ts")).code).toBe(0);
  }, 180_000);
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("seals everything again under a new key and retires the old one into data-keys/retired/", async () => {
    const before = fs.readFileSync(path.join(keyDirectory(), "data.key"), "utf8");
    const rotated = await tsx("scripts/keys/rotate-data-key.ts", "--settle-ms", "0");
    expect(rotated.code, rotated.output).toBe(0);
    const [, oldKeyId] = /new data key [0-9a-f]{16} in .*; ([0-9a-f]{16}) kept/.exec(rotated.output) ?? [];
    expect(oldKeyId).toBeDefined();
    expect(rotated.output).toMatch(/finished: [1-9]\d* row\(s\) sealed again/);
    expect(fs.readFileSync(path.join(keyDirectory(), "data.key"), "utf8")).not.toBe(before);
    expect(fs.existsSync(path.join(keyDirectory(), "data.previous.key"))).toBe(false);
    expect(fs.readFileSync(path.join(keyDirectory(), "retired", `${oldKeyId}.key`), "utf8")).toBe(before);
    // The next start reads everything with the new key alone.
    expect((await tsx("scripts/setup.ts")).code).toBe(0);
  }, 180_000);

  it("refuses to start without the key, naming it, and starts again once the key directory is back", async () => {
    fs.renameSync(keyDirectory(), `${keyDirectory()}.away`);
    const refused = await tsx("scripts/setup.ts");
    expect(refused.code).toBe(5);
    expect(refused.output).toMatch(/sealed under data key [0-9a-f]{16}, which this server does not hold/);
    fs.rmSync(keyDirectory(), { recursive: true, force: true });
    fs.renameSync(`${keyDirectory()}.away`, keyDirectory());
    expect((await tsx("scripts/setup.ts")).code).toBe(0);
  }, 180_000);
});
