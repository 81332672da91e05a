import { describe, expect, it } from "vitest";
import { ensureChromium, installInstruction, type Machine } from "./chromium.mjs";

const browser = "/usr/bin/chromium";

/** A machine without Chromium whose apt-get puts it in place (unless told to fail), recording what was run. */
function machineWithout(options: { root?: boolean; sudo?: boolean; aptGet?: boolean; aptFails?: boolean } = {}) {
  const installed = new Set<string>();
  const ran: string[] = [];
  const machine: Machine = {
    exists: (file) => installed.has(file),
    isRoot: () => options.root ?? false,
    hasCommand: (name) => name === "apt-get" && (options.aptGet ?? true),
    hasPasswordlessSudo: () => options.sudo ?? false,
    run: (command) => {
      ran.push(command.join(" "));
      if (options.aptFails) return { status: 100, output: "E: Unable to locate package chromium\n" };
      if (command.includes("install")) installed.add(browser);
      return { status: 0, output: "" };
    },
  };
  return { machine, ran };
}

describe("ensureChromium", () => {
  it("does nothing when the browser is there", () => {
    const { machine, ran } = machineWithout({ root: true });
    machine.exists = () => true;
    expect(ensureChromium({ browser, machine, log: () => {} })).toBeNull();
    expect(ran).toEqual([]);
  });

  it("installs it as root: apt-get update once, then a quiet, non-interactive install", () => {
    const { machine, ran } = machineWithout({ root: true });
    const logged: string[] = [];
    expect(ensureChromium({ browser, machine, log: (message) => logged.push(message) })).toBeNull();
    expect(ran).toEqual([
      "env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
      "env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
    ]);
    expect(logged.join("\n")).toContain("Installing it");
  });

  it("installs it through sudo without a password when not root", () => {
    const { machine, ran } = machineWithout({ sudo: true });
    expect(ensureChromium({ browser, machine, log: () => {} })).toBeNull();
    expect(ran).toEqual([
      "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
      "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
    ]);
  });

  it("says exactly what to run when this user may not install packages", () => {
    const { machine, ran } = machineWithout({ root: false, sudo: false });
    const problem = ensureChromium({ browser, machine, log: () => {} });
    expect(problem).toContain(`Run as root (or with sudo): ${installInstruction}`);
    expect(installInstruction).toBe("apt-get update && apt-get install -y chromium");
    expect(ran).toEqual([]);
  });

  it("says what to install on a machine without apt-get", () => {
    const { machine, ran } = machineWithout({ root: true, aptGet: false });
    expect(ensureChromium({ browser, machine, log: () => {} })).toContain(`install Chromium so that ${browser} starts it`);
    expect(ran).toEqual([]);
  });

  it("stops at a failed apt-get with its output and the command to run by hand", () => {
    const { machine, ran } = machineWithout({ root: true, aptFails: true });
    const problem = ensureChromium({ browser, machine, log: () => {} });
    expect(problem).toContain("apt-get update -qq failed (exit 100)");
    expect(problem).toContain("E: Unable to locate package chromium");
    expect(problem).toContain(installInstruction);
    expect(ran).toHaveLength(1);
  });

  it("does not pass an install that left no browser behind", () => {
    const { machine } = machineWithout({ root: true });
    machine.run = () => ({ status: 0, output: "" });
    expect(ensureChromium({ browser, machine, log: () => {} })).toContain(`${browser} is still missing`);
  });
});
