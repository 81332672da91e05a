/**
 * Every open of a material by staff stays on the trail (审计留痕), but a clerk who opens the same floor plan five times
 * while judging it should read as one line on a timeline, not five. Opens of the same material for the same task by
 * the same person, one right after another, are shown once with how many there were and when the last one was; any
 * other event between them starts a new line, so the timeline still reads in order.
 */
type TViewEvent = { kind: string; data: Record<string, unknown>; createdAt: Date; taskId?: string | null; who?: string | null };

export type TCollapsedEvent<T extends TViewEvent> = T & { repeats?: { count: number; lastAt: Date } };

export function collapseRepeatedViews<T extends TViewEvent>(events: T[]): TCollapsedEvent<T>[] {
  const shown: TCollapsedEvent<T>[] = [];
  for (const event of events) {
    const previous = shown.at(-1);
    if (previous && sameView(previous, event)) {
      previous.repeats = { count: (previous.repeats?.count ?? 1) + 1, lastAt: event.createdAt };
      continue;
    }
    shown.push({ ...event });
  }
  return shown;
}

function sameView(a: TViewEvent, b: TViewEvent): boolean {
  if (a.kind !== "material-viewed" || b.kind !== "material-viewed") return false;
  const material = materialKey(a);
  return material !== null && material === materialKey(b) && (a.taskId ?? null) === (b.taskId ?? null) && (a.who ?? null) === (b.who ?? null);
}

function materialKey(event: TViewEvent): string | null {
  const { kind, fileId, licenceId } = event.data;
  if (kind === "file" && typeof fileId === "string") return `file:${fileId}`;
  if (kind === "licence" && typeof licenceId === "string") return `licence:${licenceId}`;
  return null;
}
