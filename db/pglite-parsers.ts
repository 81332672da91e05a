/**
 * drizzle's PGlite driver passes the same type parsers with every query (dates, timestamps, intervals and their
 * arrays, numeric arrays: all kept as the text PostgreSQL sent, which drizzle's columns then map), and PGlite merges
 * them into a fresh copy of its table of ≈ 320 parsers for each query: ≈ 0.2 ms a statement, as much as a short
 * insert costs by itself (docs/BENCHMARKS.md, bench:intake). So the instance is given those parsers once, when it is
 * ready (after it has made its array parsers, which would replace them), and the per-query copy is left out of
 * drizzle's queries from then on. Results through drizzle are the same: db/pglite-parsers.test.ts compares them with
 * a plain client's. A query on the client itself, outside drizzle (TDatabaseHandle.pglite), now gets these types as
 * text as well.
 */
import { types, type PGlite, type Transaction } from "@electric-sql/pglite";

/** The type ids drizzle-orm 0.45's PGlite driver parses per query (drizzle-orm/pglite/session.js), each as text. */
const drizzleTextTypes = new Set<number>([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182]);
const keepText = (value: string) => value;

type TQuery = PGlite["query"];
type TQueryOptions = Parameters<TQuery>[2];

/** Whether these are drizzle's own per-query parsers, which the instance now applies by itself. */
function onlyDrizzleParsers(options: TQueryOptions): boolean {
  const parsers = options?.parsers;
  return parsers !== undefined && Object.keys(parsers).every((type) => drizzleTextTypes.has(Number(type)));
}

function withoutDrizzleParsers(query: TQuery, applied: () => boolean): TQuery {
  return ((text: string, params?: unknown[], options?: TQueryOptions) => {
    if (!applied() || !onlyDrizzleParsers(options)) return query(text, params, options);
    const { parsers: _same, ...rest } = options!;
    return query(text, params, rest);
  }) as TQuery;
}

/** Sets the parsers on the instance and has its queries, and those of its transactions, leave drizzle's copy out. */
export function parseOnceForDrizzle(client: PGlite): PGlite {
  let applied = false;
  void client.waitReady.then(() => {
    for (const type of drizzleTextTypes) client.parsers[type] = keepText;
    applied = true;
  });
  client.query = withoutDrizzleParsers(client.query.bind(client), () => applied);
  const transaction = client.transaction.bind(client);
  client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      tx.query = withoutDrizzleParsers(tx.query, () => applied);
      return callback(tx);
    })) as PGlite["transaction"];
  return client;
}
