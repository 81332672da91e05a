import Link from "next/link";

/** One service or bundle in a list: its name as the link, then who runs it and a one-line summary. */
export function CatalogCard({
  href,
  name,
  meta,
  summary,
}: {
  href: string;
  name: string;
  meta: React.ReactNode;
  summary: string;
}) {
  return (
    <li className="border-b border-line py-4">
      <h3 className="text-xl font-bold">
        <Link href={href}>{name}</Link>
      </h3>
      <p className="text-base text-muted">{meta}</p>
      <p className="mt-1">{summary}</p>
    </li>
  );
}
