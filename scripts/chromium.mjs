// Debian's Chromium for the Playwright journeys. Playwright cannot download its browsers on these machines (only the
// npm registry and Debian's packages are reachable), so `npm test` installs the package when it is missing and
// this process may, and otherwise says exactly what to run.
// Plain JavaScript: `npm test` uses it before the dependencies are installed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const chromiumPath = "/usr/bin/chromium";
export const installInstruction = "apt-get update && apt-get install -y chromium";

/** The machine as `ensureChromium` sees it; tests pass their own. */
export const thisMachine = {
  exists: (file) => fs.existsSync(file),
  isRoot: () => process.getuid?.() === 0,
  hasCommand: (name) => (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name))),
  hasPasswordlessSudo: () => spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0,
  run: (command) => {
    const result = spawnSync(command[0], command.slice(1), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}` };
  },
};

/**
 * Makes sure Debian's Chromium is at `browser`, installing it with apt-get when it is missing and this process may
 * install packages (root, or sudo without a password). Returns null when the browser is there, or else what to tell
 * the user.
 */
export function ensureChromium({ browser = chromiumPath, machine = thisMachine, log = console.log } = {}) {
  if (machine.exists(browser)) return null;
  const missing = `Debian's chromium is missing (${browser}); the journeys run in it, and browsers cannot be downloaded here.`;
  if (!machine.hasCommand("apt-get")) {
    return `${missing} This machine has no apt-get: install Chromium so that ${browser} starts it, then run npm test again.`;
  }
  const asRoot = machine.isRoot() ? [] : machine.hasPasswordlessSudo() ? ["sudo", "-n"] : null;
  if (!asRoot) return `${missing} Run as root (or with sudo): ${installInstruction}\nthen npm test again.`;

  log(`${missing} Installing it: apt-get install chromium …`);
  // env, not the child's environment: sudo resets the environment, and apt-get must not stop to ask anything.
  const aptGet = [...asRoot, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
  for (const command of [[...aptGet, "update", "-qq"], [...aptGet, "install", "-y", "-qq", "chromium"]]) {
    const result = machine.run(command);
    if (result.status !== 0) {
      const output = result.output.trim().split("\n").slice(-15).join("\n");
      return `${command.join(" ")} failed (exit ${result.status}):\n${output}\nRun as root (or with sudo): ${installInstruction}`;
    }
  }
  return machine.exists(browser) ? null : `apt-get installed chromium, but ${browser} is still missing.`;
}
