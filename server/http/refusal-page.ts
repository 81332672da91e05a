/**
 * The page a browser shows when proxy.ts refuses a request before the application runs: a post larger than the
 * page may take (413) or one sent from another site (403). It cannot be a React page — no route renders for a
 * refused request, and the status must be the refusal's — so it is a small document of its own, in the reader's
 * language, with the site's colours and a way back. Its one <style> carries the response's CSP nonce.
 *
 * The 413 page is also served at /request-too-large (app/request-too-large/route.ts), where a server action
 * called with JavaScript is sent: the browser's fetch cannot show a page, so the proxy tells Next.js's client to
 * go there.
 */
import type { NextRequest } from "next/server";
import { displayModeCookieName } from "@/lib/display/display-mode";
import { isUploadPath } from "@/lib/http/body-limit";
import { formatFileSize } from "@/lib/i18n/format";
import { isLocale, localeCookieName, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";

export type TRefusal = { kind: "too-large"; limit: number; back: string } | { kind: "foreign-origin" };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

// The site's look (app/globals.css) in a few rules: brand bar, large type, the green button, the yellow focus.
const css = `
html{color:#0b0c0c;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:1.0625rem;line-height:1.6}
html:lang(zh-Hant) body{font-family:system-ui,-apple-system,"PingFang TC","Microsoft JhengHei","Noto Sans CJK TC","Noto Sans TC",sans-serif}
@media (min-width:40rem){body{font-size:1.1875rem}}
html.elder body{font-size:1.375rem;line-height:1.8}
header{background:#12376b;border-bottom:8px solid #c8102e;color:#fff}
header div,main{max-width:64rem;margin:0 auto;padding:0 1rem}
header div{padding-top:1rem;padding-bottom:1rem}
.brand{color:#fff;font-size:1.5rem;font-weight:700;letter-spacing:.025em;text-decoration:none}
main{padding-top:2rem;padding-bottom:3rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 1.5rem}
p{margin:0 0 1.25rem;max-width:40em}
a{color:#1d4f91;text-decoration:underline;text-underline-offset:.15em}
.button{display:inline-block;background:#00703c;color:#fff;box-shadow:0 2px 0 #005a30;padding:.5rem 1rem;font-weight:600;text-decoration:none;margin:0 1rem .75rem 0}
.button:hover{background:#005a30}
a:focus-visible{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
`;

/** The reader's language and display mode, chosen as every page chooses them (cookies, else Accept-Language). */
export function readerOf(request: NextRequest): { locale: Locale; elder: boolean } {
  const locale = request.cookies.get(localeCookieName)?.value;
  return {
    locale: isLocale(locale) ? locale : negotiateLocale(request.headers.get("accept-language")),
    elder: request.cookies.get(displayModeCookieName)?.value === "elder",
  };
}

export function renderRefusalPage({ refusal, locale, elder, nonce }: { refusal: TRefusal; locale: Locale; elder: boolean; nonce: string }): string {
  const t = translatorFor(locale);
  const brand = t("header.brand");
  let title: string;
  let paragraphs: string[];
  let links: { href: string; label: string }[];
  if (refusal.kind === "too-large") {
    title = t("requestRefused.tooLargeTitle");
    paragraphs = [
      t("requestRefused.tooLargeBody", { limit: formatFileSize(refusal.limit, locale) }),
      isUploadPath(refusal.back.split(/[?#]/)[0]) ? t("requestRefused.tooLargeAdviceFiles") : t("requestRefused.tooLargeAdviceText"),
    ];
    links = [{ href: refusal.back, label: t("requestRefused.back") }];
  } else {
    title = t("requestRefused.foreignOriginTitle");
    paragraphs = [t("requestRefused.foreignOriginBody"), t("requestRefused.foreignOriginAdvice")];
    links = [{ href: "/", label: t("requestRefused.home") }];
  }
  return `<!DOCTYPE html>
<html lang="${locale}"${elder ? ' class="elder"' : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${title} – ${brand}`)}</title>
<style nonce="${escapeHtml(nonce)}">${css}</style>
</head>
<body>
<header><div><a class="brand" href="/">${escapeHtml(brand)}</a></div></header>
<main id="main">
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("\n")}
<p>${links.map((link) => `<a class="button" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`).join("")}</p>
</main>
</body>
</html>
`;
}
