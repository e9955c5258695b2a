CREATE TYPE "public"."viewing_session_status" AS ENUM('ACTIVE', 'EXHAUSTED', 'ENDED');--> statement-breakpoint
ALTER TYPE "public"."wallet_kind" ADD VALUE 'SESSION_ESCROW';--> statement-breakpoint
CREATE TABLE "category_metering_rate" (
	"category_id" uuid PRIMARY KEY NOT NULL,
	"rate_per_minute" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metering_setting" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"default_rate_per_minute" bigint DEFAULT 6000 NOT NULL,
	"minimum_balance" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metering_setting_single_ck" CHECK ("metering_setting"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "viewing_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"status" "viewing_session_status" DEFAULT 'ACTIVE' NOT NULL,
	"identity" text NOT NULL,
	"escrow_wallet_id" uuid NOT NULL,
	"rate_per_minute" bigint NOT NULL,
	"interval_ms" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"end_reason" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livekit_webhook_event" (
	"event_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"room_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stream" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "stream" ADD COLUMN "viewer_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stream" ADD COLUMN "premium_multiplier_bps" integer DEFAULT 10000 NOT NULL;--> statement-breakpoint
ALTER TABLE "stream" ADD COLUMN "ingest_key_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "category_metering_rate" ADD CONSTRAINT "category_metering_rate_category_id_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."category"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "viewing_session" ADD CONSTRAINT "viewing_session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "viewing_session" ADD CONSTRAINT "viewing_session_stream_id_stream_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."stream"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "viewing_session" ADD CONSTRAINT "viewing_session_creator_id_user_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "viewing_session" ADD CONSTRAINT "viewing_session_escrow_wallet_id_wallet_id_fk" FOREIGN KEY ("escrow_wallet_id") REFERENCES "public"."wallet"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "viewing_session_stream_status_idx" ON "viewing_session" USING btree ("stream_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "viewing_session_escrow_uq" ON "viewing_session" USING btree ("escrow_wallet_id");--> statement-breakpoint
CREATE INDEX "viewing_session_user_started_idx" ON "viewing_session" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "viewing_session_active_started_idx" ON "viewing_session" USING btree ("started_at") WHERE "viewing_session"."status" = 'ACTIVE';--> statement-breakpoint
INSERT INTO "metering_setting" ("id") VALUES (1) ON CONFLICT DO NOTHING;