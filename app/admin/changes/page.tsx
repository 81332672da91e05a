import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminEntities } from "@/db/schema";
import { AdminChangesTable } from "@/components/admin/admin-changes-table";
import { PageHeading } from "@/components/ui/page-heading";
import { TabNav } from "@/components/ui/tab-nav";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { listAdminChanges } from "@/server/admin/list-admin-changes";

const searchFields = { entity: z.enum(adminEntities), before: z.string().regex(/^\d{1,15}$/).transform(Number) };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminChanges"))("title") };
}

/** /admin/changes?entity=&before= — every admin change, newest first, a page at a time, of one kind or all. */
export default async function AdminChangesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const query = readSearchParams(await searchParams, searchFields);
  const address = (more: Record<string, string>) => {
    const params = new URLSearchParams({ ...(query.entity ? { entity: query.entity } : {}), ...more }).toString();
    return params ? `/admin/changes?${params}` : "/admin/changes";
  };
  const actor = await requireActor({ page: "/admin/changes", returnTo: address(query.before ? { before: String(query.before) } : {}) });
  const result = await listAdminChanges({ db: getDb(), actor, entity: query.entity, before: query.before });
  if (!result.ok) notFound();
  const t = await getTranslations("adminChanges");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const tabs = [{ key: "all", href: "/admin/changes", label: t("all") }, ...adminEntities.map((entity) => ({ key: entity, href: `/admin/changes?entity=${entity}`, label: t(`entities.${entity}`) }))];

  return (
    <div className="max-w-5xl">
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <TabNav label={t("filterLabel")} tabs={tabs} current={query.entity ?? "all"} />
      {result.changes.length === 0 ? (
        <p id="changes" className="mb-8 border-l-8 border-line pl-4">
          {t("none")}
        </p>
      ) : (
        <AdminChangesTable changes={result.changes} locale={locale} />
      )}
      <p className="mb-10 flex flex-wrap gap-x-6">
        {query.before ? <Link href={address({})}>{t("newest")}</Link> : null}
        {result.nextBefore ? <Link href={address({ before: String(result.nextBefore) })}>{t("older")}</Link> : null}
      </p>
    </div>
  );
}
