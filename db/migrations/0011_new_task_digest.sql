ALTER TABLE "tasks" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "new_tasks_told_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tasks_unannounced_idx" ON "tasks" USING btree ("department_id") WHERE "tasks"."announced_at" is null and "tasks"."assignee_id" is null and "tasks"."status" = 'waiting';--> statement-breakpoint
-- Tasks already in a queue before this migration are not news: only tasks that reach a queue from now on are counted.
UPDATE "tasks" SET "announced_at" = "created_at" WHERE "status" <> 'pending';
