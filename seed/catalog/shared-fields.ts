/**
 * Shared fields: one definition per meaning, reused by services and by the bundles that merge them. Fields that mean
 * the same thing keep the same key in every form (shopName, babyName, applicantMobile …), so a bundle's one merged
 * form (一表申请) maps onto each component service's form by key, and data already given once can be prefilled in the
 * next application.
 */
import { t } from "@/lib/i18n/traditional";
import { type TFieldInput } from "@/seed/catalog/parts";

export const unitSquareMetres = t("平方米", "m²");
export const unitMetres = t("米", "m");

export const field = {
  // Business and premises
  shopName: {
    key: "shopName",
    type: "text",
    label: t("店铺名称", "Shop name"),
    hint: t("与营业执照上的名称一致", "As shown on your business licence"),
    required: true,
    maxLength: 100,
  },
  businessAddress: {
    key: "businessAddress",
    type: "text",
    label: t("经营场所地址", "Business address"),
    hint: t("写到门牌号，例如：滨江路88号1层", "Include the street number, for example: 1st floor, 88 Binjiang Road"),
    required: true,
    maxLength: 200,
  },
  businessArea: {
    key: "businessArea",
    type: "number",
    label: t("经营面积", "Business floor area"),
    hint: t("按租赁合同或产权证明上的建筑面积填写", "The floor area on your lease or property certificate"),
    required: true,
    min: 1,
    max: 100000,
    unit: unitSquareMetres,
  },
  seats: {
    key: "seats",
    type: "number",
    label: t("就餐座位数", "Number of seats"),
    hint: t("只做外卖、没有堂食的，填0", "Enter 0 if you only sell takeaway"),
    required: true,
    min: 0,
    max: 5000,
    integer: true,
  },
  mainFoodCategory: {
    key: "mainFoodCategory",
    type: "select",
    label: t("主要经营项目", "Main type of food"),
    required: true,
    options: [
      { value: "hot-food", label: t("热食类食品制售", "Hot food prepared on site") },
      { value: "cold-food", label: t("冷食类食品制售", "Cold dishes prepared on site") },
      { value: "raw-food", label: t("生食类食品制售", "Raw food such as sashimi") },
      { value: "pastry", label: t("糕点类食品制售", "Cakes and pastries") },
      { value: "drinks", label: t("自制饮品制售", "Drinks made on site") },
      { value: "semi-finished", label: t("半成品制售", "Semi-prepared food") },
    ],
  },
  foodSafetyManagerName: {
    key: "foodSafetyManagerName",
    type: "text",
    label: t("食品安全管理人员姓名", "Name of the person in charge of food safety"),
    required: true,
    maxLength: 50,
  },
  foodSafetyManagerMobile: {
    key: "foodSafetyManagerMobile",
    type: "phone",
    label: t("食品安全管理人员手机号码", "Mobile number of the person in charge of food safety"),
    required: true,
  },
  hasOutdoorSign: {
    key: "hasOutdoorSign",
    type: "yesno",
    label: t("是否在建筑物外设置招牌？", "Will you put up a sign outside the building?"),
    hint: t("包括门头招牌、外墙招牌、落地招牌", "Including signs above the door, on the outside wall or standing on the ground"),
    required: true,
  },
  signText: {
    key: "signText",
    type: "text",
    label: t("招牌文字", "Wording on the sign"),
    required: true,
    maxLength: 50,
  },
  signWidth: {
    key: "signWidth",
    type: "number",
    label: t("招牌宽度", "Sign width"),
    required: true,
    min: 0.1,
    max: 50,
    unit: unitMetres,
  },
  signHeight: {
    key: "signHeight",
    type: "number",
    label: t("招牌高度", "Sign height"),
    required: true,
    min: 0.1,
    max: 10,
    unit: unitMetres,
  },
  fireExitCount: {
    key: "fireExitCount",
    type: "number",
    label: t("安全出口数量", "Number of fire exits"),
    hint: t("直接通向室外或疏散楼梯的出口", "Exits that lead straight outside or to an escape staircase"),
    required: true,
    min: 1,
    max: 100,
    integer: true,
  },
  decorationCompletedDate: {
    key: "decorationCompletedDate",
    type: "date",
    label: t("装修完工日期", "Date the fit-out was finished"),
    required: true,
    max: "today",
  },
  // Enterprise identity
  enterpriseName: {
    key: "enterpriseName",
    type: "text",
    label: t("单位名称", "Organisation name"),
    required: true,
    maxLength: 100,
    prefill: { source: "company.name" },
  },
  unifiedSocialCreditCode: {
    key: "unifiedSocialCreditCode",
    type: "uscc",
    label: t("统一社会信用代码", "Unified social credit code"),
    required: true,
    prefill: { source: "company.uscc" },
  },
  legalRepresentativeName: {
    key: "legalRepresentativeName",
    type: "text",
    label: t("法定代表人（负责人）姓名", "Name of the legal representative"),
    required: true,
    maxLength: 50,
    prefill: { source: "company.legalRepresentative" },
  },
  contactName: {
    key: "contactName",
    type: "text",
    label: t("联系人姓名", "Contact name"),
    required: true,
    maxLength: 50,
  },
  // People
  applicantName: {
    key: "applicantName",
    type: "text",
    label: t("申请人姓名", "Your full name"),
    required: true,
    maxLength: 50,
    prefill: { source: "identity.name" },
  },
  applicantIdNumber: {
    key: "applicantIdNumber",
    type: "id-number",
    label: t("申请人公民身份号码", "Your resident ID number"),
    required: true,
    prefill: { source: "identity.idNumber" },
  },
  applicantMobile: {
    key: "applicantMobile",
    type: "phone",
    label: t("手机号码", "Mobile number"),
    hint: t("办理进度和结果会通过短信告知", "We will text you about progress and the result"),
    required: true,
    // The number on record is a starting point: people change numbers more often than registers learn of it.
    prefill: { source: "identity.mobile", editable: true },
  },
  // Newborn
  babyName: {
    key: "babyName",
    type: "text",
    label: t("婴儿姓名", "Baby's full name"),
    required: true,
    maxLength: 50,
  },
  babySex: {
    key: "babySex",
    type: "select",
    label: t("婴儿性别", "Baby's sex"),
    required: true,
    options: [
      { value: "male", label: t("男", "Male") },
      { value: "female", label: t("女", "Female") },
    ],
  },
  babyBirthDate: {
    key: "babyBirthDate",
    type: "date",
    label: t("出生日期", "Date of birth"),
    required: true,
    max: "today",
  },
  birthHospital: {
    key: "birthHospital",
    type: "text",
    label: t("出生医院", "Hospital where the baby was born"),
    required: true,
    maxLength: 100,
  },
  motherName: {
    key: "motherName",
    type: "text",
    label: t("母亲姓名", "Mother's full name"),
    required: true,
    maxLength: 50,
  },
  motherIdNumber: {
    key: "motherIdNumber",
    type: "id-number",
    label: t("母亲公民身份号码", "Mother's resident ID number"),
    required: true,
  },
  fatherName: {
    key: "fatherName",
    type: "text",
    label: t("父亲姓名", "Father's full name"),
    required: true,
    maxLength: 50,
  },
  fatherIdNumber: {
    key: "fatherIdNumber",
    type: "id-number",
    label: t("父亲公民身份号码", "Father's resident ID number"),
    required: true,
  },
  householdOf: {
    key: "householdOf",
    type: "select",
    label: t("随父亲还是母亲落户", "Register the baby in whose household"),
    required: true,
    options: [
      { value: "father", label: t("随父亲落户", "The father's household") },
      { value: "mother", label: t("随母亲落户", "The mother's household") },
    ],
  },
  householdAddress: {
    key: "householdAddress",
    type: "text",
    label: t("户籍地址", "Household registration address"),
    hint: t("即落户一方户口簿上的住址", "The address in the household register (hukou) the baby will join"),
    required: true,
    maxLength: 200,
  },
} satisfies Record<string, TFieldInput>;
