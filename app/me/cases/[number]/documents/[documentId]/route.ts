/** GET /me/cases/<number>/documents/<id>: a notice or decision of the applicant's own case, as a PDF in their language. */
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/http/file-response-headers";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { renderCaseDocument } from "@/server/documents/render-case-document";
import { getEnv } from "@/server/env";

export async function GET(_request: Request, { params }: { params: Promise<{ number: string; documentId: string }> }) {
  const { number, documentId } = await params;
  const actor = await requireActor({ handler: "/me/cases/[number]/documents/[documentId]", method: "GET", returnTo: `/me/cases/${encodeURIComponent(number)}/documents/${encodeURIComponent(documentId)}` });
  const result = await renderCaseDocument({ db: getDb(), actor, access: { caseNumber: number }, documentId, locale: (await getLocale()) as Locale, baseUrl: getEnv().PUBLIC_BASE_URL });
  // Someone else's document is not found, like their case.
  if (!result.ok) notFound();
  // Opened in the browser's PDF viewer: the applicant reads it, and may print or save it from there.
  return fileResponse({ content: result.pdf, mediaType: "application/pdf", fileName: result.fileName });
}
