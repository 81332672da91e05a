/** Identifiers checked by their own rules: e-mail, mobile, resident ID number (GB 11643), USCC (GB 32100). */
import type { TField } from "@/lib/forms/definition";
import { checkEmail } from "@/lib/identifiers/email";
import { checkMobile } from "@/lib/identifiers/mobile";
import { checkResidentId } from "@/lib/identifiers/resident-id";
import { checkUscc } from "@/lib/identifiers/uscc";
import { accept, fail, keepPrimitive, readCode, type TContext, type TOutcome, type TPrimitive } from "@/lib/forms/coerce/raw-values";

export function coerceIdentifier(field: TField, value: TPrimitive, context: TContext): TOutcome<string> {
  const keep = keepPrimitive(value);
  const text = typeof value === "boolean" ? "" : readCode(value);
  switch (field.type) {
    case "email": {
      const result = text === null ? undefined : checkEmail(text);
      return result?.ok ? accept(result.normalized) : fail("invalid-email", keep);
    }
    case "phone": {
      const result = text === null ? undefined : checkMobile(text);
      return result?.ok ? accept(result.normalized) : fail("invalid-mobile", keep);
    }
    case "id-number": {
      const result = text === null ? undefined : checkResidentId(text, { today: context.today });
      if (result?.ok) return accept(result.normalized);
      return fail(result?.reason === "checksum" ? "invalid-id-checksum" : "invalid-id-number", keep);
    }
    default: {
      const result = text === null ? undefined : checkUscc(text);
      if (result?.ok) return accept(result.normalized);
      return fail(result?.reason === "checksum" ? "invalid-uscc-checksum" : "invalid-uscc", keep);
    }
  }
}
