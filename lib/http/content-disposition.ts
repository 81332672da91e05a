/**
 * A `Content-Disposition` header value (RFC 6266) naming a file in the reader's language (`filename*`, RFC 8187)
 * with an ASCII `filename` for clients that read only that. Names come from people (an applicant's device names
 * its uploads), so nothing in them may end the quoted string, start another parameter, split the header or name a
 * folder: quotes, backslashes, semicolons, CR, LF, other control characters and path separators never pass.
 */

/** The ASCII fallback: letters, digits, dot, dash and underscore; anything else becomes "_". */
export function asciiFileName(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return ascii.length > 0 ? ascii : "file";
}

/** The name as a reader sees it, without control characters, bidi controls or path separators. */
export function displayFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[/\\]/g, "_")
    .trim();
  return cleaned.length > 0 ? cleaned : "file";
}

export function contentDisposition({ kind, fileName, asciiName }: { kind: "inline" | "attachment"; fileName: string; asciiName?: string }): string {
  const shown = displayFileName(fileName);
  const ascii = asciiFileName(asciiName ?? shown);
  // encodeURIComponent leaves ' ( ) * alone, which RFC 8187 does not allow unencoded (' would end the charset part).
  const encoded = encodeURIComponent(shown).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
