/**
 * The first version of a new service's form starts from this: one page, one section, one optional question, valid
 * under the meta-schema, for the admin to rewrite in the definition editor before publishing it.
 */
import type { TFormDefinitionInput } from "./definition";

export const starterServiceDefinition: TFormDefinitionInput = {
  schemaVersion: 1,
  pages: [
    {
      key: "application",
      title: { "zh-Hans": "申请信息", "zh-Hant": "申請資訊", en: "Your application" },
      sections: [
        {
          key: "application",
          fields: [{ key: "remarks", type: "text", label: { "zh-Hans": "备注", "zh-Hant": "備註", en: "Remarks" }, required: false, maxLength: 200 }],
        },
      ],
    },
  ],
};
