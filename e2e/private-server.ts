/**
 * A production server (`next start`, the build under test) of a journey's own, for journeys that must prepare its
 * database first or break it: on a free port, with the environment they give. Stopped by the journey.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a Node script to its end; resolves with its exit code and everything it printed. */
export function runToEnd(args: string[], env: Record<string, string | undefined>, onLine?: (line: string) => void) {
  const child = spawn(process.execPath, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n")) if (line) onLine?.(line);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

/** Runs a TypeScript script of the project with tsx (as npm scripts do). */
export const runScript = (script: string, env: Record<string, string | undefined>, onLine?: (line: string) => void) =>
  runToEnd([path.join("node_modules", "tsx", "dist", "cli.mjs"), script], env, onLine);

export type TPrivateServer = { origin: string; process: ChildProcess; stop: () => Promise<void>; /** Everything it printed so far. */ output: () => string };

/** Starts `next start` on `port` with `env` (PORT is set for it); resolves once it listens. */
export async function startServer(port: number, env: Record<string, string | undefined>): Promise<TPrivateServer> {
  const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Ready in")) resolve();
    });
    server.once("exit", (code) => reject(new Error(`next start exited (${code}):\n${log}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    process: server,
    output: () => log,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      // next start waits for open connections to finish before it exits; a browser left holding one must not hold
      // the journey past its hook's time. Said out loud, so a server that truly hangs on shutdown is noticed.
      const forced = setTimeout(() => {
        console.warn(`[private-server] next start on ${port} still running 15 s after SIGTERM; killing it. Its last output:\n${log.slice(-2000)}`);
        server.kill("SIGKILL");
      }, 15_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
