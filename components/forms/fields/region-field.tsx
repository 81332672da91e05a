"use client";

/**
 * Region (GB/T 2260) and address questions. The lists for the region chosen now come from the server, so the
 * picker works without JavaScript: after choosing a province the applicant presses "Show cities" and the page
 * comes back with the next list. With JavaScript the next list is fetched from /api/regions as soon as a level is
 * chosen, and that button goes away. The region table itself never reaches the browser.
 */
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { TFieldOf } from "@/lib/forms/definition";
import type { Locale } from "@/lib/i18n/locales";
import { FieldsetShell, inputClass } from "../text-input";
import { controlAria, LockedValue, Select, selectClass, shellProps, useHydrated, type TFieldParts, type TFieldProps } from "./common";
import {
  findRegionOption,
  isCountyCode,
  listsUnder,
  partOf,
  regionChoiceOf,
  textOf,
  type TRegionChoice,
  type TRegionLists,
  type TRegionOption,
} from "./values";

type TLevel = TFieldOf<"region">["level"];
const noLists: TRegionLists = { provinces: [], cities: [], counties: [] };

export function RegionField({ field, value, parts, context }: TFieldProps<TFieldOf<"region">>) {
  return (
    <FieldsetShell {...shellProps(parts)}>
      <RegionSelects parts={parts} stem={parts.path} level={field.level} lists={context.regionOptions[parts.path] ?? noLists} value={value} locale={context.locale} />
    </FieldsetShell>
  );
}

export function AddressField({ field, value, parts, context }: TFieldProps<TFieldOf<"address">>) {
  const t = useTranslations("fields");
  const detailId = `${parts.id}-detail`;
  return (
    <FieldsetShell {...shellProps(parts)}>
      <RegionSelects
        parts={parts}
        stem={`${parts.path}.region`}
        level="county"
        lists={context.regionOptions[parts.path] ?? noLists}
        value={partOf(value, "region")}
        locale={context.locale}
      />
      <div className="mt-4">
        <label htmlFor={detailId} className="block">
          {t("addressDetail")}
        </label>
        <input
          id={detailId}
          name={`${parts.path}.detail`}
          type="text"
          autoComplete="street-address"
          readOnly={parts.locked || undefined}
          maxLength={field.maxLength}
          defaultValue={textOf(partOf(value, "detail"))}
          aria-invalid={parts.error ? true : undefined}
          className={inputClass(parts.error, { locked: parts.locked })}
        />
      </div>
    </FieldsetShell>
  );
}

const sameChoice = (a: TRegionChoice, b: TRegionChoice) => a.province === b.province && a.city === b.city && a.county === b.county;

function RegionSelects({
  parts,
  stem,
  level,
  lists,
  value,
  locale,
}: {
  parts: TFieldParts;
  /** Inputs post as `<stem>.province`, `<stem>.city`, `<stem>.county`. */
  stem: string;
  level: TLevel;
  lists: TRegionLists;
  value: unknown;
  locale: Locale;
}) {
  const t = useTranslations("fields");
  const hydrated = useHydrated();
  /** Lists fetched in this page, by parent code. */
  const [fetched, setFetched] = useState<Record<string, TRegionOption[]>>({});
  const [failed, setFailed] = useState(false);
  // The list under a region: fetched, or the server's when it is that region's; undefined while not known.
  const childrenOf = (parent: string) => {
    const served = parent.endsWith("0000") ? lists.cities : lists.counties;
    return fetched[parent] ?? (listsUnder(served, parent) ? served : undefined);
  };
  const [choice, setChoice] = useState(() => regionChoiceOf(value, lists.provinces, childrenOf));
  // A value from outside (the page came back from the server, or the form read itself) that differs from what
  // the picker shows replaces it; the picker's own choices come back as the same value and change nothing.
  const valueKey = JSON.stringify(value ?? "");
  const [seenValueKey, setSeenValueKey] = useState(valueKey);
  if (seenValueKey !== valueKey) {
    setSeenValueKey(valueKey);
    const next = regionChoiceOf(value, lists.provinces, childrenOf);
    if (!sameChoice(next, choice)) setChoice(next);
  }

  const wantsCity = level !== "province";
  const allCities = wantsCity && choice.province !== "" ? childrenOf(choice.province) : undefined;
  // A municipality's districts hang right under it: for a question asked to city level they are too deep.
  // (Counties a province runs itself, like 仙桃市, stand beside its cities and stay.)
  const cities = level === "city" && allCities?.every((option) => isCountyCode(option.code)) ? [] : allCities;
  const wantsCounty = level === "county" && choice.city !== "" && !isCountyCode(choice.city);
  const counties = wantsCounty ? childrenOf(choice.city) : undefined;
  const missing = wantsCity && choice.province !== "" && allCities === undefined ? choice.province : wantsCounty && counties === undefined ? choice.city : "";

  useEffect(() => {
    if (missing === "") return;
    let current = true;
    fetch(`/api/regions?parent=${encodeURIComponent(missing)}&locale=${locale}`)
      .then((response) => {
        if (!response.ok) throw new Error(`GET /api/regions answered ${response.status}`);
        return response.json() as Promise<TRegionOption[]>;
      })
      .then((children) => {
        if (current) setFetched((known) => ({ ...known, [missing]: children }));
      })
      // The "show the next list" button comes back: the picker still works as it does without JavaScript.
      .catch(() => setFailed(true));
    return () => {
      current = false;
    };
  }, [missing, locale]);

  if (parts.locked) {
    const path = [
      findRegionOption(lists.provinces, choice.province),
      findRegionOption(childrenOf(choice.province) ?? [], choice.city),
      findRegionOption(childrenOf(choice.city) ?? [], choice.county),
    ].flatMap((option) => (option ? [option.name] : []));
    return (
      <LockedValue
        parts={parts}
        shown={locale === "en" ? path.reverse().join(", ") : path.join("")}
        posted={(["province", "city", "county"] as const).filter((part) => choice[part] !== "").map((part) => [`${stem}.${part}`, choice[part]])}
      />
    );
  }

  const invalid = parts.error ? true : undefined;
  const refresh = cities === undefined ? "showCities" : counties === undefined && wantsCounty ? "showCounties" : "updateRegions";
  return (
    <div className="flex flex-col gap-3">
      <RegionSelect
        id={parts.id}
        name={`${stem}.province`}
        label={t("province")}
        options={lists.provinces}
        chosen={choice.province}
        aria={{ ...controlAria(parts), "aria-invalid": invalid }}
        onChoose={(code) => setChoice({ province: code, city: "", county: "" })}
      />
      {cities && cities.length > 0 ? (
        <RegionSelect
          key={choice.province}
          id={`${parts.id}-city`}
          name={`${stem}.city`}
          label={cities.every((option) => isCountyCode(option.code)) ? t("county") : t("city")}
          options={cities}
          chosen={choice.city}
          aria={{ "aria-invalid": invalid }}
          onChoose={(code) => setChoice({ ...choice, city: code, county: "" })}
        />
      ) : null}
      {counties && counties.length > 0 ? (
        <RegionSelect
          key={choice.city}
          id={`${parts.id}-county`}
          name={`${stem}.county`}
          label={t("county")}
          options={counties}
          chosen={choice.county}
          aria={{ "aria-invalid": invalid }}
          onChoose={(code) => setChoice({ ...choice, county: code })}
        />
      ) : null}
      {wantsCity && (!hydrated || failed) ? (
        <p>
          <button type="submit" name="intent" value="refresh" formNoValidate className={buttonClass("secondary")}>
            {t(refresh)}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function RegionSelect({
  id,
  name,
  label,
  options,
  chosen,
  aria,
  onChoose,
}: {
  id: string;
  name: string;
  label: string;
  options: TRegionOption[];
  chosen: string;
  aria: Record<string, string | boolean | undefined>;
  onChoose: (code: string) => void;
}) {
  const t = useTranslations("fields");
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block">
        {label}
      </label>
      <Select
        id={id}
        name={name}
        defaultValue={options.some((option) => option.code === chosen) ? chosen : ""}
        onChange={(event) => onChoose(event.target.value)}
        {...aria}
        className={selectClass(aria["aria-invalid"] ? "invalid" : undefined)}
      >
        <option value="">{t("choose")}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
