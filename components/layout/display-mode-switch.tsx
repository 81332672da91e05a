"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { TDisplayMode } from "@/lib/display/display-mode";

/** A plain link to /display that switches the elder-friendly mode and comes back here: works without JavaScript. */
export function DisplayModeSwitch({ current, label }: { current: TDisplayMode; label: string }) {
  const query = useSearchParams().toString();
  const here = `${usePathname() || "/"}${query ? `?${query}` : ""}`;
  const next = current === "elder" ? "standard" : "elder";
  return (
    <a href={`/display?mode=${next}&next=${encodeURIComponent(here)}`} className="text-base text-white! visited:text-white">
      {label}
    </a>
  );
}
