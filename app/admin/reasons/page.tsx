import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ReasonTemplateForm } from "@/components/admin/reason-template-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { reasonDecisions } from "@/db/schema";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { isErrorCode } from "@/server/errors";
import { listReasonTemplatesForAdmin, listServicesForReasons } from "@/server/reasons/list-reason-templates-for-admin";
import { addReasonTemplateAction, moveReasonTemplateAction, removeReasonTemplateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminReasons"))("title") };
}

const savedNotices = ["added", "edited", "moved", "removed"] as const;
const textLanguages = [
  { key: "zh-Hans", label: "languageZhHans" },
  { key: "zh-Hant", label: "languageZhHant" },
  { key: "en", label: "languageEn" },
] as const;

/** /admin/reasons?service=<code> — pick a service; its reason templates per decision, to add, change, order, remove. */
export default async function AdminReasonsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/admin/reasons", returnTo: "/admin/reasons" });
  const query = readSearchParams(await searchParams, { service: z.string().regex(catalogCodePattern), saved: z.enum(savedNotices), error: z.string() });
  const db = getDb();
  const services = await listServicesForReasons({ db, actor });
  if (!services.ok) notFound();
  const chosen = query.service ? await listReasonTemplatesForAdmin({ db, actor, serviceCode: query.service }) : null;
  const t = await getTranslations("adminReasons");
  const ta = await getTranslations("admin");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const error = isErrorCode(query.error) ? query.error : chosen && !chosen.ok ? chosen.code : null;

  return (
    <div className="max-w-4xl">
      {query.saved && chosen?.ok ? <Notice tone="success" title={t(`saved.${query.saved}`)} /> : null}
      <ErrorSummary title={t("errorTitle")} errors={error ? [{ href: "#service", text: te(error) }] : []} />
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      {/* A plain GET form: the chosen service lives in the address and works without JavaScript. */}
      <form method="get" action="/admin/reasons" className="mb-10 flex flex-wrap items-end gap-4 bg-panel p-4">
        <div className="w-full sm:w-auto sm:min-w-0 sm:flex-1">
          <label htmlFor="service" className="block font-semibold">
            {t("serviceLabel")}
          </label>
          <select id="service" name="service" defaultValue={chosen?.ok ? chosen.service.code : ""} className="mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5">
            <option value="" disabled>
              {t("servicePlaceholder")}
            </option>
            {services.services.map((service) => (
              <option key={service.code} value={service.code}>
                {localize(service.departmentName, locale)} · {localize(service.name, locale)}
              </option>
            ))}
          </select>
        </div>
        <Button>{t("show")}</Button>
      </form>

      {chosen?.ok
        ? reasonDecisions.map((decision) => {
            const templates = chosen.templates[decision];
            const headingId = `reasons-${decision}`;
            return (
              <section key={decision} aria-labelledby={headingId} className="mb-12">
                <h2 id={headingId} className="mb-2 text-2xl font-bold">
                  {t(`decisions.${decision}`, { service: localize(chosen.service.name, locale) })}
                </h2>
                <p className="mb-4 text-muted">{t(`decisionLeads.${decision}`)}</p>
                {templates.length === 0 ? (
                  <p className="mb-6">{t("none")}</p>
                ) : (
                  <ol aria-labelledby={headingId} className="mb-8 space-y-3">
                    {templates.map((template, index) => (
                      <li key={template.id} className="border-2 border-line p-4">
                        <p className="mb-2 font-semibold">{t("position", { position: index + 1 })}</p>
                        <dl className="mb-3 space-y-1">
                          {textLanguages.map(({ key, label }) => (
                            <div key={key} className="sm:flex sm:gap-3">
                              <dt className="shrink-0 text-muted sm:w-40">{t(label)}</dt>
                              <dd lang={key} className="break-words">
                                {template.text[key]}
                              </dd>
                            </div>
                          ))}
                        </dl>
                        <div className="flex flex-wrap items-center gap-3">
                          <Link href={`/admin/reasons/${template.id}`}>
                            {t("edit")}
                            <span className="sr-only"> {t("itemName", { position: index + 1 })}</span>
                          </Link>
                          {index > 0 ? (
                            <form action={moveReasonTemplateAction}>
                              <input type="hidden" name="templateId" value={template.id} />
                              <input type="hidden" name="direction" value="up" />
                              <Button variant="secondary">
                                {t("moveUp")}
                                <span className="sr-only"> {t("itemName", { position: index + 1 })}</span>
                              </Button>
                            </form>
                          ) : null}
                          {index < templates.length - 1 ? (
                            <form action={moveReasonTemplateAction}>
                              <input type="hidden" name="templateId" value={template.id} />
                              <input type="hidden" name="direction" value="down" />
                              <Button variant="secondary">
                                {t("moveDown")}
                                <span className="sr-only"> {t("itemName", { position: index + 1 })}</span>
                              </Button>
                            </form>
                          ) : null}
                          <form action={removeReasonTemplateAction}>
                            <input type="hidden" name="templateId" value={template.id} />
                            <Button variant="warning">
                              {t("remove")}
                              <span className="sr-only"> {t("itemName", { position: index + 1 })}</span>
                            </Button>
                          </form>
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
                <h3 className="mb-3 text-xl font-bold">{t("addTitle")}</h3>
                <NextIntlClientProvider messages={{ adminReasons: messages.adminReasons, errors: messages.errors }}>
                  <ReasonTemplateForm
                    idPrefix={`new-${decision}`}
                    initial={{}}
                    hidden={{ serviceCode: chosen.service.code, decision }}
                    submitLabel={t("add")}
                    action={addReasonTemplateAction}
                  />
                </NextIntlClientProvider>
              </section>
            );
          })
        : null}
    </div>
  );
}
