-- The two-character pieces of a search text, for the desk search's GIN index (db/schema/cases.ts): each distinct
-- pair of adjacent characters. Immutable, so it can be indexed; written here, as drizzle models no functions.
CREATE OR REPLACE FUNCTION applicant_search_bigrams(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT coalesce(array_agg(DISTINCT substr($1, i, 2)), '{}') FROM generate_series(1, char_length($1) - 1) AS i $$;--> statement-breakpoint
DROP INDEX "licences_holder_user_idx";--> statement-breakpoint
DROP INDEX "licences_holder_company_idx";--> statement-breakpoint
CREATE INDEX "cases_applicant_search_bigrams_idx" ON "cases" USING gin (applicant_search_bigrams("applicant_search"));--> statement-breakpoint
CREATE INDEX "cases_number_prefix_idx" ON "cases" USING btree ("number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_applicant_id_tail_idx" ON "cases" USING btree ("applicant_id_tail");--> statement-breakpoint
CREATE INDEX "tasks_mine_idx" ON "tasks" USING btree ("assignee_id","due_date","id") WHERE "tasks"."assignee_id" is not null and "tasks"."status" in ('pending', 'waiting', 'accepted', 'supplement-requested', 'supplement-received');--> statement-breakpoint
CREATE INDEX "tasks_running_queue_idx" ON "tasks" USING btree ("department_id","due_date","id") WHERE "tasks"."status" in ('waiting', 'accepted', 'supplement-received');--> statement-breakpoint
CREATE INDEX "tasks_department_due_idx" ON "tasks" USING btree ("department_id","due_date","id");--> statement-breakpoint
CREATE INDEX "licences_holder_user_idx" ON "licences" USING btree ("holder_user_id","signed_at","id");--> statement-breakpoint
CREATE INDEX "licences_holder_company_idx" ON "licences" USING btree ("holder_company_id","signed_at","id");