/**
 * Password hashing with argon2id (OWASP's first choice) through @node-rs/argon2, a native binding whose async
 * hash and verify run on libuv's thread pool: a sign-in no longer stops every other request for the ~40 ms an
 * argon2 run takes on the event loop (hash-wasm did). Hashes are PHC strings, so those hash-wasm wrote (the seed's,
 * every existing account's) verify unchanged.
 *
 * Off the event loop is not enough on its own: libuv's pool has 4 threads, and 4 argon2 runs at once on a 2-core
 * machine leave the event loop's thread waiting for a core. So at most one run fewer than the cores goes at a time
 * (at least one); the rest queue, which slows a burst of sign-ins, not everybody else's requests.
 */
import os from "node:os";
import { hash } from "@node-rs/argon2";
import { limitConcurrency } from "@/lib/limit-concurrency";
import { verifyOnThread } from "./argon2-thread";

// OWASP 2024 minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane. The library's default algorithm is argon2id.
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

const inTurn = limitConcurrency(Math.max(1, os.availableParallelism() - 1));

export async function hashPassword(password: string): Promise<string> {
  return inTurn(() => hash(password, PARAMS));
}

/**
 * Whether `password` matches `passwordHash` (the parameters come from the hash itself). A stored hash that is not an
 * argon2 PHC string throws: that is damaged data to be seen in the logs, not a wrong password.
 */
export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return verifyOnThread(passwordHash, password);
}
