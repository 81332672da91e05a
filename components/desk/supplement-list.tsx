import { getTranslations } from "next-intl/server";
import { formatAnswer } from "@/components/forms/answer-list";
import type { TMaterialLinks } from "@/components/forms/material-answer";
import { Tag } from "@/components/ui/tag";
import type { TSupplementRequest } from "@/db/schema";
import { listFields, type TFormDefinition } from "@/lib/forms/definition";
import { maskStaffAnswer } from "@/lib/forms/mask-staff-answer";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";

/** Every supplement request of a task: what was asked, item by item, and what came back (masked as on every staff page). */
export async function SupplementList({
  supplements,
  definition,
  locale,
  licenceTitles = {},
  materialLinks,
}: {
  supplements: TSupplementRequest[];
  definition: TFormDefinition;
  locale: Locale;
  /** Wallet licences sent back, named as the answers name them. */
  licenceTitles?: Record<string, string>;
  /** Where the materials sent back open. */
  materialLinks?: TMaterialLinks;
}) {
  const t = await getTranslations("supplementList");
  const tf = await getTranslations("form");
  const fields = new Map(listFields(definition).map((field) => [field.key, field]));
  return (
    <ol className="mb-8 space-y-4">
      {supplements.map((request) => (
        <li key={request.id} className="border-2 border-line p-4">
          <p className="flex flex-wrap items-center gap-3">
            <span className="font-semibold">{t("askedOn", { date: formatDateTime(request.createdAt, locale) })}</span>
            <Tag tone={request.status === "open" ? "warn" : request.status === "answered" ? "ok" : "neutral"}>{t(`status.${request.status}`)}</Tag>
          </p>
          {request.note ? <p className="mt-2">{request.note}</p> : null}
          <ul className="mt-2 list-disc pl-6">
            {request.items.map((item) => {
              const field = fields.get(item.key);
              return (
                <li key={item.key}>
                  <span className="font-semibold">{field ? localize(field.label, locale) : item.key}</span>: {item.note}
                  {request.status === "answered" && field ? (
                    <span className="block text-muted">
                      {t("newAnswer")} {formatAnswer(field, maskStaffAnswer(field, request.answers?.[item.key]), locale, tf, licenceTitles, materialLinks)}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {request.answeredAt ? <p className="mt-2 text-base text-muted">{t("answeredOn", { date: formatDateTime(request.answeredAt, locale) })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
