import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DepartmentForm } from "@/components/admin/department-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { listDepartmentsForAdmin } from "@/server/departments/list-departments-for-admin";
import { createDepartmentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminDepartments"))("title") };
}

/** /admin/departments — every department with its staff and open work, and the form to add one. */
export default async function AdminDepartmentsPage() {
  const actor = await requireActor({ page: "/admin/departments", returnTo: "/admin/departments" });
  const result = await listDepartmentsForAdmin({ db: getDb(), actor });
  if (!result.ok) notFound();
  const t = await getTranslations("adminDepartments");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();

  return (
    <div className="max-w-4xl">
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <DataTable
        id="departments"
        caption={t("tableCaption")}
        rows={result.departments}
        rowKey={(department) => department.id}
        columns={[
          { key: "code", header: t("columns.code"), rowHeader: true, className: "font-mono", cell: (department) => <Link href={`/admin/departments/${department.id}`}>{department.code}</Link> },
          { key: "name", header: t("columns.name"), className: "break-words", cell: (department) => localize(department.name, locale) },
          { key: "staff", header: t("columns.staff"), numeric: true, cell: (department) => department.activeStaff },
          { key: "open", header: t("columns.openTasks"), numeric: true, cell: (department) => department.openTasks },
          { key: "status", header: t("columns.status"), cell: (department) => (department.retiredAt ? <Tag>{t("retired")}</Tag> : <Tag tone="ok">{t("active")}</Tag>) },
        ]}
      />
      <section aria-labelledby="new-department-title">
        <h2 id="new-department-title" className="mb-2 text-2xl font-bold">
          {t("newTitle")}
        </h2>
        <p className="mb-4 text-muted">{t("newHint")}</p>
        <NextIntlClientProvider messages={{ adminDepartments: messages.adminDepartments, errors: messages.errors }}>
          <DepartmentForm initial={{}} submitLabel={t("create")} action={createDepartmentAction} />
        </NextIntlClientProvider>
      </section>
    </div>
  );
}
