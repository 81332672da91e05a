/**
 * The catalog's topics (主题): a fixed list, because each has a translated name in messages/ (catalog.topics) and
 * the catalog's topic filter offers them. A new topic is a code change with its three names.
 */
export const serviceTopics = ["business", "family", "social-security", "health", "residence", "environment", "tax", "urban"] as const;
export type TServiceTopic = (typeof serviceTopics)[number];

export function isServiceTopic(value: unknown): value is TServiceTopic {
  return typeof value === "string" && (serviceTopics as readonly string[]).includes(value);
}
