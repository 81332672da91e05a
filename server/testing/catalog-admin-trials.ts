/**
 * The trials (action-trials.ts) of the catalog's administration: services and their guides, reason templates, and
 * bundles with their routing rules. A created record's code is whatever the form posted, once upper-cased (the
 * hostile-input test may post any code the catalog accepts), so success matches any code.
 */
import type { TActionTrial } from "./action-trials";
import { redirectsTo } from "./trial-outcomes";

export const catalogAdminTrials: Record<string, TActionTrial> = {
  "/admin/services/new#createServiceAction": {
    state: true,
    fields: ({ department }) => ({ code: "AMR-NEW-TRIAL", nameZhHans: "新事项", nameZhHant: "新事項", nameEn: "New service", departmentId: department.id, applicantType: "legal", kind: "promised" }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/services\/[A-Z0-9-]+\?saved=created$/),
  },
  "/admin/services/[code]#saveServiceDraftAction": {
    bound: ({ service }) => [service.editCode],
    state: true,
    fields: ({ service }) => service.fields,
    actor: "admin",
    succeeded: redirectsTo(/\?saved=draft$/),
  },
  "/admin/services/[code]#saveServiceDecisionsAction": {
    bound: ({ service }) => [service.decisionsCode],
    state: true,
    fields: ({ service }) => service.decisionsFields,
    actor: "admin",
    succeeded: redirectsTo(/\?saved=draft$/),
  },
  "/admin/services/[code]#publishServiceDraftAction": {
    bound: ({ service }) => [service.publishCode],
    fields: () => ({}),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=published&version=2$/),
  },
  "/admin/services/[code]#discardServiceDraftAction": {
    bound: ({ service }) => [service.discardCode],
    fields: () => ({}),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=discarded$/),
  },
  "/admin/services/[code]#setServiceRetiredAction": {
    bound: ({ service }) => [service.retireCode],
    fields: () => ({ retired: "1" }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=retired$/),
  },
  "/admin/reasons#addReasonTemplateAction": {
    state: true,
    fields: () => ({ serviceCode: "HRSS-PROOF", decision: "refuse", textZhHans: "申请人未参保。", textZhHant: "申請人未參保。", textEn: "The applicant is not insured." }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/reasons\?service=HRSS-PROOF&saved=added#reasons-refuse$/),
  },
  "/admin/reasons#moveReasonTemplateAction": {
    fields: ({ reasonTemplate }) => ({ templateId: reasonTemplate.id, direction: "down" }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/reasons\?service=HRSS-PROOF&saved=moved$/),
  },
  "/admin/reasons#removeReasonTemplateAction": {
    fields: ({ reasonTemplate }) => ({ templateId: reasonTemplate.id }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/reasons\?service=HRSS-PROOF&saved=removed$/),
  },
  "/admin/reasons/[id]#editReasonTemplateAction": {
    bound: ({ reasonTemplate }) => [reasonTemplate.id],
    state: true,
    fields: () => ({ textZhHans: "申请事项依法不需要办理。", textZhHant: "申請事項依法不需要辦理。", textEn: "This needs no application by law." }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/reasons\?service=HRSS-PROOF&saved=edited$/),
  },
  "/admin/bundles#createBundleAction": {
    state: true,
    fields: () => ({ code: "BUNDLE-CAFE", nameZhHans: "开咖啡馆一件事", nameZhHant: "開咖啡館一件事", nameEn: "Open a café", summaryZhHans: "一次办好", summaryZhHant: "一次辦好", summaryEn: "All at once", applicantType: "legal", topic: "business" }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/bundles\/BUNDLE-[A-Z0-9-]+\?saved=created$/),
  },
  "/admin/bundles/[code]#addBundleItemAction": {
    bound: ({ bundle }) => [bundle.code],
    state: true,
    fields: ({ bundle }) => ({ service: bundle.candidate, rule: bundle.rule }),
    actor: "admin",
    succeeded: redirectsTo(/^\/admin\/bundles\/BUNDLE-NEWBORN\/items\/[A-Z-]+\?saved=added$/),
  },
  "/admin/bundles/[code]#removeBundleItemAction": {
    bound: ({ bundle }) => [bundle.code],
    fields: ({ bundle }) => ({ service: bundle.removable }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=removed$/),
  },
  "/admin/bundles/[code]#moveBundleItemAction": {
    bound: ({ bundle }) => [bundle.code],
    fields: ({ bundle }) => ({ service: bundle.removable, direction: "up" }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=moved$/),
  },
  "/admin/bundles/[code]#retireBundleAction": {
    bound: ({ spareBundle }) => [spareBundle.code],
    fields: () => ({}),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=retired$/),
  },
  "/admin/bundles/[code]/items/[service]#bundleItemEditorAction": {
    bound: ({ bundle }) => [bundle.code, bundle.item],
    state: true,
    fields: ({ bundle }) => ({ intent: "save", rule: bundle.rule, answers: "{}", dependsOn: bundle.itemDependsOn, excludeFields: bundle.itemExcludeFields }),
    actor: "admin",
    succeeded: redirectsTo(/\?saved=edited$/),
  },
};
