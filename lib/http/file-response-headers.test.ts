import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, displayFileName } from "./content-disposition";
import { buildFileResponseHeaders, fileContentSecurityPolicy, fileResponse, isFileAddress } from "./file-response-headers";

const taskId = "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00";
const fileId = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

describe("the headers of a material's bytes", () => {
  it("serves an image or a PDF as itself, inline, sandboxed, unsniffed and uncached", () => {
    for (const mediaType of ["image/png", "image/jpeg", "application/pdf"]) {
      const headers = buildFileResponseHeaders({ mediaType, fileName: "plan.png", size: 2048 });
      expect(headers["Content-Type"]).toBe(mediaType);
      expect(headers["Content-Disposition"]).toMatch(/^inline; /);
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["Cache-Control"]).toBe("private, no-store");
      expect(headers["Content-Length"]).toBe("2048");
      expect(headers["Content-Security-Policy"]).toBe(fileContentSecurityPolicy);
    }
  });

  it("downloads anything off the allow-list as opaque bytes, whatever type was stored", () => {
    for (const mediaType of ["text/html", "image/svg+xml", "application/xhtml+xml", "text/html; charset=utf-8", "IMAGE/PNG", ""]) {
      const headers = buildFileResponseHeaders({ mediaType, fileName: "page.html", size: 10 });
      expect(headers["Content-Type"]).toBe("application/octet-stream");
      expect(headers["Content-Disposition"]).toMatch(/^attachment; /);
    }
  });

  it("sandboxes the file: no script, nothing loaded, not framed", () => {
    const policy = new Map(fileContentSecurityPolicy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect(policy.get("sandbox")).toEqual([]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
  });

  it("names the file safely: no quote, CR, LF, semicolon or path separator reaches the header", () => {
    const hostile = 'evil"; filename=x.html\r\nSet-Cookie: a=b/../..\\c\u202Efdp.png';
    const value = contentDisposition({ kind: "inline", fileName: hostile });
    expect(value).not.toMatch(/[\r\n\u202E]/);
    const [, ascii] = /filename="([^"]*)"/.exec(value)!;
    expect(ascii).toMatch(/^[A-Za-z0-9._-]+$/);
    const encoded = /filename\*=UTF-8''(.*)$/.exec(value)![1];
    expect(encoded).toMatch(/^[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(encoded)).not.toMatch(/[/\\\r\n]/);
    expect(value.split(";").filter((part) => part.includes("filename"))).toHaveLength(2);
  });

  it("keeps a Chinese name for readers and an ASCII one for old clients", () => {
    expect(contentDisposition({ kind: "inline", fileName: "平面图 (1).png" })).toBe(`inline; filename="_____1_.png"; filename*=UTF-8''%E5%B9%B3%E9%9D%A2%E5%9B%BE%20%281%29.png`);
    expect(displayFileName("../../etc/passwd")).toBe(".._.._etc_passwd");
    expect(asciiFileName("..hidden")).toBe("_hidden");
    expect(asciiFileName("")).toBe("file");
    expect(displayFileName("\u0000\r\n")).toBe("file");
  });

  it("answers with the bytes and the headers", async () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const response = fileResponse({ content: bytes, mediaType: "image/png", fileName: "a.png" });
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-security-policy")).toBe(fileContentSecurityPolicy);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});

describe("the addresses that serve a material's bytes", () => {
  it("are the clerk's, the tracker's and the check page's material routes, and nothing else", () => {
    expect(isFileAddress(`/desk/tasks/${taskId}/materials/${fileId}`)).toBe(true);
    expect(isFileAddress(`/desk/tasks/${taskId}/licences/${fileId}`)).toBe(true);
    expect(isFileAddress(`/me/cases/OD202612040000001/materials/${fileId}`)).toBe(true);
    expect(isFileAddress(`/me/drafts/${taskId}/materials/${fileId}`)).toBe(true);
    expect(isFileAddress(`/desk/tasks/${taskId}`)).toBe(false);
    expect(isFileAddress(`/me/cases/OD202612040000001`)).toBe(false);
    expect(isFileAddress(`/me/cases/OD202612040000001/receipt`)).toBe(false);
    expect(isFileAddress(`/desk/licences/${fileId}`)).toBe(false);
    expect(isFileAddress(`/desk/tasks/${taskId}/materials/${fileId}/more`)).toBe(false);
  });
});
