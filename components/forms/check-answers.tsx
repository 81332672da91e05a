import { getTranslations } from "next-intl/server";
import type { TWizardState } from "@/components/forms/wizard-state";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TFormLayout } from "@/lib/forms/layout";
import type { TFieldError } from "@/lib/forms/validate-answers";
import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/i18n/locales";
import { AnswerList } from "./answer-list";
import type { TMaterialLinks } from "./material-answer";
import { CheckSubmitForm } from "./check-submit-form";
import { describeFieldError } from "./describe-field-error";

/**
 * "Check your answers" (GOV.UK): every answer on the pages the applicant's answers lead through, each with a
 * Change link back to its page (personal numbers the applicant typed shown whole, the register's masked); anything
 * still missing or wrong is listed at the top with a link to fix it; then the declaration and the one submit.
 */
export async function CheckAnswers({
  definition,
  layout,
  answers,
  errors,
  locale,
  changeHref,
  lockedKeys,
  licenceTitles,
  materialLinks,
  idempotencyKey,
  action,
  backHref,
  counterConsent,
}: {
  definition: TFormDefinition;
  layout: TFormLayout;
  answers: Record<string, unknown>;
  errors: Record<string, TFieldError>;
  locale: Locale;
  changeHref: (pageKey: string, path: string) => string;
  /** Prefilled fields the applicant cannot edit: no Change link, since following it changes nothing. */
  lockedKeys: ReadonlySet<string>;
  licenceTitles: Record<string, string>;
  /** Where the draft's uploaded files open. */
  materialLinks?: TMaterialLinks;
  idempotencyKey: string;
  action: (state: TWizardState, formData: FormData) => Promise<TWizardState>;
  backHref: string;
  /** Filed at the counter: the applicant's consent is asked for before the submit. */
  counterConsent?: boolean;
}) {
  const t = await getTranslations("wizard");
  const tf = await getTranslations("formErrors");
  const tu = await getTranslations("uploadErrors");
  const tform = await getTranslations("form");
  const pageOf = (path: string) => {
    const key = path.split(".")[0];
    return layout.pages.find((entry) => entry.sections.some((section) => section.fields.some((field) => field.key === key)))?.page.key ?? layout.pages[0]?.page.key ?? "";
  };
  const problems = Object.entries(errors).map(([path, error]) => ({
    href: changeHref(pageOf(path), path),
    text: describeFieldError({ definition, path, error, locale, tf, tu, todayWord: tform("today") }),
  }));

  return (
    <>
      <ErrorSummary title={t("notReady")} errors={problems} />
      {layout.pages.map(({ page, sections }) => (
        <section key={page.key} aria-labelledby={`check-${page.key}`}>
          <h2 id={`check-${page.key}`} className="mb-2 text-2xl font-bold">
            {localize(page.title, locale)}
          </h2>
          <AnswerList
            definition={definition}
            answers={answers}
            locale={locale}
            reader="applicant"
            fields={sections.flatMap((section) => section.fields)}
            changeHref={(field) => (lockedKeys.has(field.key) ? undefined : changeHref(page.key, field.key))}
            licenceTitles={licenceTitles}
            materialLinks={materialLinks}
            // What the applicant typed is shown whole, so a wrong digit can be caught before submitting; what the
            // register filled in (locked) cannot be changed here, so it is masked as on /me/profile.
            revealFull={(field) => !lockedKeys.has(field.key)}
          />
        </section>
      ))}
      <CheckSubmitForm idempotencyKey={idempotencyKey} action={action} ready={problems.length === 0} backHref={backHref} counterConsent={counterConsent} />
    </>
  );
}
