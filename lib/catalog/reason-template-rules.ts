/**
 * How long a reason template (常用理由) may be, in each language: well inside the clerk's reason box (1000
 * characters, server/workflow/decide-task.ts), so a template always fits it with room for the clerk's own words.
 */
export const REASON_TEMPLATE_MAX = 500;
