import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/db/client";
import { ZMaterialField } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/validate-answers";
import type { TActor } from "@/server/auth/actor";
import { mergeMaterial } from "./merge-material";

const text = (zh: string, english: string) => ({ "zh-Hans": zh, "zh-Hant": zh, en: english });
const licenceId = "5b0e6a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b";
const fileId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
const upload = () => new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], "licence.pdf");

// Both cases below are refused before any file is stored: no database is reached.
async function merge(maxFiles: number, kept: unknown, posted: unknown) {
  const field = ZMaterialField.parse({ key: "businessLicence", type: "material", label: text("营业执照", "Business licence"), maxFiles, licenceTypes: ["business-licence"] });
  const uploadErrors: Record<string, TFieldError> = {};
  const refs = await mergeMaterial({ db: {} as TDatabase, actor: {} as TActor, field, kept, posted, files: [upload()], uploadErrors });
  return { refs, error: uploadErrors.businessLicence };
}

describe("mergeMaterial", () => {
  it("says to use the wallet's licence or a file, not both, when the ticked licences already fill the field", async () => {
    const { refs, error } = await merge(1, [], { licence: licenceId });
    expect(error).toEqual({ code: "file-or-licence", params: { max: 1 } });
    expect(refs).toEqual([{ kind: "licence", licenceId }]);
  });

  it("counts files when files already attached fill the field", async () => {
    const kept = [{ kind: "file", fileId, name: "a.pdf", mediaType: "application/pdf", size: 4 }];
    const { error } = await merge(1, kept, {});
    expect(error).toEqual({ code: "too-many-files", params: { max: 1 } });
  });

  it("names a limit under a megabyte in kilobytes, not as 0 MB", async () => {
    const field = ZMaterialField.parse({ key: "photo", type: "material", label: text("照片", "Photo"), maxFiles: 1, maxSizeKb: 500, accept: ["image/png"] });
    const uploadErrors: Record<string, TFieldError> = {};
    // Too large is refused before anything is stored: no database is reached.
    await mergeMaterial({ db: {} as TDatabase, actor: {} as TActor, field, kept: [], posted: {}, files: [new File([new Uint8Array(501 * 1024)], "big.png")], uploadErrors });
    expect(uploadErrors.photo).toEqual({ code: "file-too-large", params: { name: "big.png", max: "500 KB" } });
  });
});
