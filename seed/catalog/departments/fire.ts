/** 消防救援支队 (Fire and Rescue Detachment): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { licenceTemplates } from "@/seed/catalog/licence-templates";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "FIRE", name: t("消防救援支队", "Fire and Rescue Detachment"), shortName: t("消防救援", "Fire and Rescue"), ...municipalRemedies };

export const services: TSeedService[] = [
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
    // Fire and rescue is run vertically: the detachment's inspection decisions are reviewed one level up.
    reviewBody: t("省消防救援总队", "the Provincial Fire and Rescue Corps"),
    licence: licenceTemplates.fireSafety,
    // 公众聚集场所投入使用、营业前消防安全检查 on commitment: approved at once, the venue inspected within 20 working days.
    commitment: { field: "useCommitment", value: true, inspectionDays: 20 },
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
];
