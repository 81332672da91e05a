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
  /** A uuid (version 4 layout) made of the stream's bits: reproducible, and unique in practice. */
  uuid: () => string;
};

/** mulberry32, seeded with the stream's key. */
export function createRandom(...parts: (string | number)[]): TRandom {
  let state = streamKey(...parts);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const word = () => Math.floor(next() * 0x100000000).toString(16).padStart(8, "0");
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
      const hex = word() + word() + word() + word();
      const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
