/** GET /me/drafts/<draft id>/materials/<file id>: a file attached to the applicant's draft, from its check page. */
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/http/file-response-headers";
import { requireActor } from "@/server/auth/require-actor";
import { openDraftMaterial } from "@/server/materials/open-draft-material";

export async function GET(_request: Request, { params }: { params: Promise<{ draft: string; fileId: string }> }) {
  const { draft, fileId } = await params;
  const actor = await requireActor({ handler: "/me/drafts/[draft]/materials/[fileId]", method: "GET", returnTo: `/me/drafts/${encodeURIComponent(draft)}/materials/${encodeURIComponent(fileId)}` });
  const result = await openDraftMaterial({ db: getDb(), actor, draftId: draft, fileId });
  if (!result.ok) notFound();
  return fileResponse({ content: result.file.content, mediaType: result.file.mediaType, fileName: result.file.name });
}
