import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { PageHeading } from "@/components/ui/page-heading";
import { signInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations("login");
  const { callbackUrl } = await searchParams;
  return (
    <div className="max-w-2xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6">{t("intro")}</p>
      <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} signInAction={signInAction} />
      <details className="mt-10 border-l-4 border-line pl-4">
        <summary className="cursor-pointer text-link underline">{t("demoTitle")}</summary>
        <p className="mt-2">{t("demoText")}</p>
      </details>
    </div>
  );
}
