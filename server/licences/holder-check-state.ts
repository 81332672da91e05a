/** What /verify's holder check answers the form with (app/verify/[id]/actions.ts, components/licences/holder-check-form.tsx). */
import type { TErrorCode } from "@/server/errors";

export type THolderCheckState = {
  /** The answer to "is this the holder's ID number?" */
  answer?: "match" | "no-match";
  error?: TErrorCode;
};
