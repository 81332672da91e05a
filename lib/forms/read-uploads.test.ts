import { describe, expect, it } from "vitest";
import { readUploads } from "./read-uploads";

const file = (name: string) => new File([new Uint8Array([1])], name, { type: "image/png" });

describe("readUploads", () => {
  it("groups the files of each field and leaves text fields to readFormData", () => {
    const formData = new FormData();
    formData.append("photo", file("a.png"));
    formData.append("photo", file("b.png"));
    formData.append("name", "张三");
    formData.append("$ACTION_ID_1", file("c.png"));
    const uploads = readUploads(formData);
    expect(Object.keys(uploads)).toEqual(["photo"]);
    expect(uploads.photo.map((upload) => upload.name)).toEqual(["a.png", "b.png"]);
  });

  it("takes a file posted under a name every object has as a plain field (it was a 500)", () => {
    const formData = new FormData();
    for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty"]) formData.append(name, file(`${name}.png`));
    const uploads = readUploads(formData);
    expect(Object.keys(uploads).sort()).toEqual(["constructor", "hasOwnProperty", "toString", "valueOf"]);
    expect(uploads.constructor).toHaveLength(1);
  });
});
