import { describe, expect, it } from "vitest";
import { pdfAttachment } from "./pdf-response";

describe("pdfAttachment", () => {
  it("names the file in the reader's language and in ASCII, and keeps it out of shared caches", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n");
    const response = pdfAttachment({ pdf, fileName: "受理回执-OD202611230000042.pdf", asciiFileName: "receipt-OD202611230000042.pdf" });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"receipt-OD202611230000042.pdf\"; filename*=UTF-8''%E5%8F%97%E7%90%86%E5%9B%9E%E6%89%A7-OD202611230000042.pdf",
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
  });

  it("cannot be made to end the quoted ASCII name early", () => {
    const response = pdfAttachment({ pdf: new Uint8Array(), fileName: "it's (a) \"copy\".pdf", asciiFileName: 'a"; filename=evil.pdf' });
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=\"a___filename_evil.pdf\"; filename*=UTF-8''it%27s%20%28a%29%20%22copy%22.pdf");
  });
});
