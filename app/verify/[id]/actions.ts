"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { sourceAddressOf } from "@/server/auth/source-address";
import { getEnv } from "@/server/env";
import { defineAction } from "@/server/http/define-action";
import { checkLicenceHolder } from "@/server/licences/check-licence-holder";
import type { THolderCheckState } from "@/server/licences/holder-check-state";

// The licence is the page's hidden field; what a valid number is, is the use case's to decide (a missing one is empty).
const ZPosted = z.object({ licenceId: z.string().min(1).max(100), idNumber: z.string().max(100).catch("") });

/**
 * /verify's holder check, for anyone. The typed number arrives in the POST body and goes no further than the use
 * case: it is not echoed back into the form, put into a URL, or logged.
 */
export const checkHolderAction = defineAction({
  route: "/verify/[id]",
  name: "checkHolderAction",
  state: true,
  input: ZPosted,
  async run({ db, input: { licenceId, idNumber } }): Promise<THolderCheckState> {
    const address = sourceAddressOf({ forwardedFor: (await headers()).get("x-forwarded-for"), trustedProxyCount: getEnv().TRUSTED_PROXY_COUNT });
    const result = await checkLicenceHolder({ db, licenceId, idNumber, address });
    if (!result.ok) return { error: result.code };
    return { answer: result.matches ? "match" : "no-match" };
  },
});
