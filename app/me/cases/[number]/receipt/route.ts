/** GET /me/cases/<number>/receipt: the case's acknowledgement of receipt (受理回执) as a PDF download. */
import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { getActor } from "@/server/auth/session";
import { renderCaseReceipt } from "@/server/cases/render-case-receipt";
import { getEnv } from "@/server/env";

export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const returnTo = `/me/cases/${encodeURIComponent(number)}/receipt`;
  const actor = await getActor();
  // As a page would: sign in first, then come back to the download.
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  const result = await renderCaseReceipt({
    db: getDb(),
    actor,
    caseNumber: number,
    locale: (await getLocale()) as Locale,
    baseUrl: getEnv().PUBLIC_BASE_URL,
  });
  // Someone else's case (or anyone but an applicant: a clerk has no cases of their own) is not found, like the tracker.
  if (!result.ok) notFound();
  return new Response(result.pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(result.pdf.byteLength),
      "Content-Disposition": contentDisposition(result.fileName, `receipt-${number}.pdf`),
      // It carries personal data: no shared cache may keep it.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * An attachment with the name in the reader's language (RFC 6266 / RFC 5987 filename*) and an ASCII name for
 * clients that only read `filename` — stripped of anything that could end the header's quoted string.
 */
function contentDisposition(fileName: string, asciiFallback: string) {
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
