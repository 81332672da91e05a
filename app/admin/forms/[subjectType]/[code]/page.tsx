import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { formSubjectTypes } from "@/db/schema";
import { DefinitionEditor } from "@/components/admin/definition-editor";
import { DefinitionPreview } from "@/components/admin/definition-preview";
import { FormVersionsTable } from "@/components/admin/form-versions-table";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { starterServiceDefinition } from "@/lib/forms/starter-definition";
import { requireActor } from "@/server/auth/require-actor";
import { getFormDefinitionVersions } from "@/server/forms/get-form-definition-versions";
import { definitionEditorAction } from "./actions";

type TProps = {
  params: Promise<{ subjectType: string; code: string }>;
  searchParams: Promise<TSearchParams>;
};

const ZParams = z.object({ subjectType: z.enum(formSubjectTypes), code: z.string().regex(/^[A-Z0-9-]{1,64}$/) });

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: `${(await params).code} – ${(await getTranslations("adminForms"))("title")}` };
}

export default async function AdminFormPage({ params, searchParams }: TProps) {
  const raw = await params;
  const actor = await requireActor({ page: "/admin/forms/[subjectType]/[code]", returnTo: `/admin/forms/${raw.subjectType}/${raw.code}` });
  const parsed = ZParams.safeParse(raw);
  if (!parsed.success) notFound();
  const { subjectType, code } = parsed.data;
  const result = await getFormDefinitionVersions({ db: getDb(), actor, subjectType, subjectCode: code });
  if (!result.ok) notFound();
  const t = await getTranslations("adminForms");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  // Written by the publish action: a version number and the codes of the bundles it recomposed.
  const { published: publishedVersion, recomposed } = readSearchParams(await searchParams, {
    published: z.string().regex(/^\d{1,9}$/),
    recomposed: z.string().regex(/^[A-Z0-9-]{1,64}(?:,[A-Z0-9-]{1,64}){0,99}$/),
  });
  const latest = result.versions[0];
  // A service added at /admin/services has no form yet: its first version starts from a skeleton (baseVersion 0).
  const firstVersion = !latest && subjectType === "service";

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href="/admin/forms">{t("backToList")}</Link>
      </p>
      {publishedVersion ? (
        <Notice tone="success" title={t("publishedTitle", { version: publishedVersion })}>
          {recomposed ? <p>{t("publishedRecomposed", { bundles: recomposed.split(",").join("、") })}</p> : null}
        </Notice>
      ) : null}
      <PageHeading caption={t(`kinds.${subjectType}`)}>{localize(result.name, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("code"), value: <span className="font-mono">{code}</span> },
          {
            key: subjectType === "service" ? t("feedsBundles") : t("bundleServices"),
            value:
              result.related.length === 0 ? (
                t("none")
              ) : (
                <ul className="list-none">
                  {result.related.map((related) => (
                    <li key={related.code}>
                      <Link href={`/admin/forms/${subjectType === "service" ? "bundle" : "service"}/${related.code}`}>
                        {localize(related.name, locale)}
                      </Link>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />

      {subjectType === "bundle" ? (
        <Notice title={t("composedTitle")}>
          <p className="mb-2">{t("composedBody")}</p>
          <p>
            <Link href={`/admin/forms/bundle-base/${code}`}>{t("editBase")}</Link>
          </p>
        </Notice>
      ) : null}
      {subjectType === "bundle-base" ? (
        <p className="mb-6">
          {t("baseBody")} <Link href={`/admin/forms/bundle/${code}`}>{t("viewComposed")}</Link>
        </p>
      ) : null}

      {(latest || firstVersion) && subjectType !== "bundle" ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title" className="mb-3 text-2xl font-bold">
            {t("editTitle")}
          </h2>
          {firstVersion ? <p className="mb-4">{t("firstVersion")}</p> : null}
          <NextIntlClientProvider messages={{ adminForms: messages.adminForms, errors: messages.errors }}>
            {/* A new version starts a fresh editor: no stale preview or errors of the version before. */}
            <DefinitionEditor
              key={latest?.version ?? 0}
              action={definitionEditorAction.bind(null, subjectType, code)}
              initialJson={JSON.stringify(latest?.definition ?? starterServiceDefinition, null, 2)}
              baseVersion={latest?.version ?? 0}
            />
          </NextIntlClientProvider>
        </section>
      ) : null}
      {/* Below the editor, so an error summary is near the top of the page. */}
      <h2 className="mb-3 text-2xl font-bold">{t("versionsTitle")}</h2>
      <FormVersionsTable versions={result.versions} locale={locale} composed={subjectType === "bundle"} />

      {latest && subjectType === "bundle" ? (
        <section aria-labelledby="current-title">
          <h2 id="current-title" className="mb-3 text-2xl font-bold">
            {t("currentTitle", { version: latest.version })}
          </h2>
          <DefinitionPreview definition={latest.definition} locale={locale} idPrefix="current" />
          <details className="mb-8">
            <summary className="cursor-pointer font-semibold">{t("currentJson", { version: latest.version })}</summary>
            <pre className="mt-2 max-h-[32rem] overflow-auto border-2 border-line bg-panel p-2 text-sm" tabIndex={0}>
              {JSON.stringify(latest.definition, null, 2)}
            </pre>
          </details>
        </section>
      ) : null}
    </div>
  );
}
