import type { getTranslations } from "next-intl/server";
import { Tag, type TTagTone } from "@/components/ui/tag";
import { fileTypeName } from "@/lib/forms/format-accepted-types";
import { inlineMediaTypes } from "@/lib/http/file-response-headers";
import { formatFileSize } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { TVerifiedLicenceState } from "@/lib/licences/validity";

type TTranslate = Awaited<ReturnType<typeof getTranslations<"form">>>;


/**
 * Where the materials of an answer list open, for a reader allowed to open them; without it they are only named.
 * Plain links, never next/link: opening a material is recorded, so it must not be prefetched.
 */
export type TMaterialLinks = {
  /** Whose wallet a licence came from, in the reader's words: the applicant's own, or (on the desk) the applicant's. */
  reader: "applicant" | "staff";
  fileHref?: (fileId: string) => string;
  /** The licence as printed (PDF). */
  licenceHref?: (licenceId: string) => string;
  /** Each wallet licence's verification today, by id (server/licences/check-answer-licences.ts), shown beside it. */
  licenceStates?: Record<string, TVerifiedLicenceState>;
};

const stateTones: Record<TVerifiedLicenceState, TTagTone> = { valid: "ok", revoked: "bad", expired: "warn", forged: "bad" };

/** The files and wallet licences of one material answer: each by its name, type and size, opening where allowed. */
/** Chinese brackets carry their own spacing; English wants a space before "(". */
const gapBefore = (locale: Locale) => (locale === "en" ? " " : "");

export function MaterialAnswer({
  refs,
  locale,
  t,
  licenceTitles,
  links,
}: {
  refs: Record<string, unknown>[];
  locale: Locale;
  t: TTranslate;
  licenceTitles: Record<string, string>;
  links?: TMaterialLinks;
}) {
  return (
    <ul className="list-none space-y-1">
      {refs.map((ref, index) => {
        if (ref.kind === "licence") {
          const licenceId = String(ref.licenceId);
          const title = licenceTitles[licenceId] ?? t("licence");
          const href = links?.licenceHref?.(licenceId);
          const state = links?.licenceStates?.[licenceId];
          return (
            <li key={index} className="wrap-anywhere">
              {links?.reader === "staff" ? t("fromApplicantWallet") : t("fromWallet")}:{" "}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" className="font-semibold">
                  {title}
                  {gapBefore(locale)}
                  <span className="font-normal">{t("licencePrintDetails")}</span>
                </a>
              ) : (
                title
              )}
              {state ? (
                <>
                  {" "}
                  <Tag tone={stateTones[state]}>{t(`licenceState.${state}`)}</Tag>
                </>
              ) : null}
            </li>
          );
        }
        const name = String(ref.name);
        const mediaType = String(ref.mediaType);
        const details = { type: fileTypeName(mediaType), size: formatFileSize(Number(ref.size) || 0, locale) };
        const href = typeof ref.fileId === "string" ? links?.fileHref?.(ref.fileId) : undefined;
        if (!href) {
          return (
            <li key={index} className="wrap-anywhere">
              {name}
              {gapBefore(locale)}
              <span className="text-muted">{t("fileDetails", details)}</span>
            </li>
          );
        }
        // Images and PDFs open in the browser beside the page; anything else is a download.
        const opensInBrowser = (inlineMediaTypes as readonly string[]).includes(mediaType);
        return (
          <li key={index} className="wrap-anywhere">
            <a href={href} className="font-semibold" {...(opensInBrowser ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
              {name}
              {gapBefore(locale)}
              <span className="font-normal">{t(opensInBrowser ? "fileOpenDetails" : "fileDownloadDetails", details)}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
