CREATE TABLE "admin_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admin_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "hours" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admin_changes" ADD CONSTRAINT "admin_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_changes_entity_idx" ON "admin_changes" USING btree ("entity","id");--> statement-breakpoint
-- A disabled account's sessions end at once, by the same trigger that ends them on a change of role, department or
-- password (migration 0010): disabling (and re-enabling) moves users.session_version on, whoever writes it.
CREATE OR REPLACE FUNCTION "revoke_sessions_on_grant_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."role" IS DISTINCT FROM OLD."role"
		OR NEW."department_id" IS DISTINCT FROM OLD."department_id"
		OR NEW."password_hash" IS DISTINCT FROM OLD."password_hash"
		OR NEW."disabled_at" IS DISTINCT FROM OLD."disabled_at" THEN
		NEW."session_version" := OLD."session_version" + 1;
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "users_revoke_sessions_on_grant_change" ON "users";
--> statement-breakpoint
CREATE TRIGGER "users_revoke_sessions_on_grant_change"
	BEFORE UPDATE OF "role", "department_id", "password_hash", "disabled_at" ON "users"
	FOR EACH ROW EXECUTE FUNCTION "revoke_sessions_on_grant_change"();
