import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffRoles } from "@/db/schema";
import { StaffAccountForm } from "@/components/admin/staff-account-form";
import { inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { listDepartmentOptions } from "@/server/departments/list-department-options";
import { listStaffAccounts } from "@/server/staff/list-staff-accounts";
import { createStaffAccountAction } from "./actions";

const searchFields = { q: z.string().max(64) };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPeople"))("title") };
}

/** /admin/people?q= — staff accounts (search by user name or name), and the form to create one. */
export default async function AdminPeoplePage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const query = readSearchParams(await searchParams, searchFields);
  const search = query.q?.trim() ?? "";
  const actor = await requireActor({ page: "/admin/people", returnTo: search ? `/admin/people?q=${encodeURIComponent(search)}` : "/admin/people" });
  const db = getDb();
  const [result, departments] = await Promise.all([listStaffAccounts({ db, actor, search }), listDepartmentOptions({ db, actor })]);
  if (!result.ok) notFound();
  const t = await getTranslations("adminPeople");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();

  return (
    <div className="max-w-4xl">
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-0 grow sm:grow-0">
          <label htmlFor="people-search" className="block font-semibold">
            {t("searchLabel")}
          </label>
          <input id="people-search" name="q" type="search" defaultValue={search} maxLength={64} className={`mt-2 ${inputClass(undefined, { width: "sm:w-[20em]" })}`} />
        </div>
        <Button variant="secondary">{t("search")}</Button>
      </form>
      {result.accounts.length === 0 ? (
        <p id="accounts" className="mb-8 border-l-8 border-line pl-4">
          {t("noAccounts")}
        </p>
      ) : (
        <DataTable
          id="accounts"
          caption={search ? t("tableCaptionSearch", { search }) : t("tableCaption")}
          captionVisible
          rows={result.accounts}
          rowKey={(account) => account.id}
          columns={[
            { key: "username", header: t("fields.username"), rowHeader: true, className: "font-mono whitespace-nowrap", cell: (account) => <Link href={`/admin/people/${account.id}`}>{account.username}</Link> },
            { key: "name", header: t("fields.displayName"), cell: (account) => nameForReader(account.displayName, locale) },
            { key: "role", header: t("fields.role"), cell: (account) => t(`roles.${account.role as (typeof staffRoles)[number]}`) },
            { key: "department", header: t("fields.departmentId"), cell: (account) => (account.departmentName ? localize(account.departmentName, locale) : "—") },
            { key: "status", header: t("status"), cell: (account) => (account.disabledAt ? <Tag tone="bad">{t("disabled")}</Tag> : account.mustChangePassword ? <Tag tone="warn">{t("mustChange")}</Tag> : <Tag tone="ok">{t("enabled")}</Tag>) },
          ]}
        />
      )}
      {result.more ? <p className="mb-8">{t("more")}</p> : null}
      <section aria-labelledby="new-account-title">
        <h2 id="new-account-title" className="mb-2 text-2xl font-bold">
          {t("newTitle")}
        </h2>
        <p className="mb-4 text-muted">{t("newHint")}</p>
        <NextIntlClientProvider messages={{ adminPeople: messages.adminPeople, errors: messages.errors }}>
          <StaffAccountForm roles={staffRoles} departments={departments.map((department) => ({ id: department.id, label: `${localize(department.name, locale)} (${department.code})` }))} action={createStaffAccountAction} />
        </NextIntlClientProvider>
      </section>
    </div>
  );
}
