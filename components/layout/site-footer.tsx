import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-16 border-t-4 border-brand bg-panel">
      <div className="mx-auto max-w-5xl px-4 py-8 text-base text-muted">
        <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/services">{t("allServices")}</Link>
          </li>
          <li>
            <Link href="/statistics">{t("statistics")}</Link>
          </li>
          <li>
            <a href="/api/health">{t("status")}</a>
          </li>
        </ul>
        <p>{t("about")}</p>
      </div>
    </footer>
  );
}
