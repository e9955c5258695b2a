ALTER TYPE "public"."moderation_action_type" ADD VALUE 'CLEAR';--> statement-breakpoint
ALTER TYPE "public"."moderation_action_type" ADD VALUE 'TAKEDOWN';--> statement-breakpoint
CREATE TABLE "chat_mode" (
	"stream_id" uuid PRIMARY KEY NOT NULL,
	"slow_mode_seconds" integer DEFAULT 0 NOT NULL,
	"followers_only" boolean DEFAULT false NOT NULL,
	"credit_only" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_setting" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"profanity" text DEFAULT 'mask' NOT NULL,
	"spam_blocking" boolean DEFAULT true NOT NULL,
	"link_blocking" boolean DEFAULT true NOT NULL,
	"allowed_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_setting_singleton" CHECK ("chat_setting"."id" = 1)
);
--> statement-breakpoint
DROP INDEX "chat_message_stream_created_idx";--> statement-breakpoint
ALTER TABLE "moderation_action" ADD COLUMN "stream_id" uuid;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD COLUMN "revoked_by_id" uuid;--> statement-breakpoint
ALTER TABLE "chat_mode" ADD CONSTRAINT "chat_mode_stream_id_stream_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."stream"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_setting" ADD CONSTRAINT "chat_setting_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_stream_id_stream_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."stream"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_channel_id_user_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_revoked_by_id_user_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_message_user_idx" ON "chat_message" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_action_stream_idx" ON "moderation_action" USING btree ("stream_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_open_reporter_target_uq" ON "report" USING btree ("reporter_id","target_type","target_id") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "chat_message_stream_created_idx" ON "chat_message" USING btree ("stream_id","created_at","id");INSERT INTO "chat_setting" ("id") VALUES (1) ON CONFLICT DO NOTHING;
