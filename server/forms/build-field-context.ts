/**
 * What the form renderer needs besides the answers, for a set of fields: the region pickers' option lists, the
 * wallet licences a material field may take, and where each prefilled value came from. Shared by the wizard and the
 * supplement page, which render the same fields through the same components.
 */
import type { TDatabase } from "@/db/client";
import type { TField } from "@/lib/forms/definition";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { listUsableLicences, type resolvePrefill } from "@/server/prefill/resolve-prefill";
import { buildRegionOptions, type TRegionOptions } from "@/server/regions/build-region-options";

type TPrefill = Awaited<ReturnType<typeof resolvePrefill>>;

function regionOf(address: unknown): unknown {
  return address !== null && typeof address === "object" ? (address as Record<string, unknown>).region : undefined;
}

export async function buildFieldContext(options: {
  db: TDatabase;
  actor: TActor;
  companyId: string | null;
  fields: TField[];
  values: Record<string, unknown>;
  prefill: TPrefill;
  locale: Locale;
  today: string;
  /** "From your verified identity" / "From the enterprise register", in the reader's language. */
  sourceWords: { identity: string; company: string };
}) {
  const { db, actor, companyId, fields, values, prefill, locale, today, sourceWords } = options;
  const regionOptions: Record<string, TRegionOptions> = {};
  const walletTypes = new Set<string>();
  for (const field of fields) {
    if (field.type === "region") regionOptions[field.key] = buildRegionOptions(values[field.key], locale);
    if (field.type === "address") regionOptions[field.key] = buildRegionOptions(regionOf(values[field.key]), locale);
    if (field.type === "material") for (const type of field.licenceTypes) walletTypes.add(type);
    if (field.type === "group") {
      const items = Array.isArray(values[field.key]) ? (values[field.key] as unknown[]) : [];
      for (const item of field.fields) {
        if (item.type !== "region" && item.type !== "address") continue;
        // Existing items, and the blank ones a group with a minimum starts with.
        for (let index = 0; index < Math.max(items.length, field.minItems); index += 1) {
          const answer = items[index];
          const value = answer !== null && typeof answer === "object" ? (answer as Record<string, unknown>)[item.key] : undefined;
          regionOptions[`${field.key}.${index}.${item.key}`] = buildRegionOptions(item.type === "address" ? regionOf(value) : value, locale);
        }
      }
    }
  }
  const walletLicences =
    walletTypes.size > 0
      ? (await listUsableLicences({ db, actor, companyId, types: [...walletTypes], today })).map((licence) => ({
          id: licence.id,
          type: licence.type,
          title: localize(licence.title, locale),
          number: licence.number,
        }))
      : [];
  const sourceLabel = (key: string) => {
    const entry = prefill[key];
    if (entry.licence) return `${localize(entry.licence.title, locale)}（${entry.licence.number}）`;
    return entry.source.startsWith("company.") ? sourceWords.company : sourceWords.identity;
  };
  const prefilled = Object.fromEntries(Object.entries(prefill).map(([key, entry]) => [key, { sourceLabel: sourceLabel(key), locked: entry.locked }]));
  return { locale, prefilled, regionOptions, walletLicences };
}
