"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/server/http/define-action";
import { markInboxRead } from "@/server/notifications/mark-inbox-read";

// `before` is the page of the inbox the reader was on (a keyset cursor): kept only when it could be one.
const ZMarkRead = z.object({ messageId: z.uuid(), before: z.string().max(300).optional().catch(undefined) });

/** "Mark as read" is a plain form post: back to the same page of the inbox, with the outcome in the address. */
export const markInboxReadAction = defineAction({
  route: "/me/inbox",
  name: "markInboxReadAction",
  input: ZMarkRead,
  back: "/me/inbox",
  async run({ actor, db, input: { messageId, before } }) {
    const result = await markInboxRead({ db, actor, messageId });
    revalidatePath("/me/inbox");
    const query = new URLSearchParams();
    if (before) query.set("before", before);
    if (result.ok) query.set("read", "1");
    else query.set("error", result.code);
    redirect(`/me/inbox?${query}`);
  },
});
