/** GET /me/cases/<case number>/materials/<file id>: a file the applicant gave with their case, from the tracker. */
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/http/file-response-headers";
import { requireActor } from "@/server/auth/require-actor";
import { openMaterialForApplicant } from "@/server/materials/open-material-for-applicant";

export async function GET(_request: Request, { params }: { params: Promise<{ number: string; fileId: string }> }) {
  const { number, fileId } = await params;
  const actor = await requireActor({ handler: "/me/cases/[number]/materials/[fileId]", method: "GET", returnTo: `/me/cases/${encodeURIComponent(number)}/materials/${encodeURIComponent(fileId)}` });
  const result = await openMaterialForApplicant({ db: getDb(), actor, caseNumber: number, fileId });
  // Someone else's case and a file the case does not name look the same.
  if (!result.ok) notFound();
  return fileResponse({ content: result.file.content, mediaType: result.file.mediaType, fileName: result.file.name });
}
