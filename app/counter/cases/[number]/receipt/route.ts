/** GET /counter/cases/<number>/receipt: the receipt (受理回执) of a case this counter clerk filed, to print for the applicant. */
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
  const actor = await requireActor({ handler: "/counter/cases/[number]/receipt", method: "GET", returnTo: `/counter/cases/${encodeURIComponent(number)}/receipt` });
  // The use case finds only a case this clerk filed: a colleague's, or anyone's filed online, is not found.
  const result = await renderCaseReceipt({ db: getDb(), actor, caseNumber: number, locale: (await getLocale()) as Locale, baseUrl: getEnv().PUBLIC_BASE_URL });
  if (!result.ok) notFound();
  return pdfAttachment({ pdf: result.pdf, fileName: result.fileName, asciiFileName: `receipt-${number}.pdf` });
}
