import { getLocale, getTranslations } from "next-intl/server";
import { SigningKeysNote, VerificationVerdict } from "@/components/licences/verification-verdict";
import { PageHeading } from "@/components/ui/page-heading";
import type { Locale } from "@/lib/i18n/locales";

/** /verify/<id> of an id never issued: status 404, with the same verdict page a known licence gets. */
export default async function LicenceNotFound() {
  const t = await getTranslations("verify");
  const locale = (await getLocale()) as Locale;
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <VerificationVerdict result={{ state: "not-found" }} checkedAt={new Date()} locale={locale} />
      <SigningKeysNote />
    </div>
  );
}
