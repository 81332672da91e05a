import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffRoles, type TStaffRole } from "@/db/schema";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { StaffGrantForm } from "@/components/admin/staff-grant-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { listDepartmentOptions } from "@/server/departments/list-department-options";
import { isErrorCode } from "@/server/errors";
import { findStaffAccount } from "@/server/staff/list-staff-accounts";
import { findStaffTwoFactor } from "@/server/two-factor/find-staff-two-factor";
import { changeStaffGrantAction, resetStaffPasswordAction, resetTwoFactorAction, setAccountDisabledAction } from "./actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<TSearchParams> };
const searchFields = { saved: z.enum(["grant", "unchanged", "disabled", "enabled", "two-factor-reset"]), error: z.string().refine(isErrorCode) };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPeople"))("accountTitle") };
}

/** /admin/people/<id> — one staff account: its role and department, disable or enable it, reset its password. */
export default async function AdminAccountPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/admin/people/[id]", returnTo: `/admin/people/${encodeURIComponent(id)}` });
  const db = getDb();
  const [result, departments, twoFactor] = await Promise.all([findStaffAccount({ db, actor, userId: id }), listDepartmentOptions({ db, actor }), findStaffTwoFactor({ db, actor, userId: id })]);
  if (!result.ok || !twoFactor.ok) notFound();
  const { account } = result;
  const query = readSearchParams(await searchParams, searchFields);
  const t = await getTranslations("adminPeople");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const own = account.id === actor.id;
  const role = account.role as TStaffRole;

  return (
    <div className="max-w-4xl">
      {query.error ? <ErrorSummary id="account-error-title" title={t("errorTitle")} errors={[{ href: "#access-title", text: te(query.error) }]} /> : null}
      {query.saved ? <Notice tone="success" title={t(`saved.${query.saved}`, { username: account.username })} /> : null}
      <PageHeading caption={t("title")}>
        {nameForReader(account.displayName, locale)} <span className="font-mono text-2xl font-normal break-all">({account.username})</span>
      </PageHeading>
      <SummaryList
        rows={[
          { key: t("fields.role"), value: t(`roles.${role}`) },
          { key: t("fields.departmentId"), value: account.departmentName ? localize(account.departmentName, locale) : "—" },
          { key: t("twoFactor.label"), value: `${t(`twoFactor.${twoFactor.state}`)}${twoFactor.required ? ` · ${t("twoFactor.required")}` : ""}` },
          { key: t("status"), value: account.disabledAt ? t("disabledOn", { date: formatDateTime(account.disabledAt, locale) }) : account.mustChangePassword ? t("mustChange") : t("enabled") },
        ]}
      />
      <NextIntlClientProvider messages={{ adminPeople: messages.adminPeople, errors: messages.errors }}>
        <section aria-labelledby="grant-title">
          <h2 id="grant-title" className="mb-4 text-2xl font-bold">
            {t("grantTitle")}
          </h2>
          <StaffGrantForm
            roles={staffRoles}
            departments={departments.map((department) => ({ id: department.id, label: `${localize(department.name, locale)} (${department.code})` }))}
            initial={{ role: account.role, departmentId: account.departmentId ?? "" }}
            action={changeStaffGrantAction.bind(null, account.id)}
          />
        </section>
        {own ? null : (
          <section aria-labelledby="reset-title">
            <h2 id="reset-title" className="mb-2 text-2xl font-bold">
              {t("resetHeading")}
            </h2>
            <ResetPasswordForm username={account.username} action={resetStaffPasswordAction.bind(null, account.id)} />
          </section>
        )}
      </NextIntlClientProvider>
      {own || twoFactor.state === "none" ? null : (
        <section aria-labelledby="two-factor-title" className="mb-10">
          <h2 id="two-factor-title" className="mb-2 text-2xl font-bold">
            {t("twoFactor.resetTitle")}
          </h2>
          <p className="mb-4 max-w-3xl">{t("twoFactor.resetLead")}</p>
          <form action={resetTwoFactorAction.bind(null, account.id)}>
            <Button variant="warning">{t("twoFactor.reset", { username: account.username })}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="access-title" className="mb-10 border-t-2 border-line pt-6">
        <h2 id="access-title" className="mb-2 text-2xl font-bold">
          {account.disabledAt ? t("enableTitle") : t("disableTitle")}
        </h2>
        {own ? (
          <p>{t("ownAccount")}</p>
        ) : (
          <>
            <p className="mb-4 max-w-3xl">{account.disabledAt ? t("enableLead") : t("disableLead")}</p>
            <form action={setAccountDisabledAction.bind(null, account.id)}>
              <input type="hidden" name="disabled" value={account.disabledAt ? "0" : "1"} />
              <Button variant={account.disabledAt ? "primary" : "warning"}>{account.disabledAt ? t("enable", { username: account.username }) : t("disable", { username: account.username })}</Button>
            </form>
          </>
        )}
      </section>
    </div>
  );
}
