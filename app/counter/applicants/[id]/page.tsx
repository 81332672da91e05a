import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { maskIdentifier, maskMobile } from "@/lib/identifiers/mask";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { getRegion } from "@/lib/regions/regions";
import { requireActor } from "@/server/auth/require-actor";
import { listCatalog } from "@/server/catalog/list-catalog";
import { listMyDrafts } from "@/server/drafts/list-my-drafts";
import { getCounterApplicant } from "@/server/counter/get-counter-applicant";
import { isErrorCode } from "@/server/errors";
import { startCounterDraftAction } from "./actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ recorded?: string; error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("counter"))("applicantTitle") };
}

/** The applicant a counter clerk found or recorded: who they are (numbers masked), and what to file for them. */
export default async function CounterApplicantPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/counter/applicants/[id]", returnTo: `/counter/applicants/${id}` });
  const db = getDb();
  const found = await getCounterApplicant({ db, actor, id });
  if (!found.ok) notFound();
  const { applicant } = found;
  const { recorded, error } = await searchParams;
  const t = await getTranslations("counter");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const [catalog, drafts] = await Promise.all([
    listCatalog({ db, filters: { applicantType: applicant.kind === "person" ? "natural" : "legal" } }),
    listMyDrafts({ db, actor, filedFor: applicant.id }),
  ]);
  const region = applicant.kind === "company" ? getRegion(applicant.regionCode) : undefined;

  const rows =
    applicant.kind === "person"
      ? [
          { key: t("record.name"), value: nameForReader(applicant.name, locale) },
          { key: t("record.residentIdNumber"), value: <span className="font-mono">{applicant.residentIdNumber ? maskIdentifier(applicant.residentIdNumber) : "—"}</span> },
          { key: t("record.mobile"), value: <span className="font-mono">{applicant.mobile ? maskMobile(applicant.mobile) : "—"}</span> },
        ]
      : [
          { key: t("record.companyName"), value: nameForReader(applicant.name, locale, "company") },
          { key: t("record.uscc"), value: <span className="font-mono">{maskIdentifier(applicant.uscc)}</span> },
          { key: t("record.legalRepresentative"), value: nameForReader(applicant.legalRepresentative, locale) },
          { key: t("record.address"), value: `${region ? `${localize(region.name, locale)} ` : ""}${applicant.registeredAddress}` },
        ];
  if (applicant.recordedBy && applicant.recordedAt) {
    rows.push({ key: t("recordedAtCounter"), value: t("recordedBy", { name: nameForReader(applicant.recordedBy, locale), date: formatDateTime(applicant.recordedAt, locale) }) });
  }

  return (
    <div className="max-w-3xl">
      {recorded === "1" ? (
        <p role="status" className="mb-6 border-l-8 border-go bg-[#e6f2ec] p-4 font-semibold">
          {t(applicant.kind === "person" ? "recordedPerson" : "recordedCompany")}
        </p>
      ) : null}
      {isErrorCode(error) ? (
        <div role="alert" className="mb-8 border-4 border-danger p-4 font-semibold">
          {te(error)}
        </div>
      ) : null}
      <PageHeading caption={t(applicant.kind === "person" ? "kinds.person" : "kinds.company")}>
        {applicant.kind === "person" ? nameForReader(applicant.name, locale) : nameForReader(applicant.name, locale, "company")}
      </PageHeading>
      <SummaryList rows={rows} />
      {applicant.kind === "person" && !applicant.canSignIn ? <p className="mb-8 border-l-4 border-brand pl-3">{t("cannotSignIn")}</p> : null}

      {drafts.length > 0 ? (
        <section aria-labelledby="drafts-title" className="mb-8">
          <h2 id="drafts-title" className="mb-2 text-2xl font-bold">
            {t("draftsTitle")}
          </h2>
          <ul className="space-y-2">
            {drafts.map((draft) => (
              <li key={draft.id}>
                <Link href={`/apply/${draft.subjectCode}/${draft.id}/check`} className="font-semibold">
                  {draft.subjectName ? localize(draft.subjectName, locale) : draft.subjectCode}
                </Link>
                <span className="text-muted"> · {t("draftSavedOn", { date: formatDateTime(draft.updatedAt, locale) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="file-title" className="mb-8">
        <h2 id="file-title" className="mb-2 text-2xl font-bold">
          {t("fileTitle")}
        </h2>
        <p className="mb-4">{t(applicant.kind === "person" ? "fileLeadPerson" : "fileLeadCompany")}</p>
        <form action={startCounterDraftAction.bind(null, applicant.id)}>
          <label htmlFor="subject-code" className="block font-semibold">
            {t("subjectLabel")}
          </label>
          <select id="subject-code" name="subjectCode" required className="mt-2 mb-6 block w-full max-w-xl border-2 border-ink bg-white px-2 py-1.5">
            {catalog.bundles.length > 0 ? (
              <optgroup label={t("bundles")}>
                {catalog.bundles.map((bundle) => (
                  <option key={bundle.code} value={bundle.code}>
                    {localize(bundle.name, locale)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("services")}>
              {catalog.services.map((service) => (
                <option key={service.code} value={service.code}>
                  {localize(service.departmentName, locale)} · {localize(service.name, locale)}
                </option>
              ))}
            </optgroup>
          </select>
          <Button className="text-xl">{t("startButton")}</Button>
        </form>
      </section>
      <p>
        <Link href="/counter">{t("findAnother")}</Link>
      </p>
    </div>
  );
}
