CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"position" bigint NOT NULL,
	"hash" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"outcome" text DEFAULT 'ok' NOT NULL,
	"purpose" text,
	"request_id" text,
	"source_address" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" bigint,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "audit_signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"algorithm" text DEFAULT 'Ed25519' NOT NULL,
	"public_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_verifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_verifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"records" bigint NOT NULL,
	"checkpoints" integer NOT NULL,
	"case_trails" integer NOT NULL,
	"broken_table" text,
	"broken_id" text,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_key_id_audit_signing_keys_key_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."audit_signing_keys"("key_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_records_position_idx" ON "audit_records" USING btree ("position");--> statement-breakpoint
CREATE INDEX "audit_records_unsealed_idx" ON "audit_records" USING btree ("id") WHERE "audit_records"."position" is null;--> statement-breakpoint
CREATE INDEX "audit_records_target_idx" ON "audit_records" USING btree ("target_type","target_id","id");
--> statement-breakpoint
-- The audit trail is append-only in the database itself, whoever writes (decision 038): DELETE and TRUNCATE are
-- refused always; UPDATE only as the one-time sealing that gives an unsealed row its chain position and hash,
-- changing nothing else. A row edited with this trigger disabled is found by the chain (npm run audit:verify).
CREATE FUNCTION "audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE'
		AND OLD."position" IS NULL AND OLD."hash" IS NULL
		AND NEW."position" IS NOT NULL AND NEW."hash" IS NOT NULL
		AND (to_jsonb(NEW) - 'position' - 'hash') = (to_jsonb(OLD) - 'position' - 'hash') THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'audit records are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_records_append_only_rows" BEFORE UPDATE OR DELETE ON "audit_records"
	FOR EACH ROW EXECUTE FUNCTION "audit_records_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_records_append_only_truncate" BEFORE TRUNCATE ON "audit_records"
	FOR EACH STATEMENT EXECUTE FUNCTION "audit_records_append_only"();
--> statement-breakpoint
-- Checkpoints and the record of verifications are never changed either.
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints"
	FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_append_only_truncate" BEFORE TRUNCATE ON "audit_checkpoints"
	FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_verifications_append_only" BEFORE UPDATE OR DELETE ON "audit_verifications"
	FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
