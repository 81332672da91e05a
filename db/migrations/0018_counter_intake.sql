ALTER TABLE "users" ALTER COLUMN "username" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "filed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "filed_for_user_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "recorded_by_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "recorded_by_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_filed_by_id_users_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_filed_for_user_id_users_id_fk" FOREIGN KEY ("filed_for_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_filed_by_idx" ON "cases" USING btree ("filed_by_id","submitted_at") WHERE "cases"."filed_by_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_resident_id_number_idx" ON "users" USING btree ("resident_id_number") WHERE "users"."resident_id_number" is not null;