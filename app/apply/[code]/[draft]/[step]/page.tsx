import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CheckAnswers } from "@/components/forms/check-answers";
import { WizardPageForm } from "@/components/forms/wizard-page-form";
import { WizardProgress } from "@/components/forms/wizard-progress";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { toIsoDate } from "@/lib/calendar/working-days";
import { resolveFormLayout } from "@/lib/forms/layout";
import { validateAnswers } from "@/lib/forms/validate-answers";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { regionLookup } from "@/lib/regions/regions";
import { requireActor } from "@/server/auth/require-actor";
import { applicantOfDraft } from "@/server/drafts/applicant-of-draft";
import { loadDraft } from "@/server/drafts/load-draft";
import { CounterFilingBanner } from "@/components/counter/counter-filing-banner";
import { getCounterApplicant } from "@/server/counter/get-counter-applicant";
import { buildFieldContext } from "@/server/forms/build-field-context";
import { lockedValues, resolvePrefill } from "@/server/prefill/resolve-prefill";
import { nameAnswerLicences } from "@/server/licences/name-answer-licences";
import { saveDraftPageAction, submitDraftAction } from "../../actions";

type TProps = { params: Promise<{ code: string; draft: string; step: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wizard"))("title") };
}

export default async function WizardStepPage({ params }: TProps) {
  const { code, draft: draftId, step } = await params;
  const actor = await requireActor({ page: "/apply/[code]/[draft]/[step]", returnTo: `/apply/${code}/${draftId}/${step}` });
  // A step is a page key or "check"; anything else (a line break would break the redirect below) is no page.
  if (!/^(?:check|[a-z][a-zA-Z0-9]{0,63})$/.test(step)) notFound();
  const db = getDb();
  const t = await getTranslations("wizard");
  const locale = (await getLocale()) as Locale;
  const now = new Date();

  const loaded = await loadDraft({ db, actor, draftId, now });
  if (!loaded.ok) {
    if (loaded.code === "forbidden:draft") forbidden();
    if (loaded.code !== "expired:draft") notFound();
    return (
      <div className="max-w-3xl">
        <PageHeading>{t("expiredTitle")}</PageHeading>
        <p className="mb-6">{t("expiredBody", { date: formatDate(new Date(String(loaded.details?.expiredAt)), locale) })}</p>
        <p>
          <Link href={`/apply/${code}`}>{t("startAgain")}</Link>
        </p>
      </div>
    );
  }
  const { draft, subject } = loaded;
  if (subject.code !== code) redirect(`/apply/${subject.code}/${draft.id}/${step}`);
  const definition = subject.form.definition;
  const today = toIsoDate(now);

  // What the applicant sees: their saved answers, with prefilled values in place (locked ones always win). At the
  // counter, the register data is the walk-in applicant's, not the clerk's.
  const { applicant, filerId } = await applicantOfDraft(db, actor, draft);
  const prefill = await resolvePrefill({ db, actor: applicant, companyId: draft.companyId, definition, today });
  const filedFor = filerId ? await getCounterApplicant({ db, actor, id: draft.filedForUserId ?? draft.companyId ?? "" }) : null;
  const banner = filedFor?.ok ? <CounterFilingBanner applicant={filedFor.applicant} locale={locale} /> : null;
  const values: Record<string, unknown> = { ...draft.answers };
  for (const [key, entry] of Object.entries(prefill)) if (entry.locked || values[key] === undefined) values[key] = entry.value;
  const layout = resolveFormLayout(definition, values, { today });
  const visiblePages = layout.pages.map((entry) => entry.page);
  const subjectName = localize(subject.name, locale);

  if (step === "check") {
    const fixed = lockedValues(prefill);
    const validation = validateAnswers(definition, values, { today, fixed, regions: regionLookup });
    const licenceTitles = await nameAnswerLicences({ db, answers: values, locale });
    return (
      <div className="max-w-3xl">
        <WizardProgress pages={visiblePages} current="check" locale={locale} />
        {banner}
        <PageHeading caption={subjectName}>{t("checkTitle")}</PageHeading>
        <CheckAnswers
          definition={definition}
          layout={layout}
          answers={values}
          errors={validation.errors}
          locale={locale}
          changeHref={(pageKey, path) => `/apply/${code}/${draft.id}/${pageKey}#field-${path.replaceAll(".", "-")}`}
          lockedKeys={new Set(Object.keys(fixed))}
          licenceTitles={licenceTitles}
          materialLinks={{ reader: "applicant", fileHref: (fileId) => `/me/drafts/${draft.id}/materials/${fileId}` }}
          idempotencyKey={draft.idempotencyKey}
          action={submitDraftAction.bind(null, code, draft.id)}
          backHref={`/apply/${code}/${draft.id}/${visiblePages.at(-1)?.key ?? definition.pages[0].key}`}
          counterConsent={filerId !== null}
        />
      </div>
    );
  }

  const entry = layout.pages.find((candidate) => candidate.page.key === step);
  if (!entry) {
    // A page the answers now skip, or one that no longer exists in a newer form version: start from the first.
    if (definition.pages.some((page) => page.key === step) || visiblePages.length > 0) redirect(`/apply/${code}/${draft.id}/${visiblePages[0]?.key ?? "check"}`);
    notFound();
  }
  const page = entry.page;

  const context = await buildFieldContext({
    db,
    actor: applicant,
    companyId: draft.companyId,
    fields: page.sections.flatMap((section) => section.fields),
    values,
    prefill,
    locale,
    today,
    sourceWords: { identity: t("sourceIdentity"), company: t("sourceCompany") },
  });
  const pageIndex = visiblePages.findIndex((candidate) => candidate.key === page.key);

  return (
    <div className="max-w-3xl">
      <WizardProgress pages={visiblePages} current={page.key} locale={locale} />
      {banner}
      <PageHeading caption={`${subjectName} · ${t("stepOf", { step: pageIndex + 1, total: visiblePages.length })}`}>
        {localize(page.title, locale)}
      </PageHeading>
      <WizardPageForm
        key={`${draft.id}-${page.key}`}
        definition={definition}
        pageKey={page.key}
        values={values}
        today={today}
        isFirstPage={pageIndex === 0}
        // At the counter, the applicant's register numbers are masked on the clerk's screen.
        context={filerId ? { ...context, maskLocked: true } : context}
        action={saveDraftPageAction.bind(null, code, draft.id, page.key)}
      />
    </div>
  );
}
