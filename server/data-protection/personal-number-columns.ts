/**
 * The register's personal numbers as written and as looked up: a user row's ID number goes with its blind index
 * (the migration's CHECK refuses one without the other), and a lookup by number asks the index, since the sealed
 * number itself never compares equal.
 */
import { inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import { blindIndex, blindIndexes } from "@/db/sealing/blind-index";

/** The columns of a user row for an ID number (or none): the number, sealed by its column, and its index. */
export function residentIdColumns(residentIdNumber: string | null): { residentIdNumber: string | null; residentIdIndex: string | null } {
  return { residentIdNumber, residentIdIndex: residentIdNumber === null ? null : blindIndex("resident-id", residentIdNumber) };
}

/** The condition "this user row holds this ID number". */
export function residentIdIs(residentIdNumber: string) {
  return inArray(users.residentIdIndex, blindIndexes("resident-id", residentIdNumber));
}
