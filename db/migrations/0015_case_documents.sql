CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"reason" text,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_id" uuid,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_documents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "document_number_counters" (
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "document_number_counters_department_id_year_pk" PRIMARY KEY("department_id","year")
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "review_body" jsonb;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "court" jsonb;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "review_body" jsonb;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "court" jsonb;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_key_id_licence_signing_keys_key_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."licence_signing_keys"("key_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_number_counters" ADD CONSTRAINT "document_number_counters_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_department_sequence_idx" ON "case_documents" USING btree ("department_id","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_task_kind_idx" ON "case_documents" USING btree ("task_id","kind") WHERE "case_documents"."kind" <> 'supplement-notice';