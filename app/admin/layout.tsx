import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { getActor } from "@/server/auth/session";

/** Every /admin page under one navigation of its sections, shown to admins only (others get the page's 403 alone). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (actor?.role !== "admin" || actor.mustChangePassword || actor.mustEnrolTwoFactor) return children;
  const t = await getTranslations("adminNav");
  const sections = ["overview", "departments", "services", "bundles", "people", "forms", "reasons", "calendar", "outbox", "changes", "audit"] as const;
  const items = sections.map((section) => ({ href: section === "overview" ? "/admin" : `/admin/${section}`, label: t(section) }));
  return (
    <>
      <AdminNav label={t("label")} items={items} />
      {children}
    </>
  );
}
