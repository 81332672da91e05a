/**
 * The headers of a file a person uploaded, opened by someone else (a clerk) or by themselves: the file is the
 * uploader's content on our origin, so it must never run as a page of the site. Only types a browser shows without
 * running anything (images, PDFs in the browser's own viewer) are served as themselves and inline; anything else is
 * a download of opaque bytes. `nosniff` stops the browser guessing another type, and the sandboxing CSP makes even a
 * file that is opened as a document an origin-less page that runs no script and loads nothing.
 */
import { contentDisposition } from "./content-disposition";

/** Types served as themselves and opened in the browser (store-upload.ts accepts only these today). */
export const inlineMediaTypes = ["image/png", "image/jpeg", "application/pdf"] as const;

/**
 * For every response that carries a stored or generated file (proxy.ts sends it instead of the page policy on the
 * addresses of isFileAddress). The browser's image and PDF viewers style their own page inline, hence
 * style-src 'unsafe-inline'; with sandbox and no script source, nothing can use it.
 */
export const fileContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

// The addresses that answer with a material's bytes (app/desk/tasks/[id]/materials/[fileId], …/licences/[licenceId],
// app/me/cases/[number]/materials/[fileId], app/me/drafts/[draft]/materials/[fileId]).
const fileAddress = /^\/(?:desk\/tasks\/[^/]+\/(?:materials|licences)|me\/cases\/[^/]+\/materials|me\/drafts\/[^/]+\/materials)\/[^/]+\/?$/;

/** Whether the address serves a material's bytes, so the edge gives it the file policy, not the page one. */
export function isFileAddress(pathname: string): boolean {
  return fileAddress.test(pathname);
}

export function buildFileResponseHeaders({ mediaType, fileName, size }: { mediaType: string; fileName: string; size: number }): Record<string, string> {
  const inline = (inlineMediaTypes as readonly string[]).includes(mediaType);
  return {
    "Content-Type": inline ? mediaType : "application/octet-stream",
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition({ kind: inline ? "inline" : "attachment", fileName }),
    "Content-Security-Policy": fileContentSecurityPolicy,
    "X-Content-Type-Options": "nosniff",
    // Personal documents: never in a shared cache, and not kept by the browser after the tab closes.
    "Cache-Control": "private, no-store",
  };
}

/** The response for a file's bytes, with the headers above. */
export function fileResponse({ content, mediaType, fileName }: { content: Uint8Array; mediaType: string; fileName: string }): Response {
  return new Response(content as Uint8Array<ArrayBuffer>, { headers: buildFileResponseHeaders({ mediaType, fileName, size: content.byteLength }) });
}
