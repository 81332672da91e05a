"use server";

/**
 * The counter's (一窗受理) find and record forms. Numbers arrive in the post body and leave only as the applicant's
 * opaque id in the next address; nothing here logs or redirects with them.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { applicantKinds, findApplicant } from "@/server/counter/find-applicant";
import type { TCounterFindState, TCounterRecordState } from "@/server/counter/counter-state";
import { recordCompany } from "@/server/counter/record-company";
import { recordPerson } from "@/server/counter/record-person";
import { defineAction } from "@/server/http/define-action";

// What a valid number or name is, is the use case's to say (in the clerk's language); here only the shape of a post.
const ZText = z.string().max(500).catch("");

export const findApplicantAction = defineAction({
  route: "/counter",
  name: "findApplicantAction",
  state: true,
  input: z.object({ kind: z.enum(applicantKinds), number: ZText }),
  async run({ actor, db, input: { kind, number } }): Promise<TCounterFindState> {
    const result = await findApplicant({ db, actor, kind, number });
    if (!result.ok) return { error: result.code, searched: { kind, number } };
    if (!result.found) return { notFound: { kind, number: result.number } };
    redirect(`/counter/applicants/${result.found.id}`);
  },
});

const ZPerson = z.object({ name: ZText, residentIdNumber: ZText, mobile: ZText });

export const recordPersonAction = defineAction({
  route: "/counter",
  name: "recordPersonAction",
  state: true,
  input: ZPerson,
  async run({ actor, db, input }): Promise<TCounterRecordState> {
    const result = await recordPerson({ db, actor, input });
    if (!result.ok) return { error: result.code, fieldErrors: result.fieldErrors, existingId: result.existingId, values: input };
    redirect(`/counter/applicants/${result.id}?recorded=1`);
  },
});

const ZCompany = z.object({ uscc: ZText, name: ZText, legalRepresentative: ZText, address: ZText, regionCode: ZText });

export const recordCompanyAction = defineAction({
  route: "/counter",
  name: "recordCompanyAction",
  state: true,
  input: ZCompany,
  async run({ actor, db, input }): Promise<TCounterRecordState> {
    const result = await recordCompany({ db, actor, input });
    if (!result.ok) return { error: result.code, fieldErrors: result.fieldErrors, existingId: result.existingId, values: input };
    redirect(`/counter/applicants/${result.id}?recorded=1`);
  },
});
