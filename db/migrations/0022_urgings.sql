CREATE TABLE "urgings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid,
	"follow_up_id" uuid,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"sent_by_id" uuid NOT NULL,
	"message" text NOT NULL,
	"deadline" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "urgings_one_subject" CHECK (("urgings"."task_id" is null) <> ("urgings"."follow_up_id" is null)),
	CONSTRAINT "urgings_answered" CHECK (("urgings"."answered_at" is null) = ("urgings"."answer" is null) and ("urgings"."answered_at" is null) = ("urgings"."answered_by_id" is null)),
	CONSTRAINT "urgings_message_length" CHECK (char_length("urgings"."message") between 1 and 500),
	CONSTRAINT "urgings_answer_length" CHECK ("urgings"."answer" is null or char_length("urgings"."answer") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "urgings" ADD CONSTRAINT "urgings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgings" ADD CONSTRAINT "urgings_follow_up_id_rating_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."rating_follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgings" ADD CONSTRAINT "urgings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgings" ADD CONSTRAINT "urgings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgings" ADD CONSTRAINT "urgings_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgings" ADD CONSTRAINT "urgings_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "urgings_open_task_idx" ON "urgings" USING btree ("task_id") WHERE "urgings"."answered_at" is null and "urgings"."task_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "urgings_open_follow_up_idx" ON "urgings" USING btree ("follow_up_id") WHERE "urgings"."answered_at" is null and "urgings"."follow_up_id" is not null;--> statement-breakpoint
CREATE INDEX "urgings_department_open_idx" ON "urgings" USING btree ("department_id","deadline") WHERE "urgings"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "urgings_sent_at_idx" ON "urgings" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "urgings_answered_at_idx" ON "urgings" USING btree ("answered_at");