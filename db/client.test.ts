import net from "node:net";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { isConnectionFailure } from "./availability";
import { openDatabase, type TDatabaseHandle } from "./client";

const handles: TDatabaseHandle[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
  for (const server of servers.splice(0)) server.close();
});

/** A TCP server that accepts connections and never says a word: a PostgreSQL behind a dead network looks like this. */
async function silentServer(): Promise<number> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  server.on("close", () => sockets.forEach((socket) => socket.destroy()));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** A port nothing listens on: a stopped PostgreSQL. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function open(port: number, options: { connectTimeoutMs?: number; statementTimeoutMs?: number } = {}) {
  const handle = openDatabase({ kind: "postgresql", url: `postgresql://onedoor@127.0.0.1:${port}/onedoor`, ...options });
  handles.push(handle);
  return handle;
}

describe("the PostgreSQL client", () => {
  it("gives up on a server that accepts the connection but never answers, after the connect timeout", async () => {
    const handle = open(await silentServer(), { connectTimeoutMs: 300 });
    const started = Date.now();
    const failure = await handle.db.execute(sql`select 1`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(failure).toBeInstanceOf(Error);
    expect(isConnectionFailure(failure)).toBe(true);
  });

  it("reports a refused connection (a stopped server) as the database being unreachable", async () => {
    const handle = open(await closedPort());
    const failure = await handle.db.execute(sql`select 1`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isConnectionFailure(failure)).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("the PostgreSQL client against a real server", () => {
  it("has PostgreSQL cancel a statement that runs longer than the statement timeout", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const handle = openDatabase({ kind: "postgresql", url: url.toString(), statementTimeoutMs: 300 });
    handles.push(handle);
    const failure = await handle.db.execute(sql`select pg_sleep(5)`).then(
      () => null,
      (error: unknown) => error,
    );
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe("57014");
    // A slow statement says nothing about whether the database is there.
    expect(isConnectionFailure(failure)).toBe(false);
    const answer = (await handle.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] };
    expect(answer.rows).toEqual([{ one: 1 }]);
  });
});
