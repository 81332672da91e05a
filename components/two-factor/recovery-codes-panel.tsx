import { useTranslations } from "next-intl";

/**
 * The ten recovery codes, shown this once: only their hashes are kept. Needs the `accountTwoFactor` messages.
 */
export function RecoveryCodesPanel({ codes, continueHref }: { codes: string[]; continueHref: string }) {
  const t = useTranslations("accountTwoFactor");
  return (
    <div role="status" className="mb-8 border-l-8 border-go bg-panel p-5">
      <h2 className="mb-2 text-2xl font-bold">{t("codesTitle")}</h2>
      <p className="mb-3">{t("codesLead")}</p>
      <ol data-testid="recovery-codes" className="mb-4 grid list-inside list-decimal gap-1 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>
            <code className="bg-white px-2">{code}</code>
          </li>
        ))}
      </ol>
      <a href={continueHref} className="font-semibold text-link underline">
        {t("codesDone")}
      </a>
    </div>
  );
}
