"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import { markInboxRead } from "@/server/notifications/mark-inbox-read";

const ZMarkRead = z.object({ messageId: z.uuid(), before: z.string().max(300).optional() });

/** "Mark as read" is a plain form post: back to the same page of the inbox, with the outcome in the address. */
export async function markInboxReadAction(formData: FormData) {
  formData = actionForm(formData);
  const parsed = ZMarkRead.safeParse({ messageId: formData.get("messageId"), before: formData.get("before") || undefined });
  if (!parsed.success) redirect("/me/inbox?error=not-found:inbox-message");
  const actor = await actorForAction("/me/inbox", "markInboxReadAction");
  if (!actor) redirect("/login?callbackUrl=/me/inbox");
  const result = await markInboxRead({ db: getDb(), actor, messageId: parsed.data.messageId });
  revalidatePath("/me/inbox");
  const query = new URLSearchParams();
  if (parsed.data.before) query.set("before", parsed.data.before);
  if (result.ok) query.set("read", "1");
  else query.set("error", result.code);
  redirect(`/me/inbox?${query}`);
}
