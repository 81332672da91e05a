/**
 * What the form shows for the answers so far: the visible pages, their visible sections and fields, and the
 * wizard's way through them. It is the same walk validateAnswers makes (values are coerced first, then rules
 * run on the typed answers), so the browser with raw input strings and the server with stored typed answers
 * always agree on what is shown.
 */
import type { TField, TFormDefinition, TItemField, TPage, TSection } from "@/lib/forms/definition";
import { resolveForm, type TFormResolution } from "@/lib/forms/resolve-form";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TRegionLookup } from "@/lib/regions/lookup-type";

export type TLayoutOptions = { today?: string; regions?: TRegionLookup };

export type TLayoutSection = { section: TSection; fields: TField[] };
export type TLayoutPage = { page: TPage; sections: TLayoutSection[] };
export type TFormLayout = {
  /** Visible pages in order, with their visible sections and top-level fields; empty ones are left out. */
  pages: TLayoutPage[];
  /**
   * The visible fields that are required for the answers so far (`required`, or `requiredWhen` holds), as answer
   * paths: top-level keys and `group.index.itemKey`. The UI marks the others "(optional)".
   */
  required: string[];
  /** For each visible group: the visible item fields of each stored item (readFormData's empty items dropped). */
  items: Record<string, TItemField[][]>;
  /** The valid answers, computed fields included, for showing computed values read-only. */
  answers: TFormResolution["answers"];
};

function resolve(definition: TFormDefinition, raw: Record<string, unknown>, options: TLayoutOptions): TFormResolution {
  return resolveForm(definition, raw, { today: options.today ?? toIsoDate(new Date()), regions: options.regions });
}

/** Takes posted strings or typed answers alike. */
export function resolveFormLayout(definition: TFormDefinition, raw: Record<string, unknown>, options: TLayoutOptions = {}): TFormLayout {
  const resolution = resolve(definition, raw, options);
  const required: string[] = [];
  const items: Record<string, TItemField[][]> = {};
  const pages = resolution.pages.map(({ page, sections }) => ({
    page,
    sections: sections.map(({ section, fields }) => ({
      section,
      fields: fields.map((entry) => {
        if (entry.required) required.push(entry.field.key);
        if (entry.items) {
          items[entry.field.key] = entry.items.map((item) => item.fields);
          entry.items.forEach((item, index) => {
            for (const key of item.required) required.push(`${entry.field.key}.${index}.${key}`);
          });
        }
        return entry.field;
      }),
    })),
  }));
  return { pages, required, items, answers: resolution.answers };
}

/** The keys of the pages the applicant goes through, in order. */
export function listPageKeys(definition: TFormDefinition, answers: Record<string, unknown>, options: TLayoutOptions = {}): string[] {
  return resolve(definition, answers, options).pages.map(({ page }) => page.key);
}

/**
 * The visible page after `currentKey`, or null when the next step is checking the answers. `currentKey` may
 * itself be hidden by now (an answer on it changed); the walk goes on from its place in the definition.
 * An unknown key starts at the first visible page.
 */
export function nextPageKey(
  definition: TFormDefinition,
  answers: Record<string, unknown>,
  currentKey: string,
  options: TLayoutOptions = {},
): string | null {
  const visible = new Set(listPageKeys(definition, answers, options));
  const keys = definition.pages.map((page) => page.key);
  const index = keys.indexOf(currentKey);
  if (index === -1 && currentKey === "check") return null;
  return keys.slice(index + 1).find((key) => visible.has(key)) ?? null;
}

/** The visible page before `currentKey` ("check" goes back to the last visible page), or null at the start. */
export function previousPageKey(
  definition: TFormDefinition,
  answers: Record<string, unknown>,
  currentKey: string,
  options: TLayoutOptions = {},
): string | null {
  const visible = new Set(listPageKeys(definition, answers, options));
  const keys = definition.pages.map((page) => page.key);
  const index = currentKey === "check" ? keys.length : keys.indexOf(currentKey);
  if (index === -1) return null;
  return keys.slice(0, index).reverse().find((key) => visible.has(key)) ?? null;
}
