import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { identityErrorOf, identitySignInEnabled } from "@/server/auth/identity-provider";
import { signInAction, signInWithIdentityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const t = await getTranslations("login");
  const te = await getTranslations("errors");
  const query = await searchParams;
  const callbackUrl = typeof query.callbackUrl === "string" ? query.callbackUrl : undefined;
  // Applicants sign in through the government's unified identity where the deployment has one; staff and the demo
  // accounts keep their passwords.
  const identity = identitySignInEnabled();
  const identityError = identity ? identityErrorOf(typeof query.error === "string" ? query.error : undefined) : null;
  const passwordForm = <LoginForm callbackUrl={callbackUrl} signInAction={signInAction} />;
  return (
    <div className="max-w-2xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6">{t("intro")}</p>
      {identity ? (
        <>
          <section aria-labelledby="identity-title" className="mb-10">
            <h2 id="identity-title" className="mb-2 text-2xl font-bold">
              {t("identityTitle")}
            </h2>
            <p className="mb-4">{t("identityIntro")}</p>
            <ErrorSummary id="identity-error-title" title={t("errorTitle")} errors={identityError ? [{ href: "#identity-sign-in", text: te(identityError) }] : []} />
            <form action={signInWithIdentityAction}>
              {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
              <Button id="identity-sign-in">{t("identitySubmit")}</Button>
            </form>
          </section>
          <section aria-labelledby="password-title">
            <h2 id="password-title" className="mb-2 text-2xl font-bold">
              {t("passwordTitle")}
            </h2>
            <p className="mb-4">{t("passwordIntro")}</p>
            {passwordForm}
          </section>
        </>
      ) : (
        passwordForm
      )}
      <details className="mt-10 border-l-4 border-line pl-4">
        <summary className="cursor-pointer text-link underline">{t("demoTitle")}</summary>
        <p className="mt-2">{t("demoText")}</p>
      </details>
    </div>
  );
}
