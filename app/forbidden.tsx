import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";

/** Rendered with a 403 when a signed-in person opens a page their role may not see. */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-4">{t("body")}</p>
      <p>
        <Link href="/">{t("link")}</Link>
      </p>
    </div>
  );
}
