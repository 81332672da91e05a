/**
 * pdfkit copies the document information (title, author, subject …) into the XMP metadata stream as it is, without
 * escaping: a title with "&" or "<" (a company named "A&B 餐饮") would make that XML malformed, and a reader that
 * checks it drops the metadata or calls the file damaged. The info dictionary itself is a PDF string pdfkit escapes
 * properly, so only the XMP copy is given escaped values, for the moment pdfkit writes it.
 */
type TInfoWriter = { info: Record<string, unknown>; _addInfo?: () => void };

export function escapeXmpInfo(doc: object): void {
  const writer = doc as TInfoWriter;
  const addInfo = writer._addInfo;
  // A pdfkit without this hook has changed how it writes metadata: the test on the XMP stream says so.
  if (typeof addInfo !== "function") return;
  writer._addInfo = function addEscapedInfo(this: TInfoWriter) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === "string" ? escapeXml(value) : value]));
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
