/** The applicant's message for an approval that issued a licence (shared by clerk and instant approvals). */
import type { TLicence } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TNotificationInput, TNotificationRecipients } from "@/server/notifications/enqueue-notification";

export function licenceIssuedNotification(input: {
  recipients: TNotificationRecipients;
  caseId: string;
  caseNumber: string;
  serviceName: TLocalizedText;
  licence: Pick<TLicence, "title" | "number">;
}): TNotificationInput {
  return {
    ...input.recipients,
    topic: "licence-issued",
    params: { caseNumber: input.caseNumber, service: input.serviceName, licence: input.licence.title, number: input.licence.number },
    caseId: input.caseId,
    link: "/me/licences",
  };
}
