import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { BundleAddItemForm } from "@/components/admin/bundle-add-item-form";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { requireActor } from "@/server/auth/require-actor";
import { findBundleForAdmin } from "@/server/bundles/find-bundle-for-admin";
import { isErrorCode } from "@/server/errors";
import { addBundleItemAction, moveBundleItemAction, removeBundleItemAction, retireBundleAction } from "./actions";

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<TSearchParams> };
const searchFields = {
  saved: z.enum(["created", "removed", "moved", "retired"]),
  error: z.string().refine(isErrorCode),
  detail: z.string().regex(/^[A-Z0-9-]{1,64}$/),
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminBundles"))("bundleTitle") };
}

/** /admin/bundles/<code> — one bundle: its services in order with their rules, adding, moving, removing; retiring it. */
export default async function AdminBundlePage({ params, searchParams }: TProps) {
  const { code } = await params;
  const actor = await requireActor({ page: "/admin/bundles/[code]", returnTo: `/admin/bundles/${encodeURIComponent(code)}` });
  const result = await findBundleForAdmin({ db: getDb(), actor, bundleCode: code });
  if (!result.ok) notFound();
  const { bundle, items, candidates } = result;
  const query = readSearchParams(await searchParams, searchFields);
  const t = await getTranslations("adminBundles");
  const tc = await getTranslations("catalog");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const retired = bundle.retiredAt !== null;
  // A short word on the button, the service's code for a screen reader: three of them fit beside each service. The
  // button is the code's containing block, so the hidden text stays inside the table's scrolling region on a phone.
  const itemForm = (action: typeof moveBundleItemAction, service: string, word: string, extra?: { name: string; value: string }, variant: "secondary" | "warning" = "secondary") => (
    <form action={action.bind(null, bundle.code)}>
      <input type="hidden" name="service" value={service} />
      {extra ? <input type="hidden" name={extra.name} value={extra.value} /> : null}
      <Button variant={variant} className="relative px-2 py-1 text-sm whitespace-nowrap">
        {word}
        <span className="sr-only"> {service}</span>
      </Button>
    </form>
  );

  return (
    <div className="max-w-5xl">
      {query.error ? (
        <ErrorSummary id="bundle-error-title" title={t("errorTitle")} errors={[{ href: "#items", text: `${te(query.error)}${query.detail ? ` ${t("detail", { detail: query.detail })}` : ""}` }]} />
      ) : null}
      {query.saved ? <Notice tone="success" title={t(`saved.${query.saved}`, { code: bundle.code })} /> : null}
      <PageHeading caption={t("title")}>{localize(bundle.name, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("columns.code"), value: <span className="font-mono">{bundle.code}</span> },
          { key: t("fields.applicantType"), value: t(`applicantTypes.${bundle.applicantType}`) },
          { key: t("fields.topic"), value: tc(`topics.${bundle.topic}` as "topics.business") },
          { key: t("columns.status"), value: retired ? t("retiredOn", { date: formatDateTime(bundle.retiredAt!, locale) }) : t("active") },
          { key: t("baseForm"), value: <Link href={`/admin/forms/bundle-base/${bundle.code}`}>{t("baseFormLink")}</Link> },
        ]}
      />
      <h2 className="mb-2 text-2xl font-bold">{t("itemsTitle")}</h2>
      <p className="mb-4 max-w-3xl">{t("itemsLead")}</p>
      {items.length === 0 ? (
        <p id="items" className="mb-8 border-l-8 border-line pl-4">
          {t("noServices")}
        </p>
      ) : (
        <DataTable
          id="items"
          caption={t("itemsCaption")}
          rows={items}
          rowKey={(item) => item.code}
          columns={[
            {
              key: "service",
              header: t("columns.service"),
              rowHeader: true,
              className: "break-words",
              cell: (item) => (
                <>
                  <Link href={`/admin/bundles/${bundle.code}/items/${item.code}`}>{localize(item.name, locale)}</Link>
                  <span className="block font-mono text-sm text-muted">{item.code}</span>
                </>
              ),
            },
            { key: "department", header: t("columns.department"), cell: (item) => `${localize(item.department.name, locale)} (${item.department.code})` },
            {
              key: "rule",
              header: t("columns.rule"),
              className: "min-w-[9em] break-all",
              cell: (item) => (item.appliesWhen ? <code className="font-mono text-sm">{JSON.stringify(item.appliesWhen)}</code> : t("always")),
            },
            { key: "dependsOn", header: t("columns.dependsOn"), className: "min-w-[8em] font-mono text-sm break-all", cell: (item) => (item.dependsOn.length ? item.dependsOn.join(", ") : "—") },
            { key: "excluded", header: t("columns.excludeFields"), className: "font-mono text-sm break-all", cell: (item) => (item.excludeFields.length ? item.excludeFields.join(", ") : "—") },
            {
              key: "actions",
              header: t("columns.actions"),
              cell: (item) =>
                retired ? (
                  "—"
                ) : (
                  <div className="flex flex-col items-start gap-2">
                    {items.indexOf(item) > 0 ? itemForm(moveBundleItemAction, item.code, t("moveUp"), { name: "direction", value: "up" }) : null}
                    {items.indexOf(item) < items.length - 1 ? itemForm(moveBundleItemAction, item.code, t("moveDown"), { name: "direction", value: "down" }) : null}
                    {itemForm(removeBundleItemAction, item.code, t("remove"), undefined, "warning")}
                  </div>
                ),
            },
          ]}
        />
      )}
      {retired ? null : (
        <section aria-labelledby="add-item-title">
          <h2 id="add-item-title" className="mb-2 text-2xl font-bold">
            {t("addTitle")}
          </h2>
          <p className="mb-4 max-w-3xl text-muted">{t("addHint")}</p>
          <NextIntlClientProvider messages={{ adminBundles: messages.adminBundles, errors: messages.errors }}>
            <BundleAddItemForm candidates={candidates.map((candidate) => ({ code: candidate.code, label: `${localize(candidate.name, locale)} — ${candidate.departmentCode} (${candidate.code})` }))} action={addBundleItemAction.bind(null, bundle.code)} />
          </NextIntlClientProvider>
        </section>
      )}
      {retired ? null : (
        <section aria-labelledby="retire-title" className="mb-10 border-t-2 border-line pt-6">
          <h2 id="retire-title" className="mb-2 text-2xl font-bold">
            {t("retireTitle")}
          </h2>
          <p className="mb-4 max-w-3xl">{t("retireLead")}</p>
          <form action={retireBundleAction.bind(null, bundle.code)}>
            <Button variant="warning">{t("retire", { code: bundle.code })}</Button>
          </form>
        </section>
      )}
    </div>
  );
}
