CREATE TABLE "creator_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"default_category_id" uuid,
	"default_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_quality" text DEFAULT 'auto' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creator_settings_default_quality_check" CHECK ("creator_settings"."default_quality" IN ('auto', '1080p', '720p', '480p'))
);
--> statement-breakpoint
ALTER TABLE "creator_settings" ADD CONSTRAINT "creator_settings_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "creator_settings" ADD CONSTRAINT "creator_settings_default_category_id_category_id_fk" FOREIGN KEY ("default_category_id") REFERENCES "public"."category"("id") ON DELETE set null ON UPDATE no action;
