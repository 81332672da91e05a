/** 城市管理局 (Urban Management Bureau): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { licenceTemplates } from "@/seed/catalog/licence-templates";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "URBAN", name: t("城市管理局", "Urban Management Bureau"), shortName: t("城管", "Urban Management"), ...municipalRemedies };

export const services: TSeedService[] = [
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
];
