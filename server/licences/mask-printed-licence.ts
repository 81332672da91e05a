/**
 * A licence as staff see it when it is only a material of a case (the wallet licence given instead of a paper copy):
 * the holder's ID number and any personal number inside its data masked, like every other staff page. The holder's
 * own print-out, and the issuing department's counter print-out handed to the holder, keep them whole.
 */
import { maskIdentifier, maskPersonalNumbers } from "@/lib/identifiers/mask";
import type { TPrintedLicence } from "./licence-payload";

export function maskPrintedLicence(printed: TPrintedLicence): TPrintedLicence {
  return {
    ...printed,
    holder: { ...printed.holder, idNumber: printed.holder.idNumber === null ? null : maskIdentifier(printed.holder.idNumber) },
    data: Object.fromEntries(Object.entries(printed.data).map(([key, value]) => [key, maskPersonalNumbers(value)])),
  };
}
