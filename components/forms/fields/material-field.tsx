"use client";

/**
 * A material (材料): files to upload, posted as `<path>` (the server stores them and they come back listed as
 * attached), or e-licences from the wallet ticked instead (免提交), posted as `<path>.licence`.
 */
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { TFieldOf } from "@/lib/forms/definition";
import { formatFileSize } from "@/lib/i18n/format";
import { FieldsetShell } from "../text-input";
import { choiceInputClass, choiceLabelClass, choiceRowClass, controlAria, shellProps, type TFieldProps } from "./common";
import { materialRefsOf } from "./values";
import { formatAcceptedTypes } from "@/lib/forms/format-accepted-types";

export function MaterialField({ field, value, parts, context }: TFieldProps<TFieldOf<"material">>) {
  const t = useTranslations("fields");
  const { locale } = context;
  const refs = materialRefsOf(value);
  const files = refs.filter((ref) => ref.kind === "file");
  const chosenLicences = new Set(refs.flatMap((ref) => (ref.kind === "licence" ? [ref.licenceId] : [])));
  const licences = context.walletLicences.filter((licence) => field.licenceTypes.includes(licence.type));
  const types = formatAcceptedTypes(field.accept, locale);
  const rules = t("fileRules", { types, size: formatFileSize(field.maxSizeKb * 1024, locale), count: field.maxFiles });
  const uploadHint = `${parts.id}-rules`;

  return (
    <FieldsetShell {...shellProps(parts)}>
      {files.length > 0 ? (
        <div className="mb-4">
          <p className="font-semibold">{t("attached")}</p>
          <ul className="border-t border-line">
            {files.map((file) => (
              <li key={file.fileId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-line py-2">
                <span className="min-w-0 break-all">
                  {file.name} <span className="text-muted">({formatFileSize(file.size, locale)})</span>
                </span>
                <button
                  type="submit"
                  name="intent"
                  value={`remove-file:${parts.path}:${file.fileId}`}
                  formNoValidate
                  aria-label={t("removeFile", { name: file.name })}
                  className={buttonClass("secondary")}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label htmlFor={parts.id} className="block">
        {files.length > 0 ? t("uploadMore") : t("upload")}
      </label>
      <p id={uploadHint} className="text-muted">
        {rules}
      </p>
      <input
        id={parts.id}
        name={parts.path}
        type="file"
        multiple={field.maxFiles > 1}
        accept={field.accept.join(",")}
        {...controlAria(parts, uploadHint)}
        className="mt-1 block w-full max-w-xl border-2 border-dashed border-ink bg-white p-2 file:mr-3 file:cursor-pointer file:border-0 file:bg-panel file:px-3 file:py-1.5 file:font-semibold"
      />
      {licences.length > 0 ? (
        <div className="mt-4">
          <p className="font-semibold">{t("walletTitle")}</p>
          {licences.map((licence, index) => {
            const id = `${parts.id}-licence-${index}`;
            return (
              <div key={licence.id} className={choiceRowClass}>
                <input
                  id={id}
                  type="checkbox"
                  name={`${parts.path}.licence`}
                  value={licence.id}
                  defaultChecked={chosenLicences.has(licence.id)}
                  className={choiceInputClass}
                />
                <label htmlFor={id} className={choiceLabelClass}>
                  {t("walletLicence", { title: licence.title, number: licence.number })}
                </label>
              </div>
            );
          })}
        </div>
      ) : null}
    </FieldsetShell>
  );
}
