import { createHash } from "node:crypto";

/**
 * The loader's small deterministic PRNG: every case, person and company draws from its own stream, keyed by the
 * seed and its index, so the same seed and index give the same rows however the load is batched or resumed.
 */

/** A 32-bit FNV-1a mix of the parts, the key of one stream. */
export function streamKey(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join("\u0000")) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export type TRandom = {
  /** [0, 1) */
  next: () => number;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** One of the keys, by weight. */
  weighted: <T extends string>(weights: readonly (readonly [T, number])[]) => T;
  /** A uuid (version 5 layout) of the stream's key and a counter: reproducible and unique. */
  uuid: () => string;
};

/**
 * sfc32, seeded with 128 bits of the SHA-1 of the stream's key: streams of different keys do not overlap (a 32-bit
 * state would, and a million cases' streams would collide). Ids are uuids of the version 5 layout over the key and
 * a counter, so they are unique by construction, not by luck.
 */
export function createRandom(...parts: (string | number)[]): TRandom {
  const key = parts.join("\u0000");
  const seed = createHash("sha1").update(key).digest();
  let a = seed.readUInt32LE(0);
  let b = seed.readUInt32LE(4);
  let c = seed.readUInt32LE(8);
  let d = seed.readUInt32LE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const result = (t + d) | 0;
    c = (c + result) | 0;
    return (result >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  let ids = 0;
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [key, weight] of weights) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return weights[weights.length - 1][0];
    },
    uuid: () => {
      const hex = createHash("sha1").update(`${key}\u0000id\u0000${ids++}`).digest("hex");
      const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
