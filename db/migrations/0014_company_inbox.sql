CREATE TABLE "inbox_reads" (
	"message_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "inbox_reads_message_id_user_id_pk" PRIMARY KEY("message_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "inbox_messages" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "recipient_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "inbox_reads" ADD CONSTRAINT "inbox_reads_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_reads" ADD CONSTRAINT "inbox_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_messages_company_idx" ON "inbox_messages" USING btree ("company_id","created_at");--> statement-breakpoint
-- Read state moves to inbox_reads, one row a message and person. Every message so far is a person's own (a
-- company's case made one copy per member), so each keeps its reader's state; an untouched message needs no row.
INSERT INTO "inbox_reads" ("message_id", "user_id", "read_at", "emailed_at")
	SELECT "id", "user_id", "read_at", "emailed_at" FROM "inbox_messages" WHERE "read_at" IS NOT NULL OR "emailed_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_messages" DROP COLUMN "emailed_at";--> statement-breakpoint
ALTER TABLE "inbox_messages" DROP COLUMN "read_at";--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_one_owner" CHECK (("inbox_messages"."user_id" is null) <> ("inbox_messages"."company_id" is null));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_one_recipient" CHECK (("outbox"."recipient_id" is null) <> ("outbox"."company_id" is null));