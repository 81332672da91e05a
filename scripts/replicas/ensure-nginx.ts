/**
 * Debian's nginx for the replicas test: installed with apt-get (nginx-light: a proxy is all it needs) when missing
 * and this process may install packages (root, or sudo without a password); otherwise it says exactly what to run.
 * The machine is scripts/chromium.mjs's, so the test can pass a pretend one.
 */
import { thisMachine, type Machine } from "../chromium.mjs";

export const nginxPath = "/usr/sbin/nginx";
export const nginxInstallInstruction = "apt-get update && apt-get install -y nginx-light";

/** Null when nginx is there (or now installed); otherwise what to tell the user. */
export function ensureNginx({ nginx = nginxPath, machine = thisMachine, log = console.log }: { nginx?: string; machine?: Machine; log?: (message: string) => void } = {}): string | null {
  if (machine.exists(nginx)) return null;
  const missing = `nginx is missing (${nginx}); the replicas test puts it in front of the two app processes.`;
  if (!machine.hasCommand("apt-get")) return `${missing} This machine has no apt-get: install nginx so that ${nginx} runs it, then run npm run test:replicas again.`;
  const asRoot = machine.isRoot() ? [] : machine.hasPasswordlessSudo() ? ["sudo", "-n"] : null;
  if (!asRoot) return `${missing} Run as root (or with sudo): ${nginxInstallInstruction}\nthen npm run test:replicas again.`;

  log(`${missing} Installing it: apt-get install nginx-light …`);
  // env, not the child's environment: sudo resets the environment, and apt-get must not stop to ask anything.
  const aptGet = [...asRoot, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
  for (const command of [[...aptGet, "update", "-qq"], [...aptGet, "install", "-y", "-qq", "nginx-light"]]) {
    const result = machine.run(command);
    if (result.status !== 0) {
      const output = result.output.trim().split("\n").slice(-15).join("\n");
      return `${command.join(" ")} failed (exit ${result.status}):\n${output}\nRun as root (or with sudo): ${nginxInstallInstruction}`;
    }
  }
  // Debian starts the packaged service on port 80; this test runs an nginx of its own and leaves that one alone.
  return machine.exists(nginx) ? null : `apt-get installed nginx-light, but ${nginx} is still missing.`;
}
