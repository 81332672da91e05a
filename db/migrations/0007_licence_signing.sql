CREATE SEQUENCE "public"."licence_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "licence_signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"algorithm" text DEFAULT 'Ed25519' NOT NULL,
	"public_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "licence_template" jsonb;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "holder_name" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "holder_id_number" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "holder_uscc" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "issuer_code" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "issuer_name" jsonb;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "data_fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "revoked_by_id" uuid;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
-- Licences stored before signing existed (the demo seed's) take their printed holder and issuer from the rows they
-- point at; scripts/setup.ts then signs them (server/licences/sign-unsigned-licences.ts).
UPDATE "licences" SET "holder_name" = "users"."display_name", "holder_id_number" = "users"."resident_id_number" FROM "users" WHERE "users"."id" = "licences"."holder_user_id";--> statement-breakpoint
UPDATE "licences" SET "holder_name" = "companies"."name", "holder_uscc" = "companies"."uscc" FROM "companies" WHERE "companies"."id" = "licences"."holder_company_id";--> statement-breakpoint
UPDATE "licences" SET "issuer_code" = "departments"."code", "issuer_name" = "departments"."name" FROM "departments" WHERE "departments"."id" = "licences"."issuing_department_id";--> statement-breakpoint
UPDATE "licences" SET "signed_at" = "created_at", "holder_name" = coalesce("holder_name", '');--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "holder_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "issuer_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "issuer_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "signed_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_key_id_licence_signing_keys_key_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."licence_signing_keys"("key_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "licences_task_idx" ON "licences" USING btree ("task_id") WHERE "licences"."task_id" is not null;--> statement-breakpoint
CREATE INDEX "licences_issuer_idx" ON "licences" USING btree ("issuing_department_id","signed_at");