import { describe, expect, it } from "vitest";
import type { Machine } from "../chromium.mjs";
import { ensureNginx, nginxInstallInstruction } from "./ensure-nginx";

const nginx = "/usr/sbin/nginx";

/** A machine without nginx whose apt-get puts it in place (unless told to fail), recording what was run. */
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
      if (options.aptFails && command.includes("install")) return { status: 100, output: "E: Unable to locate package nginx-light\n" };
      if (command.includes("install")) installed.add(nginx);
      return { status: 0, output: "" };
    },
  };
  return { machine, ran };
}

describe("ensureNginx", () => {
  it("does nothing when nginx is there", () => {
    const { machine, ran } = machineWithout({ root: true });
    machine.exists = () => true;
    expect(ensureNginx({ nginx, machine, log: () => {} })).toBeNull();
    expect(ran).toEqual([]);
  });

  it("installs nginx-light as root, or with sudo: apt-get update, then a quiet, non-interactive install", () => {
    for (const [options, prefix] of [[{ root: true }, ""], [{ sudo: true }, "sudo -n "]] as const) {
      const { machine, ran } = machineWithout(options);
      const logged: string[] = [];
      expect(ensureNginx({ nginx, machine, log: (message) => logged.push(message) })).toBeNull();
      expect(ran).toEqual([`${prefix}env DEBIAN_FRONTEND=noninteractive apt-get update -qq`, `${prefix}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light`]);
      expect(logged.join("\n")).toContain("Installing it: apt-get install nginx-light");
    }
  });

  it("says what to run when it may not install, and why an install failed", () => {
    const { machine, ran } = machineWithout();
    expect(ensureNginx({ nginx, machine, log: () => {} })).toContain(`Run as root (or with sudo): ${nginxInstallInstruction}`);
    expect(ran).toEqual([]);
    expect(ensureNginx({ nginx, machine: machineWithout({ aptGet: false }).machine, log: () => {} })).toContain("This machine has no apt-get");
    const failing = ensureNginx({ nginx, machine: machineWithout({ root: true, aptFails: true }).machine, log: () => {} });
    expect(failing).toContain("apt-get install -y -qq nginx-light failed (exit 100)");
    expect(failing).toContain("Unable to locate package nginx-light");
  });
});
