import { z } from "zod";
import { locales, localize } from "@/lib/i18n/locales";
import { getRegion, listRegionChildren } from "@/lib/regions/regions";
import { resolveLocale } from "@/server/i18n/request";

/**
 * The next list of the region picker with JavaScript: GET /api/regions?parent=<code>&locale=<locale> →
 * `[{ code, name }]`, the children of a GB/T 2260 region (the provinces without `parent`), named in the reader's
 * language. The table changes only with a release, so answers may be cached for a day; `locale` keeps the
 * cache key in the URL (without it the language comes from the cookie or Accept-Language, and the answer is
 * cached only by the browser).
 */
const ZRegionQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  locale: z.enum(locales).optional(),
});

export async function GET(request: Request) {
  const query = ZRegionQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "invalid:region-query" }, { status: 400 });
  const { parent, locale: askedLocale } = query.data;
  if (parent !== undefined && !getRegion(parent)) return Response.json({ error: "not-found:region" }, { status: 404 });

  const locale = askedLocale ?? (await resolveLocale());
  const children = listRegionChildren(parent ?? null).map((region) => ({ code: region.code, name: localize(region.name, locale) }));
  return Response.json(children, {
    headers: askedLocale
      ? { "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800" }
      : { "Cache-Control": "private, max-age=86400", Vary: "Cookie, Accept-Language" },
  });
}
