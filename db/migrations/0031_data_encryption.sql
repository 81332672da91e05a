CREATE TABLE "data_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_resident_id_number_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "resident_id_index" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_resident_id_index_idx" ON "users" USING btree ("resident_id_index") WHERE "users"."resident_id_index" is not null;--> statement-breakpoint
-- Every writer of an ID number writes its blind index with it (server/data-protection/personal-number-columns.ts).
-- NOT VALID: rows stored before sealing get their index from setup's first sealing pass, right after this migration.
ALTER TABLE "users" ADD CONSTRAINT "users_resident_id_indexed" CHECK (("resident_id_number" IS NULL) = ("resident_id_index" IS NULL)) NOT VALID;
