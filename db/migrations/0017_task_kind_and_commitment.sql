ALTER TABLE "tasks" ADD COLUMN "kind" text DEFAULT 'review' NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "commitment" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_inspection_idx" ON "tasks" USING btree ("case_id","service_id") WHERE "tasks"."kind" = 'inspection';