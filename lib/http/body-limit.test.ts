import { describe, expect, it, vi } from "vitest";
import { maxPageUploadKb } from "@/lib/forms/upload-limits";
import { bodyLimitFor, checkBodySize, defaultBodyLimit, isUploadPath, uploadBodyLimit } from "./body-limit";

const MiB = 1024 * 1024;

describe("isUploadPath", () => {
  it("is a wizard page or a supplement answer, nothing else", () => {
    expect(isUploadPath("/apply/BUNDLE-RESTAURANT/3f1c2b9e-0d7a-4c55-9a43-2f1e8b7c6d5a/application")).toBe(true);
    expect(isUploadPath("/me/cases/2026-0001/supplements/3f1c2b9e-0d7a-4c55-9a43-2f1e8b7c6d5a")).toBe(true);
    for (const path of ["/login", "/", "/apply/HRSS-PROOF", "/apply/A/B", "/apply/A/B/C/D", "/me/cases/2026-0001", "/me/cases/1/supplements", "/admin/forms/service/X", "/desk/tasks/1"]) {
      expect(isUploadPath(path), path).toBe(false);
    }
  });
});

describe("bodyLimitFor", () => {
  it("is about 1 MiB everywhere but an upload page of someone signed in", () => {
    expect(defaultBodyLimit).toBe(MiB);
    expect(bodyLimitFor({ pathname: "/login", signedIn: false })).toBe(MiB);
    expect(bodyLimitFor({ pathname: "/login", signedIn: true })).toBe(MiB);
    expect(bodyLimitFor({ pathname: "/apply/X/d/page", signedIn: false })).toBe(MiB);
    expect(bodyLimitFor({ pathname: "/apply/X/d/page", signedIn: true })).toBe(uploadBodyLimit);
  });

  it("derives the upload limit from what a page of a form may take, plus the ordinary allowance", () => {
    expect(uploadBodyLimit).toBe(maxPageUploadKb * 1024 + MiB);
    // The largest seeded page (60 MiB of materials) fits.
    expect(uploadBodyLimit).toBeGreaterThan(60 * MiB);
  });
});

describe("checkBodySize", () => {
  const base = { method: "POST", pathname: "/login", contentLength: "100", transferEncoding: null, isSignedIn: async () => false };

  it("lets reads and bodies within the limit through", async () => {
    expect(await checkBodySize({ ...base, method: "GET", contentLength: String(60 * MiB) })).toEqual({ ok: true });
    expect(await checkBodySize(base)).toEqual({ ok: true });
    expect(await checkBodySize({ ...base, contentLength: String(MiB) })).toEqual({ ok: true });
    expect(await checkBodySize({ ...base, contentLength: null })).toEqual({ ok: true });
  });

  it("refuses a 60 MB post to the sign-in action, signed in or not", async () => {
    expect(await checkBodySize({ ...base, contentLength: String(60 * 1000 * 1000) })).toEqual({ ok: false, status: 413, limit: MiB });
    expect(await checkBodySize({ ...base, contentLength: String(MiB + 1), isSignedIn: async () => true })).toEqual({ ok: false, status: 413, limit: MiB });
  });

  it("takes a large upload only from someone signed in, and only up to the upload limit", async () => {
    const upload = { ...base, pathname: "/apply/BUNDLE-RESTAURANT/3f1c2b9e-0d7a-4c55-9a43-2f1e8b7c6d5a/application", contentLength: String(45 * MiB) };
    expect(await checkBodySize(upload)).toEqual({ ok: false, status: 413, limit: MiB });
    expect(await checkBodySize({ ...upload, isSignedIn: async () => true })).toEqual({ ok: true });
    expect(await checkBodySize({ ...upload, contentLength: String(uploadBodyLimit + 1), isSignedIn: async () => true })).toEqual({
      ok: false,
      status: 413,
      limit: uploadBodyLimit,
    });
  });

  it("asks whether someone is signed in only for a large post to an upload page", async () => {
    const isSignedIn = vi.fn(async () => true);
    await checkBodySize({ ...base, contentLength: String(60 * MiB), isSignedIn });
    await checkBodySize({ ...base, pathname: "/apply/X/d/page", contentLength: "500", isSignedIn });
    expect(isSignedIn).not.toHaveBeenCalled();
    await checkBodySize({ ...base, pathname: "/apply/X/d/page", contentLength: String(2 * MiB), isSignedIn });
    expect(isSignedIn).toHaveBeenCalledTimes(1);
  });

  it("refuses a body of unknown or malformed length (411)", async () => {
    expect(await checkBodySize({ ...base, contentLength: null, transferEncoding: "chunked" })).toEqual({ ok: false, status: 411 });
    for (const contentLength of ["-1", "1e9", "", "12 34", "0x10"]) {
      expect(await checkBodySize({ ...base, contentLength }), contentLength).toEqual({ ok: false, status: 411 });
    }
  });
});
