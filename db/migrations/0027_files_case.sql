ALTER TABLE "files" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_unattached_idx" ON "files" USING btree ("created_at") WHERE "files"."case_id" is null;--> statement-breakpoint
-- Files already named by a case's answers, or by a supplement sent for one, are attached to that case (one pass over
-- each table), so that only true orphans are ever purged.
UPDATE "files" AS f SET "case_id" = named."case_id" FROM (
	SELECT DISTINCT ON (refs."file_id") refs."file_id", refs."case_id" FROM (
		SELECT c."id" AS "case_id", (item->>'fileId')::uuid AS "file_id"
		FROM "cases" AS c, jsonb_each(c."answers") AS answer(key, value),
			jsonb_array_elements(CASE WHEN jsonb_typeof(answer.value) = 'array' THEN answer.value ELSE '[]'::jsonb END) AS item
		WHERE jsonb_typeof(item) = 'object' AND item->>'kind' = 'file' AND item->>'fileId' ~ '^[0-9a-fA-F-]{36}$'
		UNION ALL
		SELECT s."case_id", (item->>'fileId')::uuid
		FROM "supplement_requests" AS s, jsonb_each(s."answers") AS answer(key, value),
			jsonb_array_elements(CASE WHEN jsonb_typeof(answer.value) = 'array' THEN answer.value ELSE '[]'::jsonb END) AS item
		WHERE s."status" = 'answered' AND jsonb_typeof(s."answers") = 'object' AND jsonb_typeof(item) = 'object' AND item->>'kind' = 'file' AND item->>'fileId' ~ '^[0-9a-fA-F-]{36}$'
	) AS refs
) AS named
WHERE f."id" = named."file_id" AND f."case_id" IS NULL;
