/**
 * Statements of the hot paths (submitting, claiming) whose SQL drizzle builds once per process instead of on every
 * call, then runs on whichever database or transaction each call is given.
 *
 * drizzle's own `.prepare(name)` binds the prepared query to the session it was built on — the pool, or one
 * transaction's connection — and use cases receive a `db` that is often a transaction of the moment, so the query
 * would have to be built again per transaction, which is the very cost preparing saves (building is drizzle's
 * entity checks and SQL assembly, ≈ 0.1 ms a statement; see docs/BENCHMARKS.md). So the statement is built once,
 * with `sql.placeholder` for what varies, and each call hands the built text to the given session's `prepareQuery`,
 * which only wraps it: on node-postgres the call runs on the transaction's own connection as a named statement
 * (parsed once per connection, then executed by name); on PGlite, which has no named statements, as the same text.
 * Errors still pass through PgPreparedQuery.queryWithCache, so db/redact-query-errors.ts strips their values.
 *
 * A name is global to a connection and must stay unique to one SQL text: node-postgres refuses a name reused for
 * different text, so every statement here gets its own name, "<area>.<what>".
 */
import { is, Param, Placeholder, type Query, type SQL } from "drizzle-orm";
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import type { TDatabase } from "./client";

/** A query builder that drizzle can prepare (select, insert, update, delete). */
type TPreparable = { prepare: (name: string) => PgPreparedQuery<PreparedQueryConfig> };
type TResultOf<TBuilder extends TPreparable> = Awaited<ReturnType<ReturnType<TBuilder["prepare"]>["execute"]>>;

/**
 * What drizzle's prepared query keeps besides its SQL: how to map rows back to the selected fields. Instance
 * fields of both drivers' prepared queries (PglitePreparedQuery, NodePgPreparedQuery) in drizzle-orm 0.45, typed
 * as private there; db/prepared.test.ts checks on both drivers that a prebuilt statement maps rows as an unprepared
 * one does, so an upgrade that renames them fails there.
 */
type TBuilt = {
  getQuery: () => Query;
  fields?: Parameters<TDatabase["_"]["session"]["prepareQuery"]>[1];
  _isResponseInArrayMode: boolean;
  customResultMapper?: Parameters<TDatabase["_"]["session"]["prepareQuery"]>[4];
  queryMetadata?: Parameters<TDatabase["_"]["session"]["prepareQuery"]>[5];
  cacheConfig?: Parameters<TDatabase["_"]["session"]["prepareQuery"]>[6];
  joinsNotNullableMap?: Record<string, boolean>;
};

export type TPreparedStatement<TValues extends Record<string, unknown>, TResult> = (db: TDatabase, values: TValues) => Promise<TResult>;

/**
 * `build` receives a database only to start the builder from (any will do: nothing is run on it) and uses
 * `sql.placeholder("x")` for every value that varies; `values` then gives them by name.
 */
export function prepareStatement<TValues extends Record<string, unknown>, TBuilder extends TPreparable>(
  name: string,
  build: (db: TDatabase) => TBuilder,
): TPreparedStatement<TValues, TResultOf<TBuilder>> {
  let built: TBuilt | undefined;
  let text: Query | undefined;
  return (db, values) => {
    if (!built || !text) {
      built = build(db).prepare(name) as unknown as TBuilt;
      text = nullSafe(built.getQuery());
    }
    const query = db._.session.prepareQuery(
      text,
      built.fields,
      name,
      built._isResponseInArrayMode,
      built.customResultMapper,
      built.queryMetadata,
      built.cacheConfig,
    ) as unknown as TBuilt & { execute: (values: TValues) => Promise<TResultOf<TBuilder>> };
    query.joinsNotNullableMap = built.joinsNotNullableMap;
    return query.execute(values);
  };
}

/**
 * drizzle encodes a placeholder's value by its column (a Date for a timestamp, JSON for jsonb) without first asking
 * whether it is null, as it does for a plain value, so a nullable timestamp given null would throw. Null passes as null.
 */
function nullSafe(query: Query): Query {
  const params = query.params.map((param) => {
    if (!is(param, Param) || !is(param.value, Placeholder)) return param;
    const { encoder } = param;
    return new Param(param.value, { mapToDriverValue: (value: unknown) => (value === null ? null : encoder.mapToDriverValue(value)) });
  });
  return { ...query, params };
}

const dialect = new PgDialect();

/**
 * The same for a statement drizzle's builders cannot say, written as `sql` with `sql.placeholder("x")` for what
 * varies (cast each in the text: the driver sends them untyped). Values go to the driver as they are given, so dates
 * as ISO text and jsonb as JSON text. The result is the driver's rows, unmapped.
 */
export function prepareSqlStatement<TValues extends Record<string, unknown>, TRow = Record<string, unknown>>(name: string, build: () => SQL): TPreparedStatement<TValues, TRow[]> {
  let text: Query | undefined;
  return (db, values) => {
    text ??= dialect.sqlToQuery(build());
    const query = db._.session.prepareQuery(text, undefined, name, false) as unknown as { execute: (values: TValues) => Promise<TRow[] | { rows: TRow[] }> };
    return query.execute(values).then((result) => (Array.isArray(result) ? result : result.rows));
  };
}
