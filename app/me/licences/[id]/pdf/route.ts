/** GET /me/licences/<id>/pdf: an e-licence as a PDF download, for its holder (or their company's staff). */
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { getEnv } from "@/server/env";
import { renderLicencePdf } from "@/server/licences/render-licence-pdf";
import { pdfAttachment } from "@/server/pdf/pdf-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor({ handler: "/me/licences/[id]/pdf", method: "GET", returnTo: `/me/licences/${id}/pdf` });
  const result = await renderLicencePdf({ db: getDb(), actor, licenceId: id, locale: (await getLocale()) as Locale, origin: getEnv().PUBLIC_BASE_URL });
  // Someone else's licence and a made-up id look the same.
  if (!result.ok) notFound();
  return pdfAttachment({ pdf: result.pdf, fileName: result.fileName, asciiFileName: `licence-${result.number.replace(/[^A-Za-z0-9-]/g, "_")}.pdf` });
}
