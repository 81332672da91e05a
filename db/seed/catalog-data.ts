/**
 * The seeded service catalog: departments, services (事项) with their guides and forms, and bundles (一件事).
 *
 * Fields that mean the same thing keep the same key in every form (shopName, babyName, applicantMobile …), so a
 * bundle's one merged form (一表申请) maps onto each component service's form by key, and data already given once
 * can be prefilled in the next application.
 *
 * Legal time limits written in a law or regulation follow it (food licence 20, fire safety check 10, invoices 5,
 * company registration 3, residence permit 15); where the law sets none, the limit is this demo city's own.
 */
import type { TFormDefinitionInput } from "@/lib/forms/definition";
import type { TLicenceTemplate } from "@/lib/licences/licence-template";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { t } from "@/db/seed/text";

export type TTopic =
  | "business"
  | "family"
  | "social-security"
  | "health"
  | "residence"
  | "environment"
  | "tax"
  | "urban";

export type TSeedDepartment = { code: string; name: TLocalizedText; shortName: TLocalizedText };

export type TSeedMaterial = { name: TLocalizedText; required: boolean; copies: number; note?: TLocalizedText };

export type TSeedService = {
  code: string;
  departmentCode: string;
  name: TLocalizedText;
  summary: TLocalizedText;
  applicantType: "natural" | "legal";
  /** instant = 即办件 (decided at once), promised = 承诺件 (decided within the promised limit). */
  kind: "instant" | "promised";
  /**
   * For an instant service: the rule (json-logic over the answers) that must hold to approve at submit, and what a
   * clerk is told when it does not. Omitted: always approved at submit.
   */
  instantCheck?: { rule: Record<string, unknown>; reason: TLocalizedText };
  /** 法定时限 in working days; 1 for instant services (the day a clerk has when the instant check fails). */
  legalLimitDays: number;
  /** 承诺时限 in working days, never above the legal limit; 1 for instant services. */
  promisedLimitDays: number;
  topic: TTopic;
  /** 受理条件 */
  conditions: TLocalizedText[];
  /** 申请材料 */
  materials: TSeedMaterial[];
  /** 收费标准 */
  fees: TLocalizedText;
  /** 设定依据 */
  legalBasis: TLocalizedText[];
  /** The e-licence (电子证照) an approval issues; omitted when the service yields none. */
  licence?: TLicenceTemplate;
  form: TFormDefinitionInput;
};

export type TSeedBundle = {
  code: string;
  name: TLocalizedText;
  summary: TLocalizedText;
  applicantType: "natural" | "legal";
  topic: TTopic;
  /**
   * appliesWhen is a json-logic rule over the bundle form's answers (only fields of the base form below); null
   * means the service always applies. excludeFields are fields of the service's form the bundle does not ask:
   * another department of the bundle produces them, or the bundle itself settles them.
   */
  items: { serviceCode: string; appliesWhen: Record<string, unknown> | null; excludeFields?: string[]; dependsOn?: string[] }[];
  /**
   * The bundle's own questions (stored as its "bundle-base" form): routing questions and what the services share,
   * asked first. The applicant's one form (一表申请) is composed from it and the services' forms
   * (lib/forms/compose-bundle-form.ts).
   */
  form: TFormDefinitionInput;
};

type TSectionInput = TFormDefinitionInput["pages"][number]["sections"][number];
type TFieldInput = TSectionInput["fields"][number];

/** A one-page form; sections group the fields the way the paper form did. */
function singlePageForm(...sections: TSectionInput[]): TFormDefinitionInput {
  return { schemaVersion: 1, pages: [{ key: "application", title: t("填写申请", "Your application"), sections }] };
}

function material(zhHans: string, en: string, options: { required?: boolean; copies?: number; note?: TLocalizedText } = {}): TSeedMaterial {
  return { name: t(zhHans, en), required: options.required ?? true, copies: options.copies ?? 1, ...(options.note ? { note: options.note } : {}) };
}

const free = t("不收费", "Free");

// ---------------------------------------------------------------------------------------------------------------
// Departments
// ---------------------------------------------------------------------------------------------------------------

export const departments: TSeedDepartment[] = [
  { code: "AMR", name: t("市场监督管理局", "Administration for Market Regulation"), shortName: t("市场监管", "Market Regulation") },
  { code: "FIRE", name: t("消防救援支队", "Fire and Rescue Detachment"), shortName: t("消防救援", "Fire and Rescue") },
  { code: "HEALTH", name: t("卫生健康委员会", "Health Commission"), shortName: t("卫生健康", "Health") },
  { code: "POLICE", name: t("公安局", "Public Security Bureau"), shortName: t("公安", "Police") },
  {
    code: "HRSS",
    name: t("人力资源和社会保障局", "Human Resources and Social Security Bureau"),
    shortName: t("人社", "Social Security"),
  },
  { code: "MEDINS", name: t("医疗保障局", "Healthcare Security Administration"), shortName: t("医保", "Medical Insurance") },
  { code: "ENV", name: t("生态环境局", "Ecology and Environment Bureau"), shortName: t("生态环境", "Environment") },
  { code: "URBAN", name: t("城市管理局", "Urban Management Bureau"), shortName: t("城管", "Urban Management") },
  { code: "TAX", name: t("税务局", "Tax Bureau"), shortName: t("税务", "Tax") },
];

// ---------------------------------------------------------------------------------------------------------------
// Shared fields: one definition per meaning, reused by services and by the bundles that merge them
// ---------------------------------------------------------------------------------------------------------------

const unitSquareMetres = t("平方米", "m²");
const unitMetres = t("米", "m");

const field = {
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

// ---------------------------------------------------------------------------------------------------------------
// E-licences the services yield: what each approval issues into the wallet. Numbers start with the prefix the
// paper document uses where there is one (JY for 食品经营许可证); validity follows the regulation (5 years for a
// food business licence, 4 for a public venue's hygiene licence, 1 for a residence permit) or the demo city's
// practice (3 years for a sign permit, 3 months for a contributions proof); null means valid until revoked.
// ---------------------------------------------------------------------------------------------------------------

const licenceTemplates = {
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

// ---------------------------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------------------------

export const services: TSeedService[] = [
  {
    code: "AMR-FOOD-LICENCE",
    departmentCode: "AMR",
    name: t("食品经营许可", "Food business licence"),
    summary: t(
      "开餐馆、小吃店、奶茶店、食堂或者销售预包装以外的食品，开业前需要取得食品经营许可证。",
      "You need a food business licence before you open a restaurant, snack bar, tea shop or canteen, or sell food that is not pre-packed.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    topic: "business",
    conditions: [
      t("已经取得营业执照或者其他合法主体资格", "You already have a business licence or are otherwise a registered entity"),
      t(
        "有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，并与有毒、有害场所以及其他污染源保持规定的距离",
        "Your premises are right for the kinds and amounts of food you handle, prepare, sell and store, and are kept the required distance from toxic, harmful or other sources of contamination",
      ),
      t(
        "有相应的消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施",
        "You have the equipment for disinfecting, changing, washing, lighting, ventilation, keeping out dust, flies, rodents and insects, and for handling waste water and rubbish",
      ),
      t(
        "有专职或者兼职的食品安全管理人员和保证食品安全的规章制度",
        "You have a full-time or part-time person in charge of food safety, and written food safety procedures",
      ),
      t(
        "有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染",
        "Your kitchen layout and workflow keep raw ingredients away from ready-to-eat food",
      ),
    ],
    materials: [
      material("食品经营许可申请书", "Food business licence application form", {
        note: t("在线填写表单后自动生成，无需另行提交", "Created from this online form; you do not need to send it separately"),
      }),
      material("营业执照或者其他主体资格证明文件", "Business licence or other proof of registration", {
        note: t("已有电子营业执照的可直接调用", "Your electronic business licence is used if you have one"),
      }),
      material(
        "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
        "Floor plan of the premises, list of main equipment and description of how food is prepared",
      ),
      material(
        "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单",
        "List of your food safety procedures: self-inspection, staff health checks, checking deliveries, and handling food safety incidents",
      ),
      material("委托他人办理的，提交授权委托书及代理人身份证明", "If someone applies for you: letter of authorisation and their ID", {
        required: false,
      }),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国食品安全法》第三十五条", "Food Safety Law of the People's Republic of China, Article 35"),
      t("《食品经营许可和备案管理办法》", "Measures for the Administration of Food Business Licensing and Filing"),
    ],
    licence: licenceTemplates.foodBusiness,
    form: singlePageForm(
      {
        key: "business",
        title: t("经营者和经营场所", "Business and premises"),
        fields: [
          field.shopName,
          field.unifiedSocialCreditCode,
          field.businessAddress,
          field.businessArea,
          {
            key: "businessType",
            type: "select",
            label: t("主体业态", "Type of business"),
            required: true,
            options: [
              { value: "restaurant", label: t("餐饮服务经营者", "Restaurant, café or takeaway") },
              { value: "canteen", label: t("单位食堂", "Workplace or school canteen") },
              { value: "food-retail", label: t("食品销售经营者", "Food shop") },
            ],
          },
          field.mainFoodCategory,
        ],
      },
      {
        key: "foodSafety",
        title: t("食品安全管理", "Food safety"),
        fields: [field.foodSafetyManagerName, field.foodSafetyManagerMobile],
      },
      {
        key: "foodMaterials",
        title: t("申请材料", "Documents"),
        fields: [
          {
            key: "businessLicence",
            type: "material",
            label: t("营业执照", "Business licence"),
            hint: t("已有电子营业执照的，勾选即可，无需上传", "If your electronic business licence is in your wallet, tick it instead of uploading"),
            licenceTypes: ["business-licence"],
            maxFiles: 1,
          },
          {
            key: "premisesFloorPlan",
            type: "material",
            label: t("经营场所平面布局图", "Floor plan of the premises"),
            hint: t("PDF、JPG 或 PNG，每个文件不超过 10 MB", "PDF, JPG or PNG, up to 10 MB each"),
          },
        ],
      },
    ),
  },
  {
    code: "AMR-COMPANY-REG",
    departmentCode: "AMR",
    name: t("企业设立登记", "Register a new company"),
    summary: t(
      "设立有限责任公司、股份有限公司等企业，在开展经营活动前办理设立登记，领取营业执照。",
      "Register a new limited company or other business before it starts trading, and get its business licence.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 3,
    promisedLimitDays: 1,
    topic: "business",
    conditions: [
      t("企业名称符合企业名称登记管理规定，且未与同行业已登记企业名称相同", "The company name follows the naming rules and is not already used by a registered business in the same trade"),
      t("有符合规定的住所（经营场所）", "The company has a registered address it is allowed to use"),
      t("有符合公司法规定的公司章程", "The company has articles of association that meet the Company Law"),
      t("法定代表人、董事、监事和高级管理人员不存在法律规定不得担任的情形", "None of the legal representative, directors, supervisors or senior managers is barred by law from the role"),
    ],
    materials: [
      material("公司登记（备案）申请书", "Company registration application form", {
        note: t("在线填写表单后自动生成", "Created from this online form"),
      }),
      material("公司章程", "Articles of association", {
        note: t("由全体股东签署", "Signed by all shareholders"),
      }),
      material("股东的主体资格证明或者自然人身份证明", "Proof of identity of each shareholder (ID card, or business licence for a corporate shareholder)"),
      material("住所（经营场所）使用证明", "Proof you can use the registered address, such as a property certificate or lease"),
      material(
        "法定代表人、董事、监事和高级管理人员的任职文件和身份证明",
        "Appointment documents and ID for the legal representative, directors, supervisors and senior managers",
      ),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国公司法》", "Company Law of the People's Republic of China"),
      t("《中华人民共和国市场主体登记管理条例》第三条、第十九条", "Regulations of the People's Republic of China on the Registration of Market Entities, Articles 3 and 19"),
    ],
    form: singlePageForm(
      {
        key: "company",
        title: t("企业信息", "About the company"),
        fields: [
          {
            key: "proposedCompanyName",
            type: "text",
            label: t("拟设立企业名称", "Proposed company name"),
            hint: t("例如：某某市某某餐饮管理有限公司", "For example: Binjiang Catering Management Co., Ltd."),
            required: true,
            maxLength: 100,
          },
          {
            key: "companyType",
            type: "select",
            label: t("企业类型", "Type of company"),
            required: true,
            options: [
              { value: "llc", label: t("有限责任公司", "Limited liability company") },
              { value: "single-shareholder-llc", label: t("有限责任公司（自然人独资）", "Limited liability company with one individual shareholder") },
              { value: "joint-stock", label: t("股份有限公司", "Company limited by shares") },
            ],
          },
          {
            key: "registeredCapital",
            type: "number",
            label: t("注册资本", "Registered capital"),
            hint: t("有限责任公司股东认缴的出资额应当自公司成立之日起五年内缴足", "Shareholders of a limited liability company must pay in their subscribed capital within five years of incorporation"),
            required: true,
            min: 0.01,
            max: 10000000,
            unit: t("万元", "× 10,000 yuan"),
          },
          {
            key: "registeredAddress",
            type: "text",
            label: t("住所", "Registered address"),
            required: true,
            maxLength: 200,
          },
          {
            key: "businessScope",
            type: "textarea",
            label: t("经营范围", "What the company will do"),
            hint: t("按经营范围规范表述目录选择填写", "Use the wording from the standard list of business activities"),
            required: true,
            maxLength: 1000,
          },
        ],
      },
      {
        key: "representative",
        title: t("法定代表人", "Legal representative"),
        fields: [
          field.legalRepresentativeName,
          {
            key: "legalRepresentativeIdNumber",
            type: "id-number",
            label: t("法定代表人公民身份号码", "Legal representative's resident ID number"),
            required: true,
          },
          field.applicantMobile,
        ],
      },
    ),
  },
  {
    code: "FIRE-SAFETY-CHECK",
    departmentCode: "FIRE",
    name: t("公众聚集场所投入使用、营业前消防安全检查", "Fire safety inspection before a public venue opens"),
    summary: t(
      "餐馆、商场、宾馆、歌舞娱乐场所等公众聚集场所，投入使用、营业前需申请消防安全检查。选择告知承诺方式的，作出承诺并提交材料后即可营业，消防救援机构随后核查。",
      "Restaurants, shops, hotels, entertainment venues and other places open to the public need a fire safety inspection before they open. If you choose to sign a commitment, you can open once you have sent it with your documents; the fire service checks afterwards.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 10,
    promisedLimitDays: 5,
    topic: "business",
    conditions: [
      t("场所所在建筑已依法通过建设工程消防验收或者完成竣工验收消防备案", "The building has passed its fire safety acceptance check, or its completion has been filed with the fire service"),
      t("场所消防设施、器材完好有效，安全出口、疏散通道畅通", "Fire equipment works and exits and escape routes are clear"),
      t("室内装修材料的燃烧性能符合消防技术标准", "Materials used in the fit-out meet fire safety standards"),
      t("已制定消防安全制度、灭火和应急疏散预案，并确定消防安全责任人", "You have fire safety rules, a fire and evacuation plan, and a named person responsible for fire safety"),
    ],
    materials: [
      material("消防安全检查申请表", "Fire safety inspection application form", {
        note: t("在线填写表单后自动生成", "Created from this online form"),
      }),
      material("营业执照或者其他主体资格证明文件", "Business licence or other proof of registration"),
      material("场所平面布置图、场所消防设施平面图", "Floor plan of the venue showing fire equipment"),
      material("消防安全制度、灭火和应急疏散预案", "Fire safety rules and fire and evacuation plan"),
      material("室内装修消防设计施工图、消防产品质量合格证明文件及装修材料防火性能符合消防技术标准的证明文件", "Fit-out drawings, certificates for fire products, and proof that the fit-out materials meet fire standards", {
        required: false,
        note: t("有室内装修的提交", "Only if the venue has been fitted out"),
      }),
      material("公众聚集场所投入使用、营业消防安全告知承诺书", "Fire safety commitment letter", {
        required: false,
        note: t("选择告知承诺方式办理的提交", "Only if you choose the commitment route"),
      }),
    ],
    fees: free,
    legalBasis: [t("《中华人民共和国消防法》第十五条", "Fire Protection Law of the People's Republic of China, Article 15")],
    licence: licenceTemplates.fireSafety,
    form: singlePageForm(
      {
        key: "venue",
        title: t("场所信息", "About the venue"),
        fields: [
          { ...field.shopName, label: t("场所名称", "Venue name") },
          field.businessAddress,
          {
            key: "venueType",
            type: "select",
            label: t("场所类型", "Type of venue"),
            required: true,
            options: [
              { value: "restaurant", label: t("餐饮场所", "Restaurant or café") },
              { value: "shop", label: t("商场、市场", "Shop or market") },
              { value: "hotel", label: t("宾馆、饭店", "Hotel") },
              { value: "entertainment", label: t("歌舞娱乐场所", "Bar, karaoke or dance venue") },
              { value: "sports", label: t("体育场馆", "Sports venue") },
              { value: "other", label: t("其他公众聚集场所", "Other place open to the public") },
            ],
          },
          field.businessArea,
          field.fireExitCount,
          field.decorationCompletedDate,
          {
            key: "useCommitment",
            type: "yesno",
            label: t("是否选择告知承诺方式办理？", "Do you want to sign a commitment and open before the inspection?"),
            required: true,
          },
        ],
      },
      {
        key: "responsiblePerson",
        title: t("消防安全责任人", "Person responsible for fire safety"),
        fields: [
          { ...field.contactName, key: "fireSafetyManagerName", label: t("消防安全责任人姓名", "Name of the person responsible for fire safety") },
          { ...field.applicantMobile, key: "fireSafetyManagerMobile", label: t("消防安全责任人手机号码", "Their mobile number") },
        ],
      },
    ),
  },
  {
    code: "URBAN-OUTDOOR-SIGN",
    departmentCode: "URBAN",
    name: t("户外招牌设置", "Permission for a shop sign"),
    summary: t(
      "在建筑物外墙、门头等位置设置店铺招牌，需经城市管理部门同意。招牌应当牢固安全、外型美观，一个店铺原则上只设一块门头招牌。",
      "You need permission from the urban management bureau to put a shop sign on the front or outside wall of a building. Signs must be secure and tidy, and each shop should normally have only one sign above its door.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    topic: "urban",
    conditions: [
      t("招牌设置位置在本单位经营场所范围内", "The sign is on the premises you use for your business"),
      t("招牌规格、位置符合本市户外招牌设置规范，不遮挡建筑物门窗、消防通道和其他标识", "The size and position follow the city's sign guidelines and do not cover doors, windows, fire escapes or other signs"),
      t("招牌结构安全，照明设施符合用电安全要求", "The sign is structurally safe and any lighting meets electrical safety rules"),
    ],
    materials: [
      material("户外招牌设置申请表", "Shop sign application form", {
        note: t("在线填写表单后自动生成", "Created from this online form"),
      }),
      material("营业执照", "Business licence"),
      material("经营场所产权证明或者租赁合同", "Property certificate or lease for the premises"),
      material("招牌设计效果图（标明尺寸、材质、颜色和设置位置）", "Design of the sign showing size, materials, colours and where it goes"),
      material("招牌结构安全说明", "Statement on the safety of the sign's structure", {
        required: false,
        note: t("招牌面积较大或者设置在建筑物高处的提交", "Only for large signs or signs placed high on a building"),
      }),
    ],
    fees: free,
    legalBasis: [t("《城市市容和环境卫生管理条例》第十一条", "Regulations on the Management of City Appearance and Environmental Sanitation, Article 11")],
    licence: licenceTemplates.outdoorSign,
    form: singlePageForm(
      {
        key: "shop",
        title: t("店铺信息", "About the shop"),
        fields: [field.shopName, field.businessAddress],
      },
      {
        key: "sign",
        title: t("招牌信息", "About the sign"),
        fields: [
          field.signText,
          field.signWidth,
          field.signHeight,
          {
            key: "signPosition",
            type: "select",
            label: t("设置位置", "Where the sign goes"),
            required: true,
            options: [
              { value: "above-door", label: t("门头上方", "Above the door") },
              { value: "outside-wall", label: t("建筑物外墙", "On the outside wall") },
              { value: "ground", label: t("落地设置", "Standing on the ground") },
            ],
          },
          {
            key: "signIlluminated",
            type: "yesno",
            label: t("招牌是否带灯光照明？", "Will the sign be lit?"),
            required: true,
          },
        ],
      },
    ),
  },
  {
    code: "ENV-EIA-FILING",
    departmentCode: "ENV",
    name: t("建设项目环境影响登记表备案", "File an environmental impact registration form"),
    summary: t(
      "对环境影响很小、按规定只需填报环境影响登记表的建设项目，建设单位在项目建成并投入生产运营前完成备案。",
      "If your building project has very little effect on the environment and only needs a registration form, file it before the project starts operating.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "environment",
    conditions: [
      t(
        "项目属于《建设项目环境影响评价分类管理名录》规定应当填报环境影响登记表的类别",
        "The project is of a kind that the Classified Management Catalogue says only needs a registration form",
      ),
      t("项目尚未建成投入生产运营", "The project has not yet started operating"),
    ],
    materials: [
      material("建设项目环境影响登记表", "Environmental impact registration form", {
        note: t("在线填写表单后自动生成，建设单位对填报内容的真实性负责", "Created from this online form; you are responsible for what it says"),
      }),
      material("营业执照", "Business licence"),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国环境影响评价法》第十六条、第二十二条", "Environmental Impact Assessment Law of the People's Republic of China, Articles 16 and 22"),
      t("《建设项目环境影响登记表备案管理办法》", "Measures for Filing Environmental Impact Registration Forms for Construction Projects"),
      t("《建设项目环境影响评价分类管理名录》", "Classified Management Catalogue for Environmental Impact Assessment of Construction Projects"),
    ],
    form: singlePageForm(
      {
        key: "project",
        title: t("项目信息", "About the project"),
        fields: [
          {
            key: "projectName",
            type: "text",
            label: t("项目名称", "Project name"),
            hint: t("例如：某某餐厅新建项目", "For example: new restaurant at 88 Binjiang Road"),
            required: true,
            maxLength: 100,
          },
          field.businessAddress,
          field.businessArea,
          {
            key: "projectCategory",
            type: "select",
            label: t("项目类别", "Type of project"),
            required: true,
            options: [
              { value: "catering", label: t("餐饮服务", "Food service") },
              { value: "retail", label: t("批发零售", "Wholesale or retail") },
              { value: "hospitality", label: t("住宿", "Accommodation") },
              { value: "other", label: t("其他", "Other") },
            ],
          },
          {
            key: "pollutionControls",
            type: "textarea",
            label: t("主要污染防治措施", "How you will control pollution"),
            hint: t("例如：安装油烟净化器、设置隔油池、选用低噪声设备", "For example: a fume extractor, a grease trap, quiet equipment"),
            required: true,
            maxLength: 1000,
          },
        ],
      },
      {
        key: "contact",
        title: t("联系人", "Contact"),
        fields: [field.contactName, field.applicantMobile],
      },
    ),
  },
  {
    code: "HEALTH-BIRTH-CERT",
    departmentCode: "HEALTH",
    name: t("出生医学证明", "Birth medical certificate"),
    summary: t(
      "在本市医疗机构出生的婴儿，由出生医院签发《出生医学证明》。它是办理出生登记（上户口）的依据，请妥善保管。",
      "The hospital where your baby was born issues the birth medical certificate. You need it to register the birth in the household register, so keep it safe.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "family",
    conditions: [
      t("婴儿在本市具有助产资质的医疗机构出生", "Your baby was born in a hospital in this city that is licensed to deliver babies"),
      t("由婴儿的父亲或者母亲申请；委托他人办理的需提供委托书", "The mother or father applies, or someone they authorise in writing"),
    ],
    materials: [
      material("父母双方的有效身份证件", "Valid ID for both parents", {
        note: t("原件现场核验；已实名认证的在线办理无需提交", "Originals are checked; not needed online if you have verified your identity"),
      }),
      material("出生医学证明首次签发登记表", "First-issue registration form for the birth medical certificate", {
        note: t("由出生医院提供，父母签字确认", "Provided by the hospital; both parents sign it"),
      }),
      material("父母一方无法到场的，提供其身份证件和委托书", "If one parent cannot come: their ID and a letter of authorisation", {
        required: false,
      }),
    ],
    fees: t("首次签发不收费", "Free for the first certificate"),
    legalBasis: [t("《中华人民共和国母婴保健法》第二十三条", "Law of the People's Republic of China on Maternal and Infant Health Care, Article 23")],
    licence: licenceTemplates.birthMedical,
    form: singlePageForm(
      {
        key: "baby",
        title: t("婴儿信息", "About the baby"),
        fields: [field.babyName, field.babySex, field.babyBirthDate, field.birthHospital],
      },
      {
        key: "parents",
        title: t("父母信息", "About the parents"),
        fields: [field.motherName, field.motherIdNumber, field.fatherName, field.fatherIdNumber, field.applicantMobile],
      },
    ),
  },
  {
    code: "POLICE-BIRTH-REG",
    departmentCode: "POLICE",
    name: t("出生登记（户口登记）", "Register a birth in the household register"),
    summary: t(
      "婴儿出生后一个月内，向落户地公安派出所申报出生登记，办理后婴儿取得公民身份号码并登记在户口簿上。",
      "Register your baby's birth with the police station where the family is registered within one month. Your baby then gets a resident ID number and is added to the household register (hukou).",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "family",
    conditions: [
      t("婴儿已取得《出生医学证明》", "Your baby has a birth medical certificate"),
      t("随父亲或者母亲在本市常住户口所在地落户", "The baby joins the father's or mother's household registered in this city"),
      t("由户主、亲属、抚养人申报", "The head of household, a relative or a guardian applies"),
    ],
    materials: [
      material("《出生医学证明》", "Birth medical certificate", {
        note: t("原件现场核验；与出生医学证明同时申请的无需提交", "Original is checked; not needed if you apply for both together"),
      }),
      material("父母双方的居民身份证", "Both parents' resident ID cards"),
      material("落户一方的居民户口簿", "The household register book the baby will join"),
      material("父母的结婚证", "Parents' marriage certificate", {
        required: false,
        note: t("父母已登记结婚的提供", "If the parents are married"),
      }),
    ],
    fees: free,
    legalBasis: [t("《中华人民共和国户口登记条例》第七条", "Regulations of the People's Republic of China on Household Registration, Article 7")],
    licence: licenceTemplates.birthRegistration,
    form: singlePageForm(
      {
        key: "baby",
        title: t("婴儿信息", "About the baby"),
        fields: [
          field.babyName,
          field.babySex,
          field.babyBirthDate,
          {
            key: "birthCertificateNumber",
            type: "text",
            label: t("出生医学证明编号", "Birth medical certificate number"),
            hint: t("证明右上角的字母和数字编号", "The letter and number code at the top right of the certificate"),
            required: true,
            maxLength: 20,
          },
        ],
      },
      {
        key: "household",
        title: t("落户信息", "Household registration"),
        fields: [field.householdOf, field.householdAddress, field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
    ),
  },
  {
    code: "MEDINS-NEWBORN-ENROL",
    departmentCode: "MEDINS",
    name: t("城乡居民医保参保登记（新生儿）", "Enrol a newborn in residents' medical insurance"),
    summary: t(
      "为新生儿办理城乡居民基本医疗保险参保登记。出生后90天内参保并缴费的，自出生之日起享受医保待遇。",
      "Enrol your baby in basic medical insurance for urban and rural residents. If you enrol and pay within 90 days of birth, cover starts from the date of birth.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "family",
    conditions: [
      t("婴儿已在本市办理出生登记，或者父母一方在本市参加基本医疗保险", "Your baby is registered in this city's household register, or one parent has basic medical insurance in this city"),
      t("婴儿未在其他地区参加基本医疗保险", "Your baby is not insured anywhere else"),
    ],
    materials: [
      material("婴儿的居民户口簿或者《出生医学证明》", "The baby's household register page or birth medical certificate", {
        note: t("已在本市办理出生登记的无需提交", "Not needed if the birth is already registered in this city"),
      }),
      material("监护人的居民身份证", "Parent or guardian's resident ID card"),
    ],
    fees: t(
      "办理登记不收费；参保后按本市当年城乡居民医保个人缴费标准缴费",
      "Enrolling is free; you then pay this year's residents' medical insurance contribution set by the city",
    ),
    legalBasis: [
      t("《中华人民共和国社会保险法》第二十五条", "Social Insurance Law of the People's Republic of China, Article 25"),
      t("《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）", "Opinions of the State Council on Integrating the Basic Medical Insurance Schemes for Urban and Rural Residents (Guo Fa [2016] No. 3)"),
    ],
    form: singlePageForm(
      {
        key: "baby",
        title: t("婴儿信息", "About the baby"),
        fields: [
          field.babyName,
          {
            key: "babyIdNumber",
            type: "id-number",
            label: t("婴儿公民身份号码", "Baby's resident ID number"),
            hint: t("办理出生登记后取得", "Given when the birth is registered"),
            required: true,
          },
          field.babyBirthDate,
          field.householdAddress,
        ],
      },
      {
        key: "guardian",
        title: t("监护人信息", "Parent or guardian"),
        fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
    ),
  },
  {
    code: "HRSS-SSCARD",
    departmentCode: "HRSS",
    name: t("社会保障卡申领", "Apply for a social security card"),
    summary: t(
      "社会保障卡可用于看病就医结算、领取社保待遇和惠民补贴，并具有银行卡功能。未成年人由监护人代为申领。",
      "Use a social security card to pay for medical treatment, receive benefits and subsidies, and as a bank card. A parent or guardian applies for a child.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 10,
    topic: "social-security",
    conditions: [
      t("在本市参加社会保险，或者在本市登记户籍", "You are insured in this city or registered in its household register"),
      t("此前未申领本市社会保障卡，或者原卡已挂失", "You do not already have this city's card, or you have reported it lost"),
    ],
    materials: [
      material("持卡人的居民身份证或者居民户口簿", "Cardholder's resident ID card, or household register page for a child"),
      material("近期免冠证件照片", "Recent passport-style photo", {
        note: t("可调用公安部门的证件照，无需另行提交", "Your ID card photo can be used instead"),
      }),
      material("代办人的居民身份证", "ID of the person applying for someone else", {
        required: false,
        note: t("监护人代未成年人申领或者委托他人代办的提交", "If a parent applies for a child, or someone applies for you"),
      }),
    ],
    fees: t("首次申领不收费", "Free for your first card"),
    legalBasis: [t("《中华人民共和国社会保险法》第五十八条", "Social Insurance Law of the People's Republic of China, Article 58")],
    licence: licenceTemplates.socialSecurityCard,
    form: {
      schemaVersion: 1,
      pages: [
        {
          key: "cardholder",
          title: t("持卡人", "Cardholder"),
          sections: [
            {
              key: "cardholder",
              fields: [
                {
                  key: "cardholderIsMinor",
                  type: "yesno",
                  label: t("是否为未满16周岁的子女申领？", "Is the card for your child under 16?"),
                  required: true,
                },
                // For yourself, your identity comes from the population register; for a child, you type theirs.
                {
                  ...field.applicantName,
                  key: "cardholderName",
                  label: t("持卡人姓名", "Cardholder's full name"),
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, false] },
                },
                {
                  ...field.applicantIdNumber,
                  key: "cardholderIdNumber",
                  label: t("持卡人公民身份号码", "Cardholder's resident ID number"),
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, false] },
                },
                {
                  key: "childName",
                  type: "text",
                  label: t("子女姓名", "Child's full name"),
                  required: true,
                  maxLength: 50,
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, true] },
                },
                {
                  key: "childIdNumber",
                  type: "id-number",
                  label: t("子女公民身份号码", "Child's resident ID number"),
                  required: true,
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, true] },
                },
                {
                  ...field.applicantName,
                  key: "guardianName",
                  label: t("监护人姓名", "Parent or guardian's full name"),
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, true] },
                },
                field.applicantMobile,
              ],
            },
          ],
        },
        {
          key: "card",
          title: t("银行和领卡方式", "Bank and delivery"),
          sections: [
          {
            key: "card",
            title: t("银行和领卡方式", "Bank and delivery"),
            fields: [
              {
                key: "cardBank",
                type: "select",
                label: t("合作银行", "Bank for the card"),
                hint: t("社会保障卡的金融账户开设在所选银行", "The card's bank account is opened with this bank"),
                required: true,
                options: [
                  { value: "icbc", label: t("中国工商银行", "Industrial and Commercial Bank of China") },
                  { value: "abc", label: t("中国农业银行", "Agricultural Bank of China") },
                  { value: "boc", label: t("中国银行", "Bank of China") },
                  { value: "ccb", label: t("中国建设银行", "China Construction Bank") },
                  { value: "bocom", label: t("交通银行", "Bank of Communications") },
                  { value: "psbc", label: t("中国邮政储蓄银行", "Postal Savings Bank of China") },
                ],
              },
              {
                key: "deliveryMethod",
                type: "radio",
                label: t("领卡方式", "How to get the card"),
                required: true,
                options: [
                  { value: "branch", label: t("到银行网点领取", "Collect from a bank branch") },
                  { value: "post", label: t("邮寄到家", "Post it to me") },
                ],
              },
              {
                key: "deliveryAddress",
                type: "address",
                label: t("邮寄地址", "Postal address"),
                hint: t("选择所在区县，再填写街道、门牌号", "Choose the district, then enter the street and number"),
                required: true,
                showWhen: { "==": [{ var: "deliveryMethod" }, "post"] },
              },
            ],
          },
          ],
        },
        {
          key: "materials",
          title: t("照片和证明材料", "Photo and documents"),
          sections: [
            {
              key: "materials",
              fields: [
                {
                  key: "photo",
                  type: "material",
                  label: t("近期免冠证件照", "A recent passport-style photo"),
                  hint: t("白色背景，JPG 或 PNG 格式，不超过 2 MB", "White background, JPG or PNG, up to 2 MB"),
                  required: true,
                  accept: ["image/jpeg", "image/png"],
                  maxFiles: 1,
                  maxSizeKb: 2048,
                },
                {
                  key: "householdRegister",
                  type: "material",
                  label: t("户口簿或居住证", "Household register or residence permit"),
                  hint: t(
                    "电子证照库中已有的，直接勾选使用，无需上传",
                    "If it is already in your e-licence wallet, tick it instead of uploading",
                  ),
                  required: true,
                  licenceTypes: ["household-register", "residence-permit"],
                  maxFiles: 3,
                },
              ],
            },
          ],
        },
      ],
    },
  },
  {
    code: "HRSS-PROOF",
    departmentCode: "HRSS",
    name: t("社会保险参保缴费证明", "Proof of social insurance contributions"),
    summary: t(
      "打印个人社会保险参保缴费证明，用于购房、购车、子女入学、落户等。在线申请即时出具，可通过电子印章验证真伪。",
      "Get proof of your social insurance contributions for buying a home or car, school places, household registration and more. It is issued straight away online and can be checked by its electronic seal.",
    ),
    applicantType: "natural",
    kind: "instant",
    // 秒批: a proof for one of the usual purposes is issued at once; "something else" is checked by a clerk first.
    instantCheck: {
      rule: { "!=": [{ var: "purpose" }, "other"] },
      reason: t("证明用途为“其他”，需工作人员核对后出具", "The proof is for another purpose, so a member of staff checks it before it is issued"),
    },
    legalLimitDays: 1,
    promisedLimitDays: 1,
    topic: "social-security",
    conditions: [t("本人在本市参加过社会保险", "You have been insured in this city")],
    materials: [
      material("本人居民身份证", "Your resident ID card", {
        note: t("已实名认证的在线办理无需提交", "Not needed online if you have verified your identity"),
      }),
    ],
    fees: free,
    legalBasis: [t("《中华人民共和国社会保险法》第七十四条", "Social Insurance Law of the People's Republic of China, Article 74")],
    licence: licenceTemplates.contributionsProof,
    form: singlePageForm(
      {
        key: "insured",
        title: t("参保人", "Insured person"),
        fields: [field.applicantName, field.applicantIdNumber],
      },
      {
        key: "proof",
        title: t("证明内容", "What the proof shows"),
        fields: [
          {
            key: "insuranceType",
            type: "select",
            label: t("险种", "Type of insurance"),
            required: true,
            options: [
              { value: "all", label: t("全部险种", "All types") },
              { value: "pension", label: t("企业职工基本养老保险", "Basic pension insurance for employees") },
              { value: "medical", label: t("职工基本医疗保险", "Basic medical insurance for employees") },
              { value: "unemployment", label: t("失业保险", "Unemployment insurance") },
              { value: "work-injury", label: t("工伤保险", "Work injury insurance") },
            ],
          },
          {
            key: "periodStart",
            type: "date",
            label: t("缴费起始日期", "From"),
            required: true,
            max: "today",
          },
          {
            key: "periodEnd",
            type: "date",
            label: t("缴费截止日期", "To"),
            required: true,
            max: "today",
          },
          {
            key: "purpose",
            type: "select",
            label: t("证明用途", "What you need it for"),
            required: true,
            options: [
              { value: "home-purchase", label: t("购房", "Buying a home") },
              { value: "car-purchase", label: t("购车", "Buying a car") },
              { value: "school-enrolment", label: t("子女入学", "A child's school place") },
              { value: "household-registration", label: t("落户", "Household registration") },
              { value: "other", label: t("其他", "Something else") },
            ],
          },
        ],
      },
    ),
  },
  {
    code: "HRSS-UNEMPLOYMENT-BENEFIT",
    departmentCode: "HRSS",
    name: t("失业保险金申领", "Claim unemployment benefit"),
    summary: t(
      "非因本人意愿失去工作、已参加失业保险满一年并办理失业登记的，可以申领失业保险金。",
      "If you lost your job through no choice of your own, paid into unemployment insurance for at least a year, and have registered as unemployed, you can claim unemployment benefit.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    topic: "social-security",
    conditions: [
      t("失业前用人单位和本人已经缴纳失业保险费满一年", "You and your employer paid unemployment insurance for at least one year before you lost your job"),
      t("非因本人意愿中断就业", "You did not choose to leave your job"),
      t("已经进行失业登记，并有求职要求", "You have registered as unemployed and are looking for work"),
    ],
    materials: [
      material("本人居民身份证", "Your resident ID card"),
      material("用人单位出具的终止或者解除劳动关系的证明", "Letter from your employer ending your employment"),
      material("本人社会保障卡或者银行账户信息", "Your social security card or bank account details"),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国社会保险法》第四十五条、第五十条", "Social Insurance Law of the People's Republic of China, Articles 45 and 50"),
      t("《失业保险条例》", "Regulations on Unemployment Insurance"),
    ],
    form: singlePageForm(
      {
        key: "applicant",
        title: t("申请人", "About you"),
        fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
      {
        key: "lastJob",
        title: t("最后一份工作", "Your last job"),
        fields: [
          {
            key: "lastEmployerName",
            type: "text",
            label: t("原工作单位名称", "Employer's name"),
            required: true,
            maxLength: 100,
          },
          {
            key: "employmentEndDate",
            type: "date",
            label: t("劳动关系终止或者解除日期", "Date your employment ended"),
            required: true,
            max: "today",
          },
          {
            key: "separationReason",
            type: "select",
            label: t("离职原因", "Why your job ended"),
            required: true,
            options: [
              { value: "contract-expired", label: t("劳动合同期满终止", "Your contract came to an end") },
              { value: "dismissed-by-employer", label: t("用人单位解除劳动合同", "Your employer ended your contract") },
              { value: "employer-closed", label: t("用人单位依法破产、撤销、解散或者关闭", "The employer went bankrupt or closed") },
              { value: "resigned-for-cause", label: t("因用人单位过错本人解除劳动合同", "You left because of the employer's breach, such as unpaid wages") },
            ],
          },
        ],
      },
    ),
  },
  {
    code: "TAX-INVOICE",
    departmentCode: "TAX",
    name: t("发票领用", "Get invoices for your business"),
    summary: t(
      "新办纳税人首次领用发票，或者已领用发票的纳税人调整发票种类、数量。税务机关根据经营范围、规模和风险等级确认领用的发票种类和数量。",
      "Get invoices for the first time, or change the type or number of invoices you use. The tax bureau decides which invoices and how many based on your business's activities, size and risk level.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "tax",
    conditions: [
      t("已办理设立登记和涉税信息确认", "Your business is registered and its tax details are confirmed"),
      t("办税人员已完成实名认证", "The person handling tax for the business has verified their identity"),
      t("领用纸质发票的，已刻制发票专用章", "For paper invoices: you have an invoice seal"),
    ],
    materials: [
      material("营业执照", "Business licence", {
        note: t("已有电子营业执照的可直接调用", "Your electronic business licence is used if you have one"),
      }),
      material("经办人身份证明", "ID of the person applying"),
      material("发票专用章印模", "Impression of the invoice seal", {
        required: false,
        note: t("领用纸质发票的提交", "Only for paper invoices"),
      }),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国发票管理办法》第十五条", "Measures of the People's Republic of China for the Administration of Invoices, Article 15"),
      t("《中华人民共和国发票管理办法实施细则》", "Detailed Rules for the Implementation of the Measures for the Administration of Invoices"),
    ],
    form: singlePageForm(
      {
        key: "taxpayer",
        title: t("纳税人", "Taxpayer"),
        fields: [field.enterpriseName, field.unifiedSocialCreditCode],
      },
      {
        key: "invoices",
        title: t("领用发票", "Invoices"),
        fields: [
          {
            key: "invoiceType",
            type: "select",
            label: t("发票种类", "Type of invoice"),
            required: true,
            options: [
              { value: "digital-general", label: t("数电发票（普通发票）", "Fully digital invoice (general VAT invoice)") },
              { value: "digital-special", label: t("数电发票（增值税专用发票）", "Fully digital invoice (special VAT invoice)") },
              { value: "paper-general", label: t("纸质增值税普通发票", "Paper general VAT invoice") },
              { value: "paper-special", label: t("纸质增值税专用发票", "Paper special VAT invoice") },
            ],
          },
          {
            key: "monthlyQuantity",
            type: "number",
            label: t("每月领用数量", "Invoices needed each month"),
            required: true,
            min: 1,
            max: 10000,
            integer: true,
            unit: t("份", "invoices"),
            showWhen: { in: [{ var: "invoiceType" }, ["paper-general", "paper-special"]] },
          },
          {
            key: "collectionMethod",
            type: "select",
            label: t("领取方式", "How to get paper invoices"),
            required: true,
            options: [
              { value: "post", label: t("邮寄", "Post them to us") },
              { value: "tax-office", label: t("到办税服务厅领取", "Collect from a tax service hall") },
            ],
            showWhen: { in: [{ var: "invoiceType" }, ["paper-general", "paper-special"]] },
          },
        ],
      },
      {
        key: "taxOfficer",
        title: t("办税人员", "Person handling tax"),
        fields: [
          { ...field.applicantName, label: t("办税人员姓名", "Full name") },
          { ...field.applicantIdNumber, label: t("办税人员公民身份号码", "Resident ID number") },
          field.applicantMobile,
        ],
      },
    ),
  },
  {
    code: "POLICE-RESIDENCE-PERMIT",
    departmentCode: "POLICE",
    name: t("居住证申领", "Apply for a residence permit"),
    summary: t(
      "户籍不在本市、在本市居住半年以上，并有稳定就业、稳定住所或者连续就读的，可以申领居住证，按规定享受本市基本公共服务。",
      "If your household registration is elsewhere and you have lived in this city for at least six months with a steady job, a stable home or a school place, you can apply for a residence permit and use the city's basic public services.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 15,
    promisedLimitDays: 7,
    topic: "residence",
    conditions: [
      t("常住户口不在本市，已在本市居住半年以上", "Your household registration is outside this city and you have lived here for at least six months"),
      t("有合法稳定就业、合法稳定住所、连续就读三项条件之一", "You have a steady legal job, a stable legal home, or are studying here continuously"),
      t("已在居住地办理居住登记", "You have registered your address with the local police station"),
    ],
    materials: [
      material("本人居民身份证", "Your resident ID card"),
      material("近期免冠证件照片", "Recent passport-style photo", {
        note: t("可调用公安部门的证件照", "Your ID card photo can be used"),
      }),
      material("居住地住址证明", "Proof of your address in this city", {
        note: t("房屋产权证明、租赁合同或者单位宿舍证明等", "Property certificate, lease, or proof of employer housing"),
      }),
      material("就业或者就读证明", "Proof of your job or studies", {
        required: false,
        note: t("以就业或者就读为条件申领的提交", "If you apply on the basis of a job or studies"),
      }),
    ],
    fees: t(
      "首次申领免收证件工本费；换领、补领按规定缴纳工本费",
      "Free the first time; a fee is charged to renew or replace a permit",
    ),
    legalBasis: [t("《居住证暂行条例》第二条", "Interim Regulations on Residence Permits, Article 2")],
    licence: licenceTemplates.residencePermit,
    form: singlePageForm(
      {
        key: "applicant",
        title: t("申请人", "About you"),
        fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
      {
        key: "residence",
        title: t("在本市居住情况", "Living in this city"),
        fields: [
          {
            key: "residenceAddress",
            type: "text",
            label: t("本市居住地址", "Your address in this city"),
            required: true,
            maxLength: 200,
          },
          {
            key: "residenceSince",
            type: "date",
            label: t("开始在本市居住的日期", "Date you started living here"),
            required: true,
            max: "today",
          },
          {
            key: "eligibilityBasis",
            type: "select",
            label: t("申领条件", "You are applying because you have"),
            required: true,
            options: [
              { value: "employment", label: t("合法稳定就业", "A steady job") },
              { value: "residence", label: t("合法稳定住所", "A stable home") },
              { value: "study", label: t("连续就读", "A school or university place") },
            ],
          },
          {
            key: "employerName",
            type: "text",
            label: t("工作单位名称", "Employer's name"),
            required: true,
            maxLength: 100,
            showWhen: { "==": [{ var: "eligibilityBasis" }, "employment"] },
          },
          {
            key: "schoolName",
            type: "text",
            label: t("就读学校名称", "School or university name"),
            required: true,
            maxLength: 100,
            showWhen: { "==": [{ var: "eligibilityBasis" }, "study"] },
          },
        ],
      },
    ),
  },
  {
    code: "HEALTH-PUBLIC-PLACE",
    departmentCode: "HEALTH",
    name: t("公共场所卫生许可", "Hygiene licence for a public venue"),
    summary: t(
      "开办宾馆、旅店、公共浴室、理发店、美容店、游泳场馆等公共场所，营业前需要取得卫生许可证。",
      "You need a hygiene licence before you open a hotel, guest house, public bath, hair salon, beauty salon, swimming pool or similar venue.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    topic: "health",
    conditions: [
      t("已经取得营业执照", "You have a business licence"),
      t("场所选址、布局、设施符合公共场所卫生标准和卫生规范", "The location, layout and equipment meet public venue hygiene standards"),
      t("有健全的卫生管理制度，配备专职或者兼职卫生管理人员", "You have hygiene procedures and a full-time or part-time person in charge of hygiene"),
      t("直接为顾客服务的从业人员持有有效健康合格证明", "Staff who serve customers directly have valid health certificates"),
    ],
    materials: [
      material("公共场所卫生许可申请表", "Public venue hygiene licence application form", {
        note: t("在线填写表单后自动生成", "Created from this online form"),
      }),
      material("营业执照", "Business licence"),
      material("场所平面布局图和卫生设施设备清单", "Floor plan of the venue and list of hygiene equipment"),
      material("卫生管理制度", "Your hygiene procedures"),
      material("公共场所卫生检测或者评价报告", "Hygiene test or assessment report for the venue"),
      material("从业人员健康合格证明", "Health certificates for staff who serve customers"),
    ],
    fees: free,
    legalBasis: [
      t("《公共场所卫生管理条例》第八条", "Regulations on Hygiene Management in Public Places, Article 8"),
      t("《公共场所卫生管理条例实施细则》", "Detailed Rules for the Implementation of the Regulations on Hygiene Management in Public Places"),
    ],
    licence: licenceTemplates.publicPlaceHygiene,
    form: singlePageForm(
      {
        key: "venue",
        title: t("场所信息", "About the venue"),
        fields: [
          { ...field.shopName, label: t("场所名称", "Venue name") },
          field.unifiedSocialCreditCode,
          field.businessAddress,
          {
            key: "publicPlaceType",
            type: "select",
            label: t("场所类别", "Type of venue"),
            required: true,
            options: [
              { value: "hotel", label: t("宾馆、旅店、招待所", "Hotel or guest house") },
              { value: "bathhouse", label: t("公共浴室", "Public bath") },
              { value: "hair-salon", label: t("理发店", "Hair salon") },
              { value: "beauty-salon", label: t("美容店", "Beauty salon") },
              { value: "swimming-pool", label: t("游泳场（馆）", "Swimming pool") },
            ],
          },
          field.businessArea,
          {
            key: "certifiedStaffCount",
            type: "number",
            label: t("持健康合格证明的从业人员人数", "Number of staff with health certificates"),
            required: true,
            min: 1,
            max: 10000,
            integer: true,
          },
        ],
      },
      {
        key: "contact",
        title: t("负责人", "Person in charge"),
        fields: [field.legalRepresentativeName, field.applicantMobile],
      },
    ),
  },
  {
    code: "MEDINS-REMOTE-CARE",
    departmentCode: "MEDINS",
    name: t("异地就医备案", "Register for medical treatment in another city"),
    summary: t(
      "长期在外地居住、工作，或者需要到外地看病的参保人员，备案后可在就医地的定点医疗机构直接结算医疗费用。",
      "If you live or work in another city, or need treatment there, register first so your medical bills can be settled directly at approved hospitals there.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "health",
    conditions: [
      t("在本市参加基本医疗保险且参保状态正常", "You are currently insured under this city's basic medical insurance"),
      t("属于异地长期居住、常驻异地工作、异地转诊就医或者临时外出就医情形之一", "You live or work long-term in another city, have been referred there, or need treatment while away"),
    ],
    materials: [
      material("本人居民身份证或者社会保障卡", "Your resident ID card or social security card", {
        note: t("已实名认证的在线办理无需提交", "Not needed online if you have verified your identity"),
      }),
      material("异地长期居住或者工作的证明", "Proof you live or work in the other city", {
        required: false,
        note: t("可用个人承诺代替", "A signed personal statement is accepted instead"),
      }),
      material("转诊证明", "Referral letter", {
        required: false,
        note: t("异地转诊就医的提交", "Only if you have been referred"),
      }),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国社会保险法》第二十九条", "Social Insurance Law of the People's Republic of China, Article 29"),
      t(
        "《国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）",
        "Notice of the National Healthcare Security Administration and the Ministry of Finance on Further Improving Direct Settlement of Cross-Provincial Medical Treatment (Yi Bao Fa [2022] No. 22)",
      ),
    ],
    form: singlePageForm(
      {
        key: "insured",
        title: t("参保人", "Insured person"),
        fields: [
          field.applicantName,
          field.applicantIdNumber,
          field.applicantMobile,
          {
            key: "insuranceScheme",
            type: "select",
            label: t("参保险种", "Your insurance scheme"),
            required: true,
            options: [
              { value: "employee", label: t("职工基本医疗保险", "Basic medical insurance for employees") },
              { value: "resident", label: t("城乡居民基本医疗保险", "Basic medical insurance for residents") },
            ],
          },
        ],
      },
      {
        key: "filing",
        title: t("备案信息", "Where and why"),
        fields: [
          {
            key: "filingReason",
            type: "select",
            label: t("备案类型", "Reason"),
            required: true,
            options: [
              { value: "long-term-residence", label: t("异地长期居住", "I live in another city long-term") },
              { value: "posted-work", label: t("常驻异地工作", "I work in another city long-term") },
              { value: "referral", label: t("异地转诊就医", "I have been referred to a hospital there") },
              { value: "temporary", label: t("临时外出就医", "I need treatment while away") },
            ],
          },
          {
            key: "destination",
            type: "text",
            label: t("就医地（省、市）", "Province and city where you will be treated"),
            required: true,
            maxLength: 100,
          },
          {
            key: "filingStartDate",
            type: "date",
            label: t("备案开始日期", "Start date"),
            required: true,
            min: "today",
          },
        ],
      },
    ),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Bundles
// ---------------------------------------------------------------------------------------------------------------

/** Above this floor area the restaurant bundle also files an environmental impact registration form. */
export const restaurantEnvironmentAreaThreshold = 500;

export const bundles: TSeedBundle[] = [
  {
    code: "BUNDLE-RESTAURANT",
    name: t("开办餐饮店一件事", "Open a restaurant"),
    summary: t(
      "填一张表、交一套材料，同时办理食品经营许可和消防安全检查；设置户外招牌的一并办理招牌设置，经营面积超过500平方米的一并办理环境影响登记表备案。",
      "Fill in one form and send one set of documents to get your food business licence and fire safety inspection together. If you will have an outside sign, or your premises are over 500 m², the sign permission and environmental filing are included too.",
    ),
    applicantType: "legal",
    topic: "business",
    items: [
      // Every applicant of this bundle opens a restaurant: the kind of business and venue is settled by the bundle.
      { serviceCode: "AMR-FOOD-LICENCE", appliesWhen: null, excludeFields: ["businessType"] },
      { serviceCode: "FIRE-SAFETY-CHECK", appliesWhen: null, excludeFields: ["venueType"] },
      { serviceCode: "URBAN-OUTDOOR-SIGN", appliesWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
      {
        serviceCode: "ENV-EIA-FILING",
        appliesWhen: { ">": [{ var: "businessArea" }, restaurantEnvironmentAreaThreshold] },
        excludeFields: ["projectCategory"],
      },
    ],
    form: {
      schemaVersion: 1,
      pages: [
        {
          key: "restaurant",
          title: t("您的餐饮店", "Your restaurant"),
          sections: [
            {
              key: "shop",
              title: t("店铺", "The shop"),
              fields: [
                field.shopName,
                field.unifiedSocialCreditCode,
                field.businessAddress,
                field.businessArea,
                field.seats,
                field.mainFoodCategory,
              ],
            },
            { key: "outdoorSign", title: t("户外招牌", "Outside sign"), fields: [field.hasOutdoorSign] },
          ],
        },
      ],
    },
  },
  {
    code: "BUNDLE-NEWBORN",
    name: t("新生儿出生一件事", "Register a new baby"),
    summary: t(
      "宝宝出生后填一张表，同时办理出生医学证明、出生登记（上户口）、城乡居民医保参保登记和社会保障卡申领，不用再跑医院、派出所、医保和社保窗口。",
      "After your baby is born, fill in one form to get the birth medical certificate, register the birth in the household register, enrol your baby in medical insurance and apply for a social security card, without visiting the hospital, police station and insurance offices one by one.",
    ),
    applicantType: "natural",
    topic: "family",
    items: [
      { serviceCode: "HEALTH-BIRTH-CERT", appliesWhen: null },
      // The birth medical certificate is issued by the hospital (HEALTH) in this same bundle.
      // The police register the birth once the birth medical certificate is issued.
      { serviceCode: "POLICE-BIRTH-REG", appliesWhen: null, excludeFields: ["birthCertificateNumber"], dependsOn: ["HEALTH-BIRTH-CERT"] },
      // The baby's resident ID number is given by the police registration in this same bundle, so both wait for it.
      { serviceCode: "MEDINS-NEWBORN-ENROL", appliesWhen: null, excludeFields: ["babyIdNumber"], dependsOn: ["POLICE-BIRTH-REG"] },
      {
        serviceCode: "HRSS-SSCARD",
        appliesWhen: null,
        dependsOn: ["POLICE-BIRTH-REG"],
        // The card is for the baby (a child), applied for by the parent filling this form: the baby's name is
        // asked above, its ID number and household register entry come from the police registration.
        excludeFields: ["cardholderIsMinor", "cardholderName", "cardholderIdNumber", "childName", "childIdNumber", "guardianName", "householdRegister"],
      },
    ],
    form: {
      schemaVersion: 1,
      pages: [
        {
          key: "family",
          title: t("宝宝和父母", "Your baby and the parents"),
          sections: [
            {
              key: "baby",
              title: t("宝宝信息", "About the baby"),
              fields: [field.babyName, field.babySex, field.babyBirthDate, field.birthHospital],
            },
            {
              key: "parents",
              title: t("父母信息", "About the parents"),
              fields: [field.motherName, field.motherIdNumber, field.fatherName, field.fatherIdNumber],
            },
            {
              key: "household",
              title: t("落户", "Household registration"),
              fields: [field.householdOf, field.householdAddress],
            },
            {
              key: "applicant",
              title: t("申请人", "You, the applicant"),
              fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
            },
          ],
        },
      ],
    },
  },
];
