import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { TextInput } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { isErrorCode } from "@/server/errors";
import { readPendingSignInToken } from "@/server/two-factor/pending-sign-in-cookie";
import { restartSignInAction, submitSignInCodeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loginCode"))("title") };
}

const searchFields = {
  error: z.string().refine(isErrorCode),
  minutes: z.coerce.number().int().min(1).max(60),
  callbackUrl: z.string().max(500),
};

/**
 * /login/code — the second step of a staff sign-in: the code from the authenticator app, or a recovery code. The
 * password is not asked again nor carried here; the pending sign-in waits in its cookie for 5 minutes.
 */
export default async function SignInCodePage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const t = await getTranslations("loginCode");
  const te = await getTranslations("errors");
  const query = readSearchParams(await searchParams, searchFields);
  const pending = await readPendingSignInToken();
  const error = query.error ? te(query.error, { minutes: query.minutes ?? 1 }) : undefined;
  if (!pending) {
    return (
      <div className="max-w-2xl">
        <PageHeading>{t("title")}</PageHeading>
        <ErrorSummary id="code-error-title" title={t("errorTitle")} errors={[{ href: "#start-again", text: te("expired:sign-in-step") }]} />
        <a id="start-again" href="/login" className="text-link underline">
          {t("startAgain")}
        </a>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6">{t("intro")}</p>
      <form action={submitSignInCodeAction} noValidate>
        <ErrorSummary id="code-error-title" title={t("errorTitle")} errors={error ? [{ href: "#code", text: error }] : []} />
        {query.callbackUrl ? <input type="hidden" name="callbackUrl" value={query.callbackUrl} /> : null}
        <TextInput
          id="code"
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={error}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
        />
        <Button>{t("submit")}</Button>
      </form>
      <form action={restartSignInAction} className="mt-8">
        <Button variant="secondary">{t("restart")}</Button>
      </form>
    </div>
  );
}
