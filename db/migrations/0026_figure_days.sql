CREATE TABLE "figure_days" (
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"key" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"concluded" integer DEFAULT 0 NOT NULL,
	"approved" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"handling_days" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"supplemented" integer DEFAULT 0 NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"rating_total" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"yellow_cards" integer DEFAULT 0 NOT NULL,
	"red_cards" integer DEFAULT 0 NOT NULL,
	"urgings_sent" integer DEFAULT 0 NOT NULL,
	"urgings_answered_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "figure_days_grouping_day_key_department_id_pk" PRIMARY KEY("grouping","day","key","department_id")
);
--> statement-breakpoint
CREATE TABLE "figure_days_done" (
	"day" date PRIMARY KEY NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "figure_days_department_idx" ON "figure_days" USING btree ("grouping","department_id","day");--> statement-breakpoint
-- A closed day's figures (figure_days) are forgotten when a write changes that day's facts, by triggers rather than
-- code in each use case, so that no writer — the workflow runner, seed:load, a test's fixture, a hand-run UPDATE —
-- can leave a stale day behind (db/schema/figures.ts, decision 040). In the normal course every write is dated today
-- and nothing is forgotten; a due date moved, a task released or stopped, a backdated row or a calendar edit forgets
-- the days it touches, which server/supervision/count-figure-days.ts counts again when next asked. The advisory lock
-- (720381, taken shared here and exclusively while counting) keeps a count from marking a day done from a snapshot
-- that misses a write committed after it.
CREATE FUNCTION "beijing_day"("at" timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
	SELECT ("at" AT TIME ZONE 'Asia/Shanghai')::date
$$;
--> statement-breakpoint
-- How a status counts for the cards: the clock runs, the task ended, or neither (pending, stopped, an inspection's).
CREATE FUNCTION "figure_days_status_class"("status" text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN "status" IN ('waiting', 'accepted', 'supplement-received') THEN 'running'
		WHEN "status" IN ('approved', 'refused', 'rejected', 'withdrawn') THEN 'ended'
		ELSE 'other'
	END
$$;
--> statement-breakpoint
-- The days a task's yellow and red cards can fall on: from the day after it arrived (or 20 days before its due date,
-- the warning window's widest reach over a long holiday) to the day after its due date.
CREATE FUNCTION "figure_days_card_window"("task" "tasks") RETURNS date[] LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN ("task")."ready_on" IS NULL THEN '{}'::date[] ELSE ARRAY(
		SELECT "d"::date FROM generate_series(greatest(("task")."due_date" - 20, ("task")."ready_on" + 1), ("task")."due_date" + 1, interval '1 day') AS "d"
	) END
$$;
--> statement-breakpoint
-- The days of a case's rating and of the urgings of its follow-ups: counted for each department (service) with a task
-- of the case in its queue, so a task reaching its queue later changes them.
CREATE FUNCTION "figure_days_of_case_ratings"("case" uuid) RETURNS date[] LANGUAGE sql STABLE AS $$
	SELECT ARRAY(
		SELECT beijing_day(r."created_at") FROM "ratings" r WHERE r."case_id" = "case"
		UNION SELECT beijing_day(u."sent_at") FROM "ratings" r JOIN "rating_follow_ups" f ON f."rating_id" = r."id" JOIN "urgings" u ON u."follow_up_id" = f."id" WHERE r."case_id" = "case"
		UNION SELECT beijing_day(u."answered_at") FROM "ratings" r JOIN "rating_follow_ups" f ON f."rating_id" = r."id" JOIN "urgings" u ON u."follow_up_id" = f."id" WHERE r."case_id" = "case" AND u."answered_at" IS NOT NULL
	)
$$;
--> statement-breakpoint
CREATE FUNCTION "forget_figure_days"("days" date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	"today" date := beijing_day(now());
BEGIN
	IF EXISTS (SELECT 1 FROM unnest("days") AS "d" WHERE "d" < "today") THEN
		PERFORM pg_advisory_xact_lock_shared(720381);
		DELETE FROM "figure_days_done" WHERE "day" = ANY ("days") AND "day" < "today";
	END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "tasks_forget_figure_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	"days" date[] := '{}';
	"old_class" text;
	"new_class" text;
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- A task arriving today (every submission's) has no fact on a closed day: its cards come from tomorrow on. Only
		-- a case rated earlier has one, its rating's day, which this task's department now counts.
		IF NEW."ready_on" < beijing_day(now()) OR beijing_day(NEW."decided_at") < beijing_day(now()) OR beijing_day(NEW."extension_decided_at") < beijing_day(now()) THEN
			"days" := ARRAY[NEW."ready_on", beijing_day(NEW."decided_at"), beijing_day(NEW."extension_decided_at")] || figure_days_card_window(NEW);
		END IF;
		IF NEW."ready_on" IS NOT NULL AND EXISTS (SELECT 1 FROM "ratings" r WHERE r."case_id" = NEW."case_id") THEN
			"days" := "days" || figure_days_of_case_ratings(NEW."case_id");
		END IF;
	ELSIF TG_OP = 'DELETE' OR (OLD."department_id", OLD."service_id", OLD."case_id") IS DISTINCT FROM (NEW."department_id", NEW."service_id", NEW."case_id") THEN
		"days" := ARRAY[OLD."ready_on", beijing_day(OLD."decided_at"), beijing_day(OLD."extension_decided_at")] || figure_days_card_window(OLD) || figure_days_of_case_ratings(OLD."case_id");
		IF TG_OP <> 'DELETE' AND (NEW."ready_on" IS NOT NULL OR NEW."decided_at" IS NOT NULL) THEN
			"days" := "days" || ARRAY[NEW."ready_on", beijing_day(NEW."decided_at"), beijing_day(NEW."extension_decided_at")] || figure_days_card_window(NEW) || figure_days_of_case_ratings(NEW."case_id");
		END IF;
	ELSE
		"old_class" := figure_days_status_class(OLD."status");
		"new_class" := figure_days_status_class(NEW."status");
		IF OLD."ready_on" IS DISTINCT FROM NEW."ready_on" THEN
			"days" := "days" || ARRAY[OLD."ready_on", NEW."ready_on"] || figure_days_of_case_ratings(NEW."case_id");
		END IF;
		IF OLD."decided_at" IS DISTINCT FROM NEW."decided_at" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."due_date" IS DISTINCT FROM NEW."due_date" THEN
			"days" := "days" || ARRAY[beijing_day(OLD."decided_at"), beijing_day(NEW."decided_at")];
		END IF;
		IF (OLD."extension_status", OLD."extension_decided_at") IS DISTINCT FROM (NEW."extension_status", NEW."extension_decided_at") THEN
			"days" := "days" || ARRAY[beijing_day(OLD."extension_decided_at"), beijing_day(NEW."extension_decided_at")];
		END IF;
		-- A running task that ends keeps the cards it was given (decided today, after every closed card day).
		IF OLD."due_date" IS DISTINCT FROM NEW."due_date" OR OLD."ready_on" IS DISTINCT FROM NEW."ready_on"
			OR ("old_class" <> "new_class" AND NOT ("old_class" = 'running' AND "new_class" = 'ended')) THEN
			"days" := "days" || figure_days_card_window(OLD) || figure_days_card_window(NEW);
		END IF;
	END IF;
	PERFORM forget_figure_days("days");
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_forget_figure_days_inserted"
	AFTER INSERT ON "tasks"
	FOR EACH ROW WHEN (NEW."ready_on" IS NOT NULL OR NEW."decided_at" IS NOT NULL) EXECUTE FUNCTION "tasks_forget_figure_days"();
--> statement-breakpoint
CREATE TRIGGER "tasks_forget_figure_days_changed"
	AFTER UPDATE ON "tasks"
	FOR EACH ROW WHEN ((OLD."ready_on", OLD."decided_at", OLD."due_date", OLD."status", OLD."extension_status", OLD."extension_decided_at", OLD."department_id", OLD."service_id", OLD."case_id")
		IS DISTINCT FROM (NEW."ready_on", NEW."decided_at", NEW."due_date", NEW."status", NEW."extension_status", NEW."extension_decided_at", NEW."department_id", NEW."service_id", NEW."case_id"))
	EXECUTE FUNCTION "tasks_forget_figure_days"();
--> statement-breakpoint
CREATE TRIGGER "tasks_forget_figure_days_deleted"
	AFTER DELETE ON "tasks"
	FOR EACH ROW EXECUTE FUNCTION "tasks_forget_figure_days"();
--> statement-breakpoint
CREATE FUNCTION "ratings_forget_figure_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN PERFORM forget_figure_days(ARRAY[beijing_day(OLD."created_at")]); END IF;
	IF TG_OP <> 'DELETE' THEN PERFORM forget_figure_days(ARRAY[beijing_day(NEW."created_at")]); END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ratings_forget_figure_days"
	AFTER INSERT OR UPDATE OR DELETE ON "ratings"
	FOR EACH ROW EXECUTE FUNCTION "ratings_forget_figure_days"();
--> statement-breakpoint
CREATE FUNCTION "urgings_forget_figure_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN PERFORM forget_figure_days(ARRAY[beijing_day(OLD."sent_at"), beijing_day(OLD."answered_at")]); END IF;
	IF TG_OP <> 'DELETE' THEN PERFORM forget_figure_days(ARRAY[beijing_day(NEW."sent_at"), beijing_day(NEW."answered_at")]); END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "urgings_forget_figure_days"
	AFTER INSERT OR UPDATE OR DELETE ON "urgings"
	FOR EACH ROW EXECUTE FUNCTION "urgings_forget_figure_days"();
--> statement-breakpoint
-- A supplement's stop counts in its task's handling time, on the day the task was decided.
CREATE FUNCTION "supplement_requests_forget_figure_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN PERFORM forget_figure_days(ARRAY(SELECT beijing_day(t."decided_at") FROM "tasks" t WHERE t."id" = OLD."task_id")); END IF;
	IF TG_OP <> 'DELETE' THEN PERFORM forget_figure_days(ARRAY(SELECT beijing_day(t."decided_at") FROM "tasks" t WHERE t."id" = NEW."task_id")); END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "supplement_requests_forget_figure_days"
	AFTER INSERT OR UPDATE OR DELETE ON "supplement_requests"
	FOR EACH ROW EXECUTE FUNCTION "supplement_requests_forget_figure_days"();
--> statement-breakpoint
-- Working days change every handling time and warning day: a calendar edit forgets every closed day.
CREATE FUNCTION "calendar_days_forget_figure_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock_shared(720381);
	DELETE FROM "figure_days_done";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "calendar_days_forget_figure_days"
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_days"
	FOR EACH STATEMENT EXECUTE FUNCTION "calendar_days_forget_figure_days"();
