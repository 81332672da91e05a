import { jsonb, timestamp } from "drizzle-orm/pg-core";
import type { TLocalizedText } from "@/lib/i18n/locales";

/** A text in zh-Hans, zh-Hant and en, stored as one jsonb value. */
export const localizedText = (name: string) => jsonb(name).$type<TLocalizedText>();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
