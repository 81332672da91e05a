/** Readable case numbers: "OD" + submission date (Asia/Shanghai) + a 7-digit running number, e.g. OD202611230000042. */
export function formatCaseNumber(isoDate: string, sequence: number): string {
  return `OD${isoDate.replaceAll("-", "")}${String(sequence).padStart(7, "0")}`;
}

export const caseNumberPattern = /^OD\d{8}\d{7,}$/;
