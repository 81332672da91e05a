/**
 * What licence a service yields when its task is approved (a service's `licence_template`, stored as data): the
 * licence's type and title, how its number starts, how long it is valid, and which of the case's answers (or fixed
 * texts) become its printed data fields, in print order.
 */
import { z } from "zod";
import { ZLocalizedText } from "@/lib/i18n/localized-text";

export const ZLicenceType = z.string().regex(/^[a-z][a-z0-9-]*$/, "licence types are kebab-case, e.g. food-business-licence").max(60);

export const ZLicenceFieldSource = z.union([
  /** The first of these answer keys the case answered (a bundle may ask a datum under another key). */
  z.object({ answer: z.array(z.string().regex(/^[a-z][a-zA-Z0-9]*$/)).min(1).max(5) }).strict(),
  /** A fixed text printed on every licence of this service. */
  z.object({ value: z.string().min(1).max(200) }).strict(),
]);
export type TLicenceFieldSource = z.infer<typeof ZLicenceFieldSource>;

export const ZLicenceTemplate = z
  .object({
    type: ZLicenceType,
    title: ZLocalizedText,
    /** Upper-case letters that start the licence number: <prefix>-<yyyymmdd>-<sequence>. */
    numberPrefix: z.string().regex(/^[A-Z]{2,6}$/),
    /** Months from the day of issue; null: valid until revoked. */
    validityMonths: z.number().int().min(1).max(1200).nullable(),
    fields: z
      .array(
        z
          .object({
            /** The datum's key in the licence data, readable by prefill as `licence.<type>.<key>`. */
            key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/).max(64),
            label: ZLocalizedText,
            from: ZLicenceFieldSource,
          })
          .strict(),
      )
      .min(1)
      .max(20)
      .refine((fields) => new Set(fields.map((field) => field.key)).size === fields.length, "field keys must be unique"),
  })
  .strict();
export type TLicenceTemplate = z.infer<typeof ZLicenceTemplate>;

/** A printed datum's label, in print order; the values live in the licence's `data` under the same keys. */
export type TLicenceDataField = { key: string; label: z.infer<typeof ZLocalizedText> };
