/**
 * Columns whose values are sealed at rest (db/sealing/): drizzle seals on the way in and opens on the
 * way out, so use cases read and write them as plain values and a dump of the database shows only ciphertext.
 *
 * What this cannot do: compare. A sealed value is different every time it is written, so `eq(column, x)` never
 * matches; a lookup goes through the blind index column beside it (users.resident_id_index). Raw SQL that reads
 * these columns gets the sealed text and must open it itself (openText / openSealedStrings).
 */
import { customType } from "drizzle-orm/pg-core";
import { openText, sealText } from "@/db/sealing/seal";
import { openSealedStrings, sealPersonalStrings } from "@/db/sealing/seal-json";

/** A text column sealed whole; `context` ("table.column") binds each value to its place. */
export function sealedText(name: string, context: string) {
  return customType<{ data: string; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => sealText(value, context),
    fromDriver: (value) => openText(value, context),
  })(name);
}

/**
 * A jsonb column whose strings holding a personal number are sealed one by one (and whose sensitive answers the
 * writer sealed whole: db/sealing/seal-json.ts); every sealed string is opened on read.
 */
export function sealedJsonb<TData>(name: string, context: string) {
  return customType<{ data: TData; driverData: unknown }>({
    dataType: () => "jsonb",
    toDriver: (value) => JSON.stringify(sealPersonalStrings(value, context)),
    fromDriver: (value) => openSealedStrings(typeof value === "string" ? JSON.parse(value) : value, context) as TData,
  })(name);
}
