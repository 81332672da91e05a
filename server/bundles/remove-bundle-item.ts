/**
 * An admin takes a service out of a bundle. Refused while another service of the bundle waits for it (change that
 * one's dependencies first), and when the form would no longer compose (a later rule reads a question only it asked).
 */
import type { TDatabase } from "@/db/client";
import type { TActor } from "@/server/auth/actor";
import { changeBundleItems, refuse } from "./change-bundle-items";

export async function removeBundleItem({ db, actor, bundleCode, serviceCode }: { db: TDatabase; actor: TActor; bundleCode: string; serviceCode: string }) {
  return changeBundleItems({
    db,
    actor,
    bundleCode,
    action: "remove-item",
    async change(items) {
      if (!items.some((item) => item.code === serviceCode)) return refuse("not-found:bundle-item");
      const waiting = items.find((item) => item.dependsOn.includes(serviceCode));
      if (waiting) return refuse("conflict:bundle-item-depended-on", { detail: waiting.code });
      return items.filter((item) => item.code !== serviceCode);
    },
  });
}
