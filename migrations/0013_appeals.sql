-- Moderation review, bans and appeals: who a moderation action concerns, how a report was
-- reviewed, one appeal per action, and a throttle for the moderators' report emails.
CREATE TYPE "public"."appeal_status" AS ENUM('PENDING', 'UPHELD', 'LIFTED');--> statement-breakpoint
ALTER TABLE "moderation_action" ADD COLUMN "subject_user_id" uuid;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_subject_user_id_user_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
UPDATE "moderation_action" SET "subject_user_id" = "target_id"::uuid WHERE "target_type" = 'USER' AND "subject_user_id" IS NULL;--> statement-breakpoint
CREATE INDEX "moderation_action_subject_idx" ON "moderation_action" USING btree ("subject_user_id","created_at");--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "target_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "moderation_action_id" uuid;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_target_owner_id_user_id_fk" FOREIGN KEY ("target_owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_moderation_action_id_moderation_action_id_fk" FOREIGN KEY ("moderation_action_id") REFERENCES "public"."moderation_action"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_target_idx" ON "report" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "report_reporter_idx" ON "report" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE TABLE "appeal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"moderation_action_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text NOT NULL,
	"status" "appeal_status" DEFAULT 'PENDING' NOT NULL,
	"resolved_by_id" uuid,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_message_length" CHECK (char_length("appeal"."message") BETWEEN 1 AND 1000)
);
--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_moderation_action_id_moderation_action_id_fk" FOREIGN KEY ("moderation_action_id") REFERENCES "public"."moderation_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_resolved_by_id_user_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_moderation_action_uq" ON "appeal" USING btree ("moderation_action_id");--> statement-breakpoint
CREATE INDEX "appeal_status_created_idx" ON "appeal" USING btree ("status","created_at");--> statement-breakpoint
CREATE TABLE "report_alert" (
	"target_type" "moderation_target_type" NOT NULL,
	"target_id" text NOT NULL,
	"emailed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_alert_target_type_target_id_pk" PRIMARY KEY("target_type","target_id")
);
