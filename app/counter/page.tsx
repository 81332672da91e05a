import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/require-actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("counter"))("title") };
}

export default async function CounterPage() {
  await requireActor({ page: "/counter", returnTo: "/counter" });
  const t = await getTranslations("counter");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6">{t("lead")}</p>
      <form action="/services" method="get" role="search">
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
