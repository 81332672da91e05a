/**
 * The page a reader gets while the database cannot be reached: a plain "service unavailable, try again" in their
 * language, complete in itself (the portal's own layout needs the database for the header), with no script.
 */
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zhHans from "@/messages/zh-Hans.json";
import zhHant from "@/messages/zh-Hant.json";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

const messagesByLocale = { "zh-Hans": zhHans, "zh-Hant": zhHant, en } as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);

// The portal's colours (app/globals.css), inline: the stylesheet's file name is known only to the build.
const style = `
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:1.1875rem;line-height:1.6;color:#0b0c0c;background:#fff}
html:lang(zh-Hant) body{font-family:system-ui,-apple-system,"PingFang TC","Microsoft JhengHei","Noto Sans CJK TC",sans-serif}
header{background:#12376b;color:#fff;border-bottom:8px solid #c8102e;padding:.75rem 1rem;font-weight:700;font-size:1.25rem}
main{max-width:40rem;padding:2rem 1rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 1rem}
a{color:#1d4f91;text-underline-offset:.15em}
a:focus-visible{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 4px #0b0c0c;text-decoration:none}`;

/**
 * `retryHref`: where "try again" leads — the address the reader asked for, on this site. `nonce`: the response's
 * CSP nonce, without which the inline style would be refused.
 */
export function renderUnavailablePage({ locale, retryHref, nonce }: { locale: Locale; retryHref: string; nonce?: string }): string {
  const messages = messagesByLocale[locale];
  const t = messages.serviceUnavailable;
  const safeHref = safeRedirectPath(retryHref);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)} – ${escapeHtml(messages.header.brand)}</title>
<style${nonce ? ` nonce="${escapeHtml(nonce)}"` : ""}>${style}</style>
</head>
<body>
<header>${escapeHtml(messages.header.brand)}</header>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.body)}</p>
<p><a href="${escapeHtml(safeHref)}">${escapeHtml(t.retry)}</a></p>
</main>
</body>
</html>
`;
}
