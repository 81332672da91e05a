import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { BundleForm } from "@/components/admin/bundle-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { bundleTopics } from "@/server/bundles/bundle-input";
import { listBundlesForAdmin } from "@/server/bundles/list-bundles-for-admin";
import { createBundleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminBundles"))("title") };
}

/** /admin/bundles — every bundle (一件事) with its services and their departments, and the form to add one. */
export default async function AdminBundlesPage() {
  const actor = await requireActor({ page: "/admin/bundles", returnTo: "/admin/bundles" });
  const result = await listBundlesForAdmin({ db: getDb(), actor });
  if (!result.ok) notFound();
  const t = await getTranslations("adminBundles");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();

  return (
    <div className="max-w-5xl">
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <DataTable
        id="bundles"
        caption={t("tableCaption")}
        rows={result.bundles}
        rowKey={(bundle) => bundle.id}
        columns={[
          { key: "code", header: t("columns.code"), rowHeader: true, className: "font-mono whitespace-nowrap", cell: (bundle) => <Link href={`/admin/bundles/${bundle.code}`}>{bundle.code}</Link> },
          { key: "name", header: t("columns.name"), className: "break-words", cell: (bundle) => localize(bundle.name, locale) },
          {
            key: "services",
            header: t("columns.services"),
            cell: (bundle) =>
              bundle.items.length === 0 ? (
                t("noServices")
              ) : (
                <ul className="space-y-1">
                  {bundle.items.map((item) => (
                    <li key={item.code}>
                      {localize(item.name, locale)} <span className="text-muted">({item.departmentCode}{item.conditional ? ` · ${t("conditional")}` : ""})</span>
                    </li>
                  ))}
                </ul>
              ),
          },
          { key: "status", header: t("columns.status"), cell: (bundle) => (bundle.retiredAt ? <Tag>{t("retired")}</Tag> : <Tag tone="ok">{t("active")}</Tag>) },
        ]}
      />
      <section aria-labelledby="new-bundle-title">
        <h2 id="new-bundle-title" className="mb-2 text-2xl font-bold">
          {t("newTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-muted">{t("newHint")}</p>
        <NextIntlClientProvider messages={{ adminBundles: messages.adminBundles, catalog: messages.catalog, errors: messages.errors }}>
          <BundleForm topics={bundleTopics} action={createBundleAction} />
        </NextIntlClientProvider>
      </section>
    </div>
  );
}
