CREATE TABLE "rating_days" (
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"key" text NOT NULL,
	"ratings" integer NOT NULL,
	"overall_total" integer NOT NULL,
	"level1" integer NOT NULL,
	"level2" integer NOT NULL,
	"level3" integer NOT NULL,
	"level4" integer NOT NULL,
	"level5" integer NOT NULL,
	"efficiency_total" integer NOT NULL,
	"guide_accuracy_total" integer NOT NULL,
	"convenience_total" integer NOT NULL,
	CONSTRAINT "rating_days_grouping_day_key_pk" PRIMARY KEY("grouping","day","key")
);
--> statement-breakpoint
-- Days counted before this table existed have no rating rows: count every closed day again when next asked for.
DELETE FROM "figure_days_done";
