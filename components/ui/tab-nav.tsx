import Link from "next/link";

export type TTab = { key: string; href: string; label: string; count?: string | number };

/**
 * Views of one list as a row of links (desk queues, /me filters): plain links, so each view has its own URL and
 * works without JavaScript; the current one is marked for assistive technology with aria-current.
 */
export function TabNav({ label, tabs, current }: { label: string; tabs: TTab[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b-2 border-line">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={`inline-flex items-center gap-2 border-b-4 px-3 py-2 ${tab.key === current ? "border-brand font-bold text-ink no-underline" : "border-transparent"}`}
            >
              {tab.label}
              {tab.count !== undefined ? <span className="min-w-7 rounded-full bg-panel px-2 text-center text-base text-ink">{tab.count}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
