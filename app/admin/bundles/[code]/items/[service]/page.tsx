import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { BundleItemEditor } from "@/components/admin/bundle-item-editor";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { exampleAnswers } from "@/lib/forms/routing-rule";
import { localize, type Locale } from "@/lib/i18n/locales";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { requireActor } from "@/server/auth/require-actor";
import { findBundleForAdmin } from "@/server/bundles/find-bundle-for-admin";
import { bundleItemEditorAction } from "./actions";

type TProps = { params: Promise<{ code: string; service: string }>; searchParams: Promise<TSearchParams> };
const searchFields = { saved: z.enum(["added", "edited"]) };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminBundles"))("itemTitle") };
}

/**
 * /admin/bundles/<code>/items/<service> — the rule editor of one service of a bundle: its routing rule, dependencies
 * and excluded questions, with a "try it" box prefilled with example answers of the bundle's own form.
 */
export default async function AdminBundleItemPage({ params, searchParams }: TProps) {
  const { code, service } = await params;
  const actor = await requireActor({ page: "/admin/bundles/[code]/items/[service]", returnTo: `/admin/bundles/${encodeURIComponent(code)}/items/${encodeURIComponent(service)}` });
  const result = await findBundleForAdmin({ db: getDb(), actor, bundleCode: code });
  if (!result.ok) notFound();
  const item = result.items.find((candidate) => candidate.code === service);
  if (!item) notFound();
  const { bundle } = result;
  const query = readSearchParams(await searchParams, searchFields);
  const t = await getTranslations("adminBundles");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const example = result.form ? exampleAnswers(result.form, result.base, result.items.map((other) => other.appliesWhen)) : {};

  return (
    <div className="max-w-4xl">
      {query.saved ? <Notice tone="success" title={t(`saved.${query.saved}`, { code: item.code })} /> : null}
      <PageHeading caption={localize(bundle.name, locale)}>{localize(item.name, locale)}</PageHeading>
      <p className="mb-4">
        <Link href={`/admin/bundles/${bundle.code}`}>{t("backToBundle", { code: bundle.code })}</Link>
      </p>
      <SummaryList
        rows={[
          { key: t("columns.service"), value: <span className="font-mono">{item.code}</span> },
          { key: t("columns.department"), value: `${localize(item.department.name, locale)} (${item.department.code})` },
        ]}
      />
      {bundle.retiredAt ? (
        <p className="mb-10 border-l-8 border-line pl-4">{t("retiredNoChanges")}</p>
      ) : (
        <NextIntlClientProvider messages={{ adminBundles: messages.adminBundles, errors: messages.errors }}>
          <BundleItemEditor
            action={bundleItemEditorAction.bind(null, bundle.code, item.code)}
            initial={{
              // One line when it is short, as rules are usually written; laid out when it is long.
              rule: item.appliesWhen ? (JSON.stringify(item.appliesWhen).length <= 80 ? JSON.stringify(item.appliesWhen) : JSON.stringify(item.appliesWhen, null, 2)) : "",
              dependsOn: item.dependsOn,
              excludeFields: item.excludeFields,
              answers: JSON.stringify(example, null, 2),
            }}
            otherItems={result.items.filter((other) => other.code !== item.code).map((other) => ({ code: other.code, label: `${localize(other.name, locale)} (${other.code})` }))}
            ownFields={item.ownFields.map((own) => ({ key: own.key, label: localize(own.label, locale) }))}
          />
        </NextIntlClientProvider>
      )}
    </div>
  );
}
