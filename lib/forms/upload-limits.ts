/**
 * How much a form may ask an applicant to upload, shared by the form meta-schema (lib/forms/definition.ts), which
 * holds every definition to it, and the request body limit (lib/http/body-limit.ts), which is derived from it.
 * Plain numbers without imports: next.config.ts reads them too.
 */

/** The largest `maxSizeKb` a material field may set: one file, in KiB (20 MiB). */
export const maxFileSizeKb = 20 * 1024;

/** The largest `maxFiles` a material field may set. */
export const maxFilesPerField = 20;

/**
 * What the material fields of one wizard page may take together in one post (each field's maxFiles × maxSizeKb,
 * added up), in KiB: 64 MiB. The largest seeded page needs 60 MiB (a business licence and five floor plans of
 * 10 MiB each). A post is held in memory while it is read, so this is also what one upload may cost the server.
 */
export const maxPageUploadKb = 64 * 1024;
