import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";

export const BULK_FORM_ID = "bulk";

/**
 * What to do with the tasks ticked on the cards (their checkboxes belong to this form by its id, so it works
 * without JavaScript): claim them, or hand them to a colleague. Either leads to a confirmation page first.
 */
export async function BulkBar({ colleagues, locale }: { colleagues: { id: string; displayName: string }[]; locale: Locale }) {
  const t = await getTranslations("desk.bulk");
  return (
    <form id={BULK_FORM_ID} method="get" action="/desk/bulk" className="mb-4 border-l-4 border-brand bg-panel p-4">
      <h3 id="bulk-title" className="mb-1 text-lg font-bold">
        {t("title")}
      </h3>
      <p id="bulk-hint" className="mb-3 text-muted">
        {t("hint")}
      </p>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <Button variant="secondary" name="do" value="claim" aria-describedby="bulk-hint">
          {t("claim")}
        </Button>
        {colleagues.length > 0 ? (
          <div className="flex flex-wrap items-end gap-2">
            <p>
              <label htmlFor="bulk-colleague" className="block font-semibold">
                {t("colleague")}
              </label>
              <select id="bulk-colleague" name="to" defaultValue="" className="block w-full border-2 border-ink bg-white px-2 py-1.5 text-ink">
                <option value="">{t("chooseColleague")}</option>
                {colleagues.map((colleague) => (
                  <option key={colleague.id} value={colleague.id}>
                    {nameForReader(colleague.displayName, locale)}
                  </option>
                ))}
              </select>
            </p>
            <Button variant="secondary" name="do" value="assign" aria-describedby="bulk-hint">
              {t("assign")}
            </Button>
          </div>
        ) : null}
      </div>
    </form>
  );
}
