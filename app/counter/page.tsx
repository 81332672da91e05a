import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FindApplicantForm } from "@/components/counter/find-applicant-form";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/require-actor";
import { isErrorCode } from "@/server/errors";
import { findApplicantAction, recordCompanyAction, recordPersonAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("counter"))("title") };
}

type TProps = { searchParams: Promise<{ error?: string; saved?: string }> };

/** 一窗受理: find (or record) the walk-in applicant, then file for them; the clerk's own filings are one link away. */
export default async function CounterPage({ searchParams }: TProps) {
  await requireActor({ page: "/counter", returnTo: "/counter" });
  const { error, saved } = await searchParams;
  const t = await getTranslations("counter");
  const te = await getTranslations("errors");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      {isErrorCode(error) ? (
        <div role="alert" className="mb-8 border-4 border-danger p-4 font-semibold">
          {te(error)}
        </div>
      ) : null}
      {saved === "1" ? (
        <p role="status" className="mb-6 border-l-8 border-go bg-[#e6f2ec] p-4 font-semibold">
          {t("draftSaved")}
        </p>
      ) : null}
      <p className="mb-6">{t("lead")}</p>
      <p className="mb-8">
        <Link href="/counter/cases" className="font-semibold">
          {t("myFilingsLink")}
        </Link>
      </p>
      <FindApplicantForm findAction={findApplicantAction} recordPersonAction={recordPersonAction} recordCompanyAction={recordCompanyAction} />
      <form action="/services" method="get" role="search" className="mt-10">
        <label htmlFor="counter-search" className="block font-semibold">
          {t("searchLabel")}
        </label>
        <div className="mt-1 flex max-w-xl">
          <input id="counter-search" name="q" type="search" className="min-w-0 flex-1 border-2 border-ink px-2 py-1.5" />
          <button type="submit" className="cursor-pointer bg-brand px-4 font-semibold text-white">
            {t("searchButton")}
          </button>
        </div>
      </form>
    </div>
  );
}
