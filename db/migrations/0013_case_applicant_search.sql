ALTER TABLE "cases" ADD COLUMN "applicant_search" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "applicant_id_tail" text;--> statement-breakpoint
-- Cases stored before these columns: the last four characters of the company's credit code, else of the applicant's
-- ID number. Their search text needs pinyin, which SQL cannot make: scripts/setup.ts fills it in
-- (server/cases/backfill-applicant-search.ts) for every case whose applicant_search is still null.
UPDATE "cases" SET "applicant_id_tail" = upper(right(coalesce(
	(SELECT "uscc" FROM "companies" WHERE "companies"."id" = "cases"."company_id"),
	(SELECT "resident_id_number" FROM "users" WHERE "users"."id" = "cases"."applicant_id")
), 4));
