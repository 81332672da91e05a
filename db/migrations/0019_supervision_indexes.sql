CREATE INDEX "tasks_ready_on_idx" ON "tasks" USING btree ("ready_on") WHERE "tasks"."ready_on" is not null;--> statement-breakpoint
CREATE INDEX "tasks_decided_at_idx" ON "tasks" USING btree ("decided_at") WHERE "tasks"."decided_at" is not null;--> statement-breakpoint
CREATE INDEX "tasks_due_date_idx" ON "tasks" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "tasks_running_due_idx" ON "tasks" USING btree ("due_date") WHERE "tasks"."status" in ('waiting', 'accepted', 'supplement-received');--> statement-breakpoint
CREATE INDEX "tasks_extension_decided_idx" ON "tasks" USING btree ("extension_decided_at") WHERE "tasks"."extension_decided_at" is not null;--> statement-breakpoint
CREATE INDEX "ratings_created_at_idx" ON "ratings" USING btree ("created_at");