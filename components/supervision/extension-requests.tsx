/** Extension requests (延期) waiting for a supervisor's answer, each with its approve and deny buttons. */
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { listExtensionRequests } from "@/server/workflow/list-extension-requests";

type TRequest = Extract<Awaited<ReturnType<typeof listExtensionRequests>>, { ok: true }>["requests"][number];

export async function ExtensionRequests({ requests, action }: { requests: TRequest[]; action: (formData: FormData) => Promise<void> }) {
  const tExtension = await getTranslations("extensionRequests");
  const locale = (await getLocale()) as Locale;
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="extension-requests" className="mb-10">
      <h2 id="extension-requests" className="mb-3 text-2xl font-bold">
        {tExtension("title", { count: requests.length })}
      </h2>
      <ul className="space-y-4">
        {requests.map((request) => (
          <li key={request.taskId} className="border-2 border-line p-4">
            <p className="font-semibold">
              {localize(request.serviceName, locale)} · <span className="font-mono break-all">{request.caseNumber}</span>
            </p>
            <p>{tExtension("asked", { days: request.days ?? 0, date: formatDate(request.dueDate, locale) })}</p>
            <p className="mb-3">{tExtension("reason", { reason: request.reason ?? "" })}</p>
            <form action={action} className="flex flex-wrap gap-4">
              <input type="hidden" name="taskId" value={request.taskId} />
              <input type="hidden" name="version" value={request.version} />
              <Button name="decision" value="approve">
                {tExtension("approve")}
              </Button>
              <Button name="decision" value="deny" variant="secondary">
                {tExtension("deny")}
              </Button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
