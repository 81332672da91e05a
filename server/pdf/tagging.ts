/**
 * The tagging vocabulary of the PDF renderer (Tagged PDF, ISO 32000-1 §14.8): structure elements added in drawing
 * order, artifacts for what a screen reader skips, link annotations owned by Link elements, and the document's
 * language tag. pdfkit does the bookkeeping (marked-content ids, the parent tree); these helpers fill the gaps in
 * its published types and keep the conventions in one place.
 */
import type { Locale } from "@/lib/i18n/locales";

type TDoc = PDFKit.PDFDocument;
export type TElement = PDFKit.PDFStructureElement;
/** What pdfkit reads from a structure element's options beyond its published types. */
type TElementOptions = { alt?: string; scope?: "Row" | "Column"; bbox?: [number, number, number, number] };

/**
 * The document's language as a PDF /Lang tag: the forms with a region are the ones screen readers and PDF viewers
 * map to a voice (zh-CN Mandarin read from simplified text, zh-TW from traditional, as the TC face's shapes are).
 */
export const pdfLanguages: Record<Locale, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", en: "en" };

/**
 * A structure element with the options pdfkit reads (alternative text, a table header's scope, a figure's box). Given
 * `draw`, the element holds that drawing and is complete; without, it takes children until `end()`.
 */
export function struct(doc: TDoc, type: string, options: TElementOptions = {}, draw?: () => void) {
  const known = options as PDFKit.Mixins.StructureElementOptions;
  return draw ? doc.struct(type, known, draw) : doc.struct(type, known);
}

/** Adds `element` under `parent`; an element given a drawing draws it now, so the structure follows drawing order. */
export function tag(parent: TElement, element: TElement) {
  parent.add(element);
  return element;
}

/** Draws what a reader should skip: decoration (Layout) or what repeats on every page (Pagination). */
export function artifact(doc: TDoc, draw: () => void, type: "Layout" | "Pagination" = "Layout") {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

/** A link annotation over `box`, owned by the Link element `element`, described by `contents` (PDF/UA asks for both). */
export function link(doc: TDoc, element: TElement, box: { x: number; y: number; width: number; height: number }, url: string, contents: string) {
  // pdfkit writes a String object as a PDF text string (a plain string would become a name).
  const options = { structParent: element, Contents: new String(contents) };
  doc.link(box.x, box.y, box.width, box.height, url, options as unknown as PDFKit.Mixins.AnnotationOption);
}

