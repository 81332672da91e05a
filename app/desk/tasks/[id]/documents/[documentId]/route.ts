/** GET /desk/tasks/<task id>/documents/<id>: a notice or decision of the task's case, as a PDF, for its department's clerks. */
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/http/file-response-headers";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { renderCaseDocument } from "@/server/documents/render-case-document";
import { getEnv } from "@/server/env";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const actor = await requireActor({ handler: "/desk/tasks/[id]/documents/[documentId]", method: "GET", returnTo: `/desk/tasks/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}` });
  const result = await renderCaseDocument({ db: getDb(), actor, access: { taskId: id }, documentId, locale: (await getLocale()) as Locale, baseUrl: getEnv().PUBLIC_BASE_URL });
  if (!result.ok) notFound();
  return fileResponse({ content: result.pdf, mediaType: "application/pdf", fileName: result.fileName });
}
