/** GET /me/cases/<number>/receipt: the case's acknowledgement of receipt (受理回执) as a PDF download. */
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { renderCaseReceipt } from "@/server/cases/render-case-receipt";
import { getEnv } from "@/server/env";
import { pdfAttachment } from "@/server/pdf/pdf-response";

export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const returnTo = `/me/cases/${encodeURIComponent(number)}/receipt`;
  // As a page would: sign in first, then come back to the download; 403 for staff, who have no cases of their own.
  const actor = await requireActor({ handler: "/me/cases/[number]/receipt", method: "GET", returnTo });
  const result = await renderCaseReceipt({
    db: getDb(),
    actor,
    caseNumber: number,
    locale: (await getLocale()) as Locale,
    baseUrl: getEnv().PUBLIC_BASE_URL,
  });
  // Someone else's case is not found, like the tracker.
  if (!result.ok) notFound();
  return pdfAttachment({ pdf: result.pdf, fileName: result.fileName, asciiFileName: `receipt-${number}.pdf` });
}
