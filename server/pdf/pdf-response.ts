/**
 * The HTTP response for a rendered PDF that a person downloads (a receipt, an e-licence): an attachment named in the
 * reader's language (RFC 6266 / RFC 5987 `filename*`), with an ASCII name for clients that only read `filename`, and
 * kept out of shared caches because these documents carry personal data.
 */
import { contentDisposition } from "@/lib/http/content-disposition";

export function pdfAttachment({ pdf, fileName, asciiFileName }: { pdf: Uint8Array; fileName: string; asciiFileName: string }): Response {
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": contentDisposition({ kind: "attachment", fileName, asciiName: asciiFileName }),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
