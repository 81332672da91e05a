"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/forms/fields/common";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FOLLOW_UP_REPLY_MAX } from "@/lib/ratings/levels";
import { isPlainTextErrorCode } from "@/lib/text/plain-text";
import type { TErrorCode } from "@/server/errors";

export type TFollowUpReplyState = { error?: TErrorCode; reply?: string };

/**
 * A department's reply to a bad rating. A plain form post, so it works without JavaScript; a refusal comes back
 * with the reply as typed. Needs the `followUpReply` and `errors` messages.
 */
export function FollowUpReplyForm({
  followUpId,
  replyAction,
}: {
  followUpId: string;
  /** The page's server action. */
  replyAction: (state: TFollowUpReplyState, formData: FormData) => Promise<TFollowUpReplyState>;
}) {
  const t = useTranslations("followUpReply");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TFollowUpReplyState, FormData>(replyAction, {});
  const hydrated = useHydrated();
  const [length, setLength] = useState([...(state.reply ?? "")].length);
  const replyError =
    state.error === "invalid:follow-up-reply-required" || state.error === "invalid:follow-up-reply-too-long" || isPlainTextErrorCode(state.error) ? te(state.error) : undefined;
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={state.error ? [{ href: "#reply", text: te(state.error) }] : []} />
      <input type="hidden" name="followUpId" value={followUpId} />
      <FieldShell id="reply" label={t("replyLabel")} hint={t("replyHint")} error={replyError} errorPrefix={t("errorPrefix")}>
        <textarea
          id="reply"
          name="reply"
          rows={6}
          maxLength={FOLLOW_UP_REPLY_MAX}
          defaultValue={state.reply}
          onChange={(event) => setLength([...event.target.value].length)}
          aria-describedby={describedBy("reply", true, replyError)}
          aria-invalid={replyError ? true : undefined}
          className={inputClass(replyError)}
        />
        {hydrated ? <p className="mt-1 text-muted">{t("charactersLeft", { count: Math.max(0, FOLLOW_UP_REPLY_MAX - length) })}</p> : null}
      </FieldShell>
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}
