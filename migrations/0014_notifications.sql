-- Notifications (issue 13): the seed's type names, idempotent triggers, preferences, digests.
ALTER TYPE "public"."notification_type" RENAME VALUE 'NEW_FOLLOWER' TO 'FOLLOW';--> statement-breakpoint
ALTER TYPE "public"."notification_type" RENAME VALUE 'PAYMENT' TO 'PAYMENT_SUCCESS';--> statement-breakpoint
ALTER TYPE "public"."notification_type" ADD VALUE IF NOT EXISTS 'REPORT_OUTCOME';--> statement-breakpoint
ALTER TYPE "public"."notification_type" ADD VALUE IF NOT EXISTS 'APPEAL';--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- One notification per event per user: triggers name the event, a redelivery conflicts.
ALTER TABLE "notification" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
-- False when the user turned in-app off for the type but still wants it in the daily digest.
ALTER TABLE "notification" ADD COLUMN "in_app" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- True while an email the user's preferences asked for has not gone out (instant: the next send
-- or sweep; daily: the digest).
ALTER TABLE "notification" ADD COLUMN "email_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_user_dedupe_uq" ON "notification" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_user_unread_idx" ON "notification" USING btree ("user_id","created_at") WHERE read_at IS NULL AND in_app;--> statement-breakpoint
CREATE INDEX "notification_email_pending_idx" ON "notification" USING btree ("user_id","created_at") WHERE email_pending;--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email_frequency" text DEFAULT 'instant' NOT NULL,
	"digest_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preference_email_frequency_check" CHECK ("email_frequency" IN ('instant', 'daily'))
);--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The go-live fan-out walks a creator's followers in keyset batches; this index also serves
-- everything the one on creator_id alone did.
CREATE INDEX "follow_creator_user_idx" ON "follow" USING btree ("creator_id","user_id");--> statement-breakpoint
DROP INDEX "follow_creator_idx";
