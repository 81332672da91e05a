"use client";

import { useTranslations } from "next-intl";

/** Something unexpected failed: say so plainly, offer to try again. The error itself is logged by the server. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("serverError");
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4">{t("body")}</p>
      <button type="button" onClick={reset} className="cursor-pointer underline">
        {t("retry")}
      </button>
    </div>
  );
}
