/**
 * ---------------------------------------------------------------------------------------------------------------
 * E-licences the services yield: what each approval issues into the wallet. Numbers start with the prefix the
 * paper document uses where there is one (JY for 食品经营许可证); validity follows the regulation (5 years for a
 * food business licence, 4 for a public venue's hygiene licence, 1 for a residence permit) or the demo city's
 * practice (3 years for a sign permit, 3 months for a contributions proof); null means valid until revoked.
 * ---------------------------------------------------------------------------------------------------------------
 */
import type { TLicenceTemplate } from "@/lib/licences/licence-template";
import { t } from "@/lib/i18n/traditional";

export const licenceTemplates = {
  foodBusiness: {
    type: "food-business-licence",
    title: t("食品经营许可证", "Food business licence"),
    numberPrefix: "JY",
    validityMonths: 60,
    fields: [
      { key: "shopName", label: t("经营者名称（店铺）", "Business (shop) name"), from: { answer: ["shopName"] } },
      { key: "businessAddress", label: t("经营场所", "Premises"), from: { answer: ["businessAddress"] } },
      { key: "businessType", label: t("主体业态", "Type of business"), from: { answer: ["businessType"] } },
      { key: "mainFoodCategory", label: t("经营项目", "Food activities"), from: { answer: ["mainFoodCategory"] } },
      { key: "foodSafetyManagerName", label: t("食品安全管理人员", "Person in charge of food safety"), from: { answer: ["foodSafetyManagerName"] } },
    ],
  },
  fireSafety: {
    type: "fire-safety-inspection",
    title: t("公众聚集场所投入使用、营业前消防安全检查意见书", "Fire safety inspection opinion for a public venue"),
    numberPrefix: "XFJC",
    validityMonths: null,
    fields: [
      { key: "venueName", label: t("场所名称", "Venue name"), from: { answer: ["shopName"] } },
      { key: "venueAddress", label: t("场所地址", "Venue address"), from: { answer: ["businessAddress"] } },
      { key: "venueType", label: t("场所类型", "Type of venue"), from: { answer: ["venueType"] } },
      { key: "businessArea", label: t("使用面积", "Floor area"), from: { answer: ["businessArea"] } },
      { key: "opinion", label: t("检查意见", "Opinion"), from: { value: "经检查，该场所符合消防安全要求，同意投入使用、营业。" } },
    ],
  },
  outdoorSign: {
    type: "outdoor-sign-permit",
    title: t("户外招牌设置许可决定书", "Shop sign permit"),
    numberPrefix: "ZP",
    validityMonths: 36,
    fields: [
      { key: "shopName", label: t("店铺名称", "Shop name"), from: { answer: ["shopName"] } },
      { key: "address", label: t("设置地点", "Location"), from: { answer: ["businessAddress"] } },
      { key: "signText", label: t("招牌文字", "Wording"), from: { answer: ["signText"] } },
      { key: "signWidth", label: t("招牌宽度", "Width"), from: { answer: ["signWidth"] } },
      { key: "signHeight", label: t("招牌高度", "Height"), from: { answer: ["signHeight"] } },
      { key: "signPosition", label: t("设置位置", "Position"), from: { answer: ["signPosition"] } },
    ],
  },
  birthMedical: {
    type: "birth-medical-certificate",
    title: t("出生医学证明", "Birth medical certificate"),
    numberPrefix: "CSYX",
    validityMonths: null,
    fields: [
      { key: "babyName", label: t("新生儿姓名", "Baby's name"), from: { answer: ["babyName"] } },
      { key: "babySex", label: t("性别", "Sex"), from: { answer: ["babySex"] } },
      { key: "babyBirthDate", label: t("出生日期", "Date of birth"), from: { answer: ["babyBirthDate"] } },
      { key: "birthHospital", label: t("出生地点（医疗机构）", "Place of birth (hospital)"), from: { answer: ["birthHospital"] } },
      { key: "motherName", label: t("母亲姓名", "Mother's name"), from: { answer: ["motherName"] } },
      { key: "fatherName", label: t("父亲姓名", "Father's name"), from: { answer: ["fatherName"] } },
    ],
  },
  birthRegistration: {
    type: "birth-registration",
    title: t("出生登记证明", "Birth registration record"),
    numberPrefix: "HJDJ",
    validityMonths: null,
    fields: [
      { key: "babyName", label: t("登记人姓名", "Name registered"), from: { answer: ["babyName"] } },
      { key: "babySex", label: t("性别", "Sex"), from: { answer: ["babySex"] } },
      { key: "babyBirthDate", label: t("出生日期", "Date of birth"), from: { answer: ["babyBirthDate"] } },
      { key: "householdOf", label: t("落户方式", "Registered in"), from: { answer: ["householdOf"] } },
      { key: "householdAddress", label: t("户籍地址", "Household address"), from: { answer: ["householdAddress"] } },
    ],
  },
  socialSecurityCard: {
    type: "social-security-card-record",
    title: t("社会保障卡申领记录", "Social security card application record"),
    numberPrefix: "SBK",
    validityMonths: null,
    fields: [
      { key: "cardholderName", label: t("持卡人姓名", "Cardholder"), from: { answer: ["cardholderName", "childName", "babyName"] } },
      { key: "cardBank", label: t("合作银行", "Bank"), from: { answer: ["cardBank"] } },
      { key: "deliveryMethod", label: t("领卡方式", "How the card is delivered"), from: { answer: ["deliveryMethod"] } },
    ],
  },
  contributionsProof: {
    type: "social-insurance-proof",
    title: t("社会保险参保缴费证明", "Proof of social insurance contributions"),
    numberPrefix: "SBZM",
    validityMonths: 3,
    fields: [
      { key: "insuredName", label: t("参保人", "Insured person"), from: { answer: ["applicantName"] } },
      { key: "insuranceType", label: t("险种", "Type of insurance"), from: { answer: ["insuranceType"] } },
      { key: "periodStart", label: t("缴费起始日期", "Contributions from"), from: { answer: ["periodStart"] } },
      { key: "periodEnd", label: t("缴费截止日期", "Contributions to"), from: { answer: ["periodEnd"] } },
      { key: "purpose", label: t("证明用途", "Issued for"), from: { answer: ["purpose"] } },
    ],
  },
  residencePermit: {
    type: "residence-permit",
    title: t("居住证", "Residence permit"),
    numberPrefix: "JZZ",
    validityMonths: 12,
    fields: [
      { key: "name", label: t("姓名", "Name"), from: { answer: ["applicantName"] } },
      { key: "address", label: t("居住地址", "Address"), from: { answer: ["residenceAddress"] } },
      { key: "residenceSince", label: t("居住起始日期", "Living here since"), from: { answer: ["residenceSince"] } },
    ],
  },
  publicPlaceHygiene: {
    type: "public-place-hygiene-licence",
    title: t("公共场所卫生许可证", "Hygiene licence for a public venue"),
    numberPrefix: "WSXK",
    validityMonths: 48,
    fields: [
      { key: "venueName", label: t("单位（场所）名称", "Venue name"), from: { answer: ["shopName"] } },
      { key: "address", label: t("地址", "Address"), from: { answer: ["businessAddress"] } },
      { key: "publicPlaceType", label: t("许可项目", "Licensed activity"), from: { answer: ["publicPlaceType"] } },
      { key: "legalRepresentative", label: t("法定代表人（负责人）", "Legal representative"), from: { answer: ["legalRepresentativeName"] } },
    ],
  },
} satisfies Record<string, TLicenceTemplate>;
