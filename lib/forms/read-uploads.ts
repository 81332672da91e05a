/**
 * The files of a posted form, by field name, for the server to store (material fields; everything else goes through
 * readFormData). Shared by the wizard and supplement answers. The post is untrusted: the result has no prototype, so
 * a file posted as "constructor" or "toString" is just a field nobody asked for, not a crash.
 */
const fieldName = /^[a-z][a-zA-Z0-9]{0,63}$/;

export function readUploads(formData: FormData): Record<string, File[]> {
  const uploads = Object.create(null) as Record<string, File[]>;
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" || !fieldName.test(name)) continue;
    (uploads[name] ??= []).push(value);
  }
  return uploads;
}
