/** GET /desk/tasks/<task id>/licences/<licence id>: a wallet licence given as a material, as printed (PDF), for the task's department's clerks. */
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/http/file-response-headers";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { getEnv } from "@/server/env";
import { openLicenceMaterialForClerk } from "@/server/materials/open-licence-material-for-clerk";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; licenceId: string }> }) {
  const { id, licenceId } = await params;
  const actor = await requireActor({ handler: "/desk/tasks/[id]/licences/[licenceId]", method: "GET", returnTo: `/desk/tasks/${encodeURIComponent(id)}/licences/${encodeURIComponent(licenceId)}` });
  const result = await openLicenceMaterialForClerk({ db: getDb(), actor, taskId: id, licenceId, locale: (await getLocale()) as Locale, origin: getEnv().PUBLIC_BASE_URL });
  if (!result.ok) notFound();
  // Opened in the browser's PDF viewer, like an uploaded PDF.
  return fileResponse({ content: result.pdf, mediaType: "application/pdf", fileName: result.fileName });
}
