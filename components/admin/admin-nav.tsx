"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TAdminNavItem = { href: string; label: string };

/**
 * The administration's sections as one row of links on every /admin page; the section of this page is marked for
 * assistive technology (aria-current). Labels come translated from the layout, so no messages travel to the browser.
 */
export function AdminNav({ label, items }: { label: string; items: TAdminNavItem[] }) {
  const pathname = usePathname();
  const current = items.filter((item) => pathname === item.href || (item.href !== "/admin" && pathname.startsWith(`${item.href}/`))).at(-1)?.href;
  return (
    <nav aria-label={label} className="mb-6 border-b-2 border-line">
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className={`inline-block border-b-4 px-2 py-2 ${item.href === current ? "border-brand font-bold text-ink no-underline" : "border-transparent"}`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
