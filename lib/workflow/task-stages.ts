/**
 * The dependency graph of a case's tasks as stages: stage 1 holds the tasks that wait on nothing (they run in
 * parallel, 并联); each later stage holds the tasks whose longest chain of prerequisites ends in the stage before
 * (串联). Shown on the tracker and the task page. A prerequisite that is not among the tasks is ignored, and a
 * cycle (which routing never builds) cannot loop: its tasks land in the last stage.
 */
export function layoutTaskStages<T extends { id: string; prerequisiteTaskIds: readonly string[] }>(tasks: readonly T[]): T[][] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const depth = new Map<string, number>();
  const depthOf = (task: T, visiting: Set<string>): number => {
    const known = depth.get(task.id);
    if (known !== undefined) return known;
    if (visiting.has(task.id)) return tasks.length;
    visiting.add(task.id);
    const prerequisites = task.prerequisiteTaskIds.flatMap((id) => byId.get(id) ?? []);
    const value = prerequisites.length === 0 ? 0 : 1 + Math.max(...prerequisites.map((prerequisite) => depthOf(prerequisite, visiting)));
    visiting.delete(task.id);
    depth.set(task.id, Math.min(value, tasks.length));
    return depth.get(task.id)!;
  };
  const stages: T[][] = [];
  for (const task of tasks) {
    const stage = depthOf(task, new Set());
    (stages[stage] ??= []).push(task);
  }
  return stages.filter((stage) => stage !== undefined);
}
