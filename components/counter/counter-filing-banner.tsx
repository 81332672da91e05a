import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { maskIdentifier } from "@/lib/identifiers/mask";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TCounterApplicant } from "@/server/counter/get-counter-applicant";

/** On every wizard page a counter clerk fills in: whom they are filing for (number masked), with the way back to them. */
export async function CounterFilingBanner({ applicant, locale }: { applicant: TCounterApplicant; locale: Locale }) {
  const t = await getTranslations("counter");
  const name = applicant.kind === "person" ? nameForReader(applicant.name, locale) : nameForReader(applicant.name, locale, "company");
  const number = applicant.kind === "person" ? applicant.residentIdNumber : applicant.uscc;
  return (
    <p className="mb-6 border-l-8 border-brand bg-panel p-3">
      {t("filingFor")}{" "}
      <Link href={`/counter/applicants/${applicant.id}`} className="font-semibold">
        {name}
      </Link>
      {number ? <span className="font-mono"> · {maskIdentifier(number)}</span> : null}
    </p>
  );
}
