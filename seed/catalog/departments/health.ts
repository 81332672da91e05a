/** 卫生健康委员会 (Health Commission): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { licenceTemplates } from "@/seed/catalog/licence-templates";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "HEALTH", name: t("卫生健康委员会", "Health Commission"), shortName: t("卫生健康", "Health"), ...municipalRemedies };

export const services: TSeedService[] = [
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
];
