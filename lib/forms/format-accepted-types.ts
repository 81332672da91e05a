import type { Locale } from "@/lib/i18n/locales";

const typeNames: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG" };

/** A file type as people name it: "PDF", "PNG"; an unexpected one by its media type. */
export function fileTypeName(mediaType: string): string {
  return typeNames[mediaType] ?? mediaType;
}

/**
 * The file types a material field accepts, as the reader says them ("PDF, JPG or PNG", "JPG或PNG"): the field's
 * hint and its refusal of a wrong file name the same types, the field's own.
 */
export function formatAcceptedTypes(accept: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "disjunction" }).format(accept.map((type) => typeNames[type] ?? type));
}
