/**
 * The HTTP response for a rendered PDF that a person downloads (a receipt, an e-licence): an attachment named in the
 * reader's language (RFC 6266 / RFC 5987 `filename*`), with an ASCII name for clients that only read `filename`, and
 * kept out of shared caches because these documents carry personal data.
 */
export function pdfAttachment({ pdf, fileName, asciiFileName }: { pdf: Uint8Array; fileName: string; asciiFileName: string }): Response {
  // Anything outside a safe set could end the header's quoted string or smuggle a parameter: replace it.
  const ascii = asciiFileName.replace(/[^A-Za-z0-9._-]/g, "_");
  // encodeURIComponent leaves ' ( ) * alone, which RFC 5987 does not allow unencoded (' would end the charset part).
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
