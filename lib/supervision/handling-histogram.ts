/**
 * Handling times kept as a histogram (working days → tasks), so that the days of a range add up: the average and the
 * 90th percentile of a range are those of all its tasks, as PostgreSQL's avg and percentile_cont would give over them.
 */
export type THandlingHistogram = Record<string, number>;

/** Adds `more` into `into` (changed in place) and returns it. */
export function addHistogram(into: THandlingHistogram, more: THandlingHistogram): THandlingHistogram {
  for (const [days, tasks] of Object.entries(more)) into[days] = (into[days] ?? 0) + tasks;
  return into;
}

/** The average and the continuous percentile `fraction` (percentile_cont: interpolated between neighbours), or nulls. */
export function summarizeHistogram(histogram: THandlingHistogram, fraction = 0.9): { average: number | null; percentile: number | null } {
  const entries = Object.entries(histogram)
    .map(([days, tasks]) => [Number(days), tasks] as const)
    .filter(([, tasks]) => tasks > 0)
    .sort(([a], [b]) => a - b);
  const count = entries.reduce((sum, [, tasks]) => sum + tasks, 0);
  if (count === 0) return { average: null, percentile: null };
  const total = entries.reduce((sum, [days, tasks]) => sum + days * tasks, 0);
  const position = fraction * (count - 1);
  const valueAt = (index: number) => {
    let seen = 0;
    for (const [days, tasks] of entries) {
      seen += tasks;
      if (index < seen) return days;
    }
    return entries[entries.length - 1][0];
  };
  const lower = valueAt(Math.floor(position));
  const upper = valueAt(Math.ceil(position));
  return { average: total / count, percentile: lower + (position - Math.floor(position)) * (upper - lower) };
}
