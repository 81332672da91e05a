/**
 * Blind indexes: a keyed hash (HMAC-SHA-256 under the data key's index key, data-keys.ts) stored beside a sealed
 * value, so a row can be found by the value — the counter finding a person by ID number, the identity step
 * linking a first sign-in to the register — and kept unique, without the value in clear. Without the key, the
 * index is no help: an ID number is guessable (birth date and sequence, a few million tries), an unkeyed hash
 * would not be. 128 bits are kept: no two people's numbers share one.
 *
 * During a rotation rows are indexed under either key, so a lookup asks for each held key's index.
 */
import { createHmac } from "node:crypto";
import { getDataKeys, heldDataKeys, type TDataKey } from "./data-keys";

export type TBlindIndexPurpose = "resident-id";

export function blindIndexWith(key: TDataKey, purpose: TBlindIndexPurpose, value: string): string {
  return createHmac("sha256", key.indexKey).update(`${purpose}\n${value}`, "utf8").digest("base64url").slice(0, 22);
}

/** The index written with a value: under the active key. */
export function blindIndex(purpose: TBlindIndexPurpose, value: string): string {
  return blindIndexWith(getDataKeys().active, purpose, value);
}

/** What a lookup asks for: the value's index under every key held (one, or two during a rotation). */
export function blindIndexes(purpose: TBlindIndexPurpose, value: string): string[] {
  return heldDataKeys().map((key) => blindIndexWith(key, purpose, value));
}
