const tones = {
  neutral: "bg-[#e5e6e7] text-ink",
  info: "bg-[#d2e2f1] text-[#0c2d4a]",
  ok: "bg-[#cce2d8] text-[#005a30]",
  warn: "bg-[#fff7bf] text-[#594d00]",
  bad: "bg-[#f4cdc6] text-[#2a0b06]",
} as const;
export type TTagTone = keyof typeof tones;

/** A short status label. Colour is never the only signal: the words say it. */
export function Tag({ tone = "neutral", children }: { tone?: TTagTone; children: React.ReactNode }) {
  return <strong className={`inline-block px-2 py-0.5 text-sm font-semibold tracking-wide ${tones[tone]}`}>{children}</strong>;
}
