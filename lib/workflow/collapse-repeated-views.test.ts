import { describe, expect, it } from "vitest";
import { collapseRepeatedViews } from "./collapse-repeated-views";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 2, minute));
const view = (id: number, minute: number, fileId: string, who = "市场监督管理局", taskId = "t-amr") => ({
  id,
  kind: "material-viewed",
  data: { kind: "file", fileId, name: `${fileId}.png` },
  createdAt: at(minute),
  taskId,
  who,
});

describe("collapseRepeatedViews", () => {
  it("shows opens of one material by one person for one task, one after another, as one line with the count and the last time", () => {
    const shown = collapseRepeatedViews([view(1, 0, "plan"), view(2, 5, "plan"), view(3, 9, "plan")]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: 1, createdAt: at(0), repeats: { count: 3, lastAt: at(9) } });
  });

  it("keeps apart different files, people, tasks, and opens with another event between them", () => {
    const claimed = { id: 9, kind: "task-claimed", data: {}, createdAt: at(3), taskId: "t-amr", who: "市场监督管理局" };
    const shown = collapseRepeatedViews([
      view(1, 0, "plan"),
      view(2, 1, "photo"),
      view(3, 2, "photo", "消防救援支队", "t-fire"),
      view(4, 2, "photo", "消防救援支队", "t-fire-2"),
      claimed,
      view(5, 4, "photo", "消防救援支队", "t-fire-2"),
    ]);
    expect(shown.map((event) => event.id)).toEqual([1, 2, 3, 4, 9, 5]);
    expect(shown.every((event) => !("repeats" in event) || event.repeats === undefined)).toBe(true);
  });

  it("collapses repeated opens of one wallet licence, and never merges events it cannot name", () => {
    const licence = (id: number, minute: number) => ({ id, kind: "material-viewed", data: { kind: "licence", licenceId: "l-1", number: "N1", title: {} }, createdAt: at(minute), taskId: "t", who: "x" });
    const unnamed = (id: number) => ({ id, kind: "material-viewed", data: {}, createdAt: at(id), taskId: "t", who: "x" });
    expect(collapseRepeatedViews([licence(1, 0), licence(2, 1)])).toMatchObject([{ id: 1, repeats: { count: 2, lastAt: at(1) } }]);
    expect(collapseRepeatedViews([unnamed(1), unnamed(2)])).toHaveLength(2);
  });
});
