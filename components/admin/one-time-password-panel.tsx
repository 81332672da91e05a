import { useTranslations } from "next-intl";

/**
 * The one-time password of a new or reset account, shown to the admin this once: it is stored only as its hash, and
 * the person must replace it at their first sign-in. Needs the `adminPeople` messages.
 */
export function OneTimePasswordPanel({ username, password, title }: { username: string; password: string; title: string }) {
  const t = useTranslations("adminPeople");
  return (
    <div role="status" className="mb-8 border-l-8 border-go bg-panel p-5">
      <h2 className="mb-2 text-2xl font-bold">{title}</h2>
      <p className="mb-2">{t("oneTimeLead", { username })}</p>
      <p className="mb-3">
        <span className="font-semibold">{t("oneTimeLabel")}</span>{" "}
        <code data-testid="one-time-password" className="inline-block bg-white px-2 py-1 font-mono text-xl tracking-wider break-all">
          {password}
        </code>
      </p>
      <p className="text-muted">{t("oneTimeHint")}</p>
    </div>
  );
}
