-- Stream manager: a creator's tags on a stream, and "deleted from my list" for streams with history
-- (viewing sessions, ledger entries) that must stay for the ledger and analytics.
ALTER TABLE "stream" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "stream" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stream" ADD CONSTRAINT "stream_tags_max" CHECK (cardinality("tags") <= 10);--> statement-breakpoint
CREATE INDEX "stream_creator_created_idx" ON "stream" USING btree ("creator_id","created_at") WHERE "stream"."deleted_at" IS NULL;
