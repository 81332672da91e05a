/**
 * Recovery codes: ten for a lost phone, each usable once, shown to the person once and stored only as SHA-256
 * hashes. Random and long (12 characters from 31 without look-alikes, about 59 bits), so a plain hash is enough: a
 * copy of the database does not give them away, and there is nothing short enough to try offline. Lower case only,
 * and read without spaces or dashes, so what the person copied or typed from paper is what counts.
 */
import { createHash, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { recoveryCodes } from "@/db/schema";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 12;

/** The code as it is compared: lower case, without spaces and dashes; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, "").toLowerCase();
  return code.length === LENGTH && [...code].every((character) => ALPHABET.includes(character)) ? code : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("base64url");
}

/** One code as shown: three groups of four. */
function makeRecoveryCode(): string {
  const characters = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join("")).join("-");
}

/** Voids the person's codes and writes ten new ones (in the caller's transaction); returns them, the only time they exist in clear. */
export async function replaceRecoveryCodes(tx: TDatabase, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, makeRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })));
  return codes;
}
