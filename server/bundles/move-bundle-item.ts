/**
 * An admin moves a service up or down in its bundle. The order is the order of the applicant's form (each service's
 * questions after the earlier ones'), so the form is composed again, and a move that would leave a rule reading a
 * question asked only later is refused.
 */
import type { TDatabase } from "@/db/client";
import type { TActor } from "@/server/auth/actor";
import { changeBundleItems, refuse } from "./change-bundle-items";

export async function moveBundleItem({ db, actor, bundleCode, serviceCode, direction }: { db: TDatabase; actor: TActor; bundleCode: string; serviceCode: string; direction: "up" | "down" }) {
  return changeBundleItems({
    db,
    actor,
    bundleCode,
    action: "move-item",
    async change(items) {
      const from = items.findIndex((item) => item.code === serviceCode);
      if (from < 0) return refuse("not-found:bundle-item");
      const to = direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= items.length) return items;
      const moved = [...items];
      [moved[from], moved[to]] = [moved[to], moved[from]];
      return moved;
    },
  });
}
