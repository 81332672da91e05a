import { describe, expect, it } from "vitest";
import { renderUnavailablePage } from "./render-unavailable-page";

describe("the service-unavailable page", () => {
  it("speaks the reader's language", () => {
    expect(renderUnavailablePage({ locale: "zh-Hans", retryHref: "/" })).toContain('<html lang="zh-Hans">');
    expect(renderUnavailablePage({ locale: "zh-Hans", retryHref: "/" })).toContain("<h1>服务暂时不可用</h1>");
    expect(renderUnavailablePage({ locale: "zh-Hant", retryHref: "/" })).toContain("<h1>服務暫時無法使用</h1>");
    expect(renderUnavailablePage({ locale: "en", retryHref: "/" })).toContain("<title>Service unavailable – OneDoor</title>");
  });

  it("leads back to the address asked for, on this site only, escaped", () => {
    expect(renderUnavailablePage({ locale: "en", retryHref: "/services?keyword=a&b=<c>" })).toContain('<a href="/services?keyword=a&amp;b=%3Cc%3E">Try again</a>');
    expect(renderUnavailablePage({ locale: "en", retryHref: '/x"><script>alert(1)</script>' })).not.toContain("<script>");
    expect(renderUnavailablePage({ locale: "en", retryHref: "//evil.example/" })).toContain('<a href="/">Try again</a>');
  });
});
