/**
 * A form seen through a set of field keys: only those top-level fields, in their pages and sections, with pages
 * and sections left empty dropped. Used to show a department its own part of a bundle's one form (最小必要): what
 * it must judge and nothing more. Cross-field rules are dropped, because the narrowed form is for reading and for
 * choosing what to ask again, never for validating an answer.
 */
import type { TFormDefinition } from "./definition";

export function narrowDefinition(definition: TFormDefinition, keys: ReadonlySet<string>): TFormDefinition {
  const pages = definition.pages
    .map((page) => ({
      ...page,
      sections: page.sections
        .map((section) => ({ ...section, fields: section.fields.filter((field) => keys.has(field.key)) }))
        .filter((section) => section.fields.length > 0),
    }))
    .filter((page) => page.sections.length > 0);
  return { ...definition, pages, rules: [] };
}

/** Only the answers whose key is in the set: what is not shown is not handed to the page either. */
export function narrowAnswers<T>(answers: Record<string, T>, keys: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => keys.has(key)));
}
