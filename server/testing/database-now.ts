/**
 * A time no earlier than any `now()` the database has already written. PostgreSQL keeps microseconds and a JS Date
 * milliseconds, so a row stamped by defaultNow() within the current millisecond (say 12:00:00.123456) is later than
 * `new Date()` (12:00:00.123): a query for rows due "by now" would miss it on a fast machine, now and then.
 */
export function databaseNow(): Date {
  return new Date(Date.now() + 1);
}
