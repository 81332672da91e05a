import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-4">{t("body")}</p>
      <p>
        <Link href="/services">{t("link")}</Link>
      </p>
    </div>
  );
}
