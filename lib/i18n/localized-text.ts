import { z } from "zod";
import type { TLocalizedText } from "@/lib/i18n/locales";

/**
 * The schema of a text stored as data (catalog, form labels) in every language. Kept apart from locales.ts, which
 * client components import: zod must not reach the browser through `localize`.
 */
export const ZLocalizedText = z.object({
  "zh-Hans": z.string().min(1),
  "zh-Hant": z.string().min(1),
  en: z.string().min(1),
}) satisfies z.ZodType<TLocalizedText>;
