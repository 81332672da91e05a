/** GET /desk/tasks/<task id>/materials/<file id>: an uploaded file of the task's case, for its department's clerks. */
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/http/file-response-headers";
import { requireActor } from "@/server/auth/require-actor";
import { openMaterialForClerk } from "@/server/materials/open-material-for-clerk";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  const actor = await requireActor({ handler: "/desk/tasks/[id]/materials/[fileId]", method: "GET", returnTo: `/desk/tasks/${encodeURIComponent(id)}/materials/${encodeURIComponent(fileId)}` });
  const result = await openMaterialForClerk({ db: getDb(), actor, taskId: id, fileId });
  // Another department's task, a file its case does not name and a made-up id look the same.
  if (!result.ok) notFound();
  return fileResponse({ content: result.file.content, mediaType: result.file.mediaType, fileName: result.file.name });
}
