/**
 * At most `size` jobs at a time; the rest wait their turn in arrival order. For work whose cost lands on something
 * shared (CPU cores, the embedded database's one query queue) and must not crowd out everything else.
 */
export function limitConcurrency(size: number): <T>(job: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`limitConcurrency: size must be a whole number ≥ 1, got ${size}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function inTurn<T>(job: () => Promise<T>): Promise<T> {
    if (running < size) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      // Hand the turn straight to the next in line, or give it back.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
