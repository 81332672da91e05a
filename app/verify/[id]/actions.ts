"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { sourceAddressOf } from "@/server/auth/source-address";
import { getEnv } from "@/server/env";
import type { THolderCheckState } from "@/server/licences/holder-check-state";
import { checkLicenceHolder } from "@/server/licences/check-licence-holder";

// Only the shape here (anything missing reads as empty); what a valid number is, is the use case's to decide.
const ZPosted = z.object({ licenceId: z.string().max(100).catch(""), idNumber: z.string().max(100).catch("") });

/**
 * /verify's holder check, for anyone. The typed number arrives in the POST body and goes no further than the use
 * case: it is not echoed back into the form, put into a URL, or logged.
 */
export async function checkHolderAction(_state: THolderCheckState, formData: FormData): Promise<THolderCheckState> {
  const { licenceId, idNumber } = ZPosted.parse(Object.fromEntries(actionForm(formData)));
  const address = sourceAddressOf({ forwardedFor: (await headers()).get("x-forwarded-for"), trustedProxyCount: getEnv().TRUSTED_PROXY_COUNT });
  const result = await checkLicenceHolder({ db: getDb(), licenceId, idNumber, address });
  if (!result.ok) return { error: result.code };
  return { answer: result.matches ? "match" : "no-match" };
}
