/**
 * A PostgreSQL server of a test's own — initdb into a temporary folder, its own port — that the test may stop,
 * freeze and start again without touching the machine's server (other tests use that one). Its processes are the
 * test's own, found by the postmaster's pid. As root (CI), initdb refuses to run, so everything runs as the
 * `postgres` user through runuser. Whatever it cannot do, it says why, and fails: nothing is skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function serverBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, "bin", "initdb"))) : [];
  if (versions.length === 0) {
    throw new Error(`No PostgreSQL server binaries under ${root}/*/bin (initdb, pg_ctl): install the postgresql package to run this test.`);
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(root, versions[0], "bin");
}

/** The user the server runs as: ourselves, or `postgres` when we are root. */
function serverUser(): { uid: number; gid: number; prefix: string[] } | null {
  if (process.getuid?.() !== 0) return null;
  const found = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (found.status !== 0) {
    throw new Error("Running as root, and there is no `postgres` user to run PostgreSQL as (initdb refuses root): create one, or run as another user.");
  }
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid: Number(found.stdout.trim()), gid, prefix: ["runuser", "-u", "postgres", "--"] };
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export type TPrivatePostgresql = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  start: () => void;
  /** A clean shutdown: connections are told and closed, new ones refused. */
  stop: () => void;
  /** Freezes every process of the server (SIGSTOP): connections stay open and nothing answers — a dead network. */
  freeze: () => number[];
  thaw: (pids: number[]) => void;
  /** Stops the server if it runs and removes its folder. */
  destroy: () => void;
};

export async function startPrivatePostgresql({ port }: { port: number }): Promise<TPrivatePostgresql> {
  const bin = serverBinaries();
  const user = serverUser();
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is taken: the test's own PostgreSQL needs it (stop whatever listens there).`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-outage-pg-"));
  if (user) fs.chownSync(folder, user.uid, user.gid);
  const dataDir = path.join(folder, "data");
  const run = (program: string, args: string[]) => {
    const [command, ...rest] = [...(user?.prefix ?? []), path.join(bin, program), ...args];
    const result = spawnSync(command, rest, { encoding: "utf8", cwd: folder });
    if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  };
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const start = () =>
    run("pg_ctl", ["-D", dataDir, "-l", path.join(folder, "server.log"), "-w", "-o", `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  const stop = () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const childrenOf = (parent: number) =>
    fs
      .readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          // The parent pid is the fourth field, after the command name in parentheses.
          const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
        } catch {
          return false; // it exited while we looked
        }
      })
      .map(Number);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    freeze: () => {
      const postmaster = postmasterPid();
      const pids = [postmaster, ...childrenOf(postmaster)];
      for (const pid of pids) process.kill(pid, "SIGSTOP");
      return pids;
    },
    thaw: (pids) => {
      for (const pid of pids) process.kill(pid, "SIGCONT");
    },
    destroy: () => {
      if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
        const [command, ...rest] = [...(user?.prefix ?? []), path.join(bin, "pg_ctl"), "-D", dataDir, "-m", "immediate", "-w", "stop"];
        spawnSync(command, rest, { cwd: folder });
      }
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
