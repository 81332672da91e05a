CREATE TABLE "service_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"guide" jsonb NOT NULL,
	"published_by_id" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_versions_service_version_key" UNIQUE("service_id","version")
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "hours" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "published_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "draft" jsonb;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "draft_saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: the services a deployment already has were published by its seed; each becomes version 1, its
-- guide kept in service_versions as the admin's versions are (server/services/service-guide.ts, guideOf).
UPDATE "services" SET "published_version" = 1;--> statement-breakpoint
INSERT INTO "service_versions" ("service_id", "version", "guide", "published_at")
SELECT "id", 1, jsonb_build_object(
  'name', "name", 'summary', "summary", 'topic', "topic", 'conditions', "conditions", 'materials', "materials",
  'fees', "fees", 'legalBasis', "legal_basis", 'legalLimitDays', "legal_limit_days",
  'promisedLimitDays', "promised_limit_days", 'address', "address", 'hours', "hours", 'phone', "phone", 'steps', "steps"
), "created_at" FROM "services";
