import { getTranslations } from "next-intl/server";
import { Tag, type TTagTone } from "@/components/ui/tag";
import type { TLicenceState } from "@/lib/licences/validity";

const tones: Record<TLicenceState, TTagTone> = { valid: "ok", revoked: "bad", expired: "warn" };

/** A licence's state in words (and colour). */
export async function LicenceStateTag({ state }: { state: TLicenceState }) {
  const t = await getTranslations("licences");
  return <Tag tone={tones[state]}>{t(`states.${state}`)}</Tag>;
}
