/** 税务局 (Tax Bureau): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "TAX", name: t("税务局", "Tax Bureau"), shortName: t("税务", "Tax"), reviewBody: t("上一级税务局", "the tax bureau one level up"), court: municipalRemedies.court };

export const services: TSeedService[] = [
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
];
