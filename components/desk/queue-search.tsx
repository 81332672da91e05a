import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TLocalizedText } from "@/lib/i18n/locales";

const selectClass = "block w-full border-2 border-ink bg-white px-2 py-1.5 text-ink";
const labelClass = "block font-semibold";

export type TQueueSearchValues = {
  view: string;
  q?: string;
  service?: string;
  status?: string;
  dueFrom?: string;
  dueTo?: string;
  channel?: string;
  sort?: string;
};

type TQueueSearchProps = {
  action: (formData: FormData) => Promise<void>;
  values: TQueueSearchValues;
  services: { code: string; name: TLocalizedText }[];
  statuses: readonly string[];
  channels: readonly string[];
  sorts: readonly string[];
  /** The address of the current view with no search or filter. */
  clearHref: string;
  /** The search term was refused: its message. */
  searchError?: string;
  locale: Locale;
};

/**
 * The queue's search box, with filters and sorting folded under it (open while any is set), so that on a phone the
 * list starts near the top. It posts (searchQueueAction), which answers with the desk's address for what was asked.
 */
export async function QueueSearch({ action, values, services, statuses, channels, sorts, clearHref, searchError, locale }: TQueueSearchProps) {
  const t = await getTranslations("desk.search");
  const ts = await getTranslations("desk.taskStatus");
  const filtered = Boolean(values.service || values.status || values.dueFrom || values.dueTo || values.channel || values.sort);
  const searching = filtered || Boolean(values.q);
  return (
    <div className="mb-8">
      <form action={action} role="search" aria-label={t("region")} className="border-2 border-line p-4">
        <input type="hidden" name="view" value={values.view} />
        <div className={searchError ? "border-l-4 border-danger pl-3" : undefined}>
          <label htmlFor="queue-search" className={labelClass}>
            {t("label")}
          </label>
          <p id="queue-search-hint" className="text-muted">
            {t("hint")}
          </p>
          {searchError ? (
            <p id="queue-search-error" className="font-semibold text-danger">
              {searchError}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap items-stretch gap-2">
            <input
              id="queue-search"
              name="q"
              type="search"
              defaultValue={values.q ?? ""}
              maxLength={50}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={searchError ? "queue-search-hint queue-search-error" : "queue-search-hint"}
              aria-invalid={searchError ? true : undefined}
              className={`${inputClass(searchError, { width: "max-w-md" })} min-w-0 flex-1 basis-48`}
            />
            <Button>{t("submit")}</Button>
          </div>
        </div>

        <details open={filtered} className="mt-4">
          <summary className="cursor-pointer font-semibold text-link underline">{t("filters")}</summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <p>
              <label htmlFor="queue-service" className={labelClass}>
                {t("service")}
              </label>
              <select id="queue-service" name="service" defaultValue={values.service ?? ""} className={selectClass}>
                <option value="">{t("anyService")}</option>
                {services.map((service) => (
                  <option key={service.code} value={service.code}>
                    {localize(service.name, locale)}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label htmlFor="queue-status" className={labelClass}>
                {t("status")}
              </label>
              <select id="queue-status" name="status" defaultValue={values.status ?? ""} className={selectClass}>
                <option value="">{t("anyStatus")}</option>
                {statuses.map((status) => (
                  <option key={status} value={status}>
                    {ts(status)}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label htmlFor="queue-channel" className={labelClass}>
                {t("channel")}
              </label>
              <select id="queue-channel" name="channel" defaultValue={values.channel ?? ""} className={selectClass}>
                <option value="">{t("anyChannel")}</option>
                {channels.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`channels.${channel}`)}
                  </option>
                ))}
              </select>
            </p>
            <fieldset className="sm:col-span-2 lg:col-span-2">
              <legend className={labelClass}>{t("due")}</legend>
              <div className="flex flex-wrap gap-4">
                <p className="min-w-0 flex-1 basis-40">
                  <label htmlFor="queue-due-from">{t("dueFrom")}</label>
                  <input id="queue-due-from" name="dueFrom" type="date" defaultValue={values.dueFrom ?? ""} className={inputClass(undefined, { width: "max-w-full" })} />
                </p>
                <p className="min-w-0 flex-1 basis-40">
                  <label htmlFor="queue-due-to">{t("dueTo")}</label>
                  <input id="queue-due-to" name="dueTo" type="date" defaultValue={values.dueTo ?? ""} className={inputClass(undefined, { width: "max-w-full" })} />
                </p>
              </div>
            </fieldset>
            <p>
              <label htmlFor="queue-sort" className={labelClass}>
                {t("sort")}
              </label>
              <select id="queue-sort" name="sort" defaultValue={values.sort ?? sorts[0]} className={selectClass}>
                {sorts.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`sorts.${sort}`)}
                  </option>
                ))}
              </select>
            </p>
          </div>
          <p className="mt-4">
            <Button variant="secondary">{t("apply")}</Button>
          </p>
        </details>
        {searching ? (
          <p className="mt-4">
            <Link href={clearHref}>{t("clear")}</Link>
          </p>
        ) : null}
      </form>
    </div>
  );
}
