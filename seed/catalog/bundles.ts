/** The seeded bundles (一件事): several departments' services as one application with one form. */
import type { TSeedBundle } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { field } from "@/seed/catalog/shared-fields";

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
