-- Discovery search: trigram indexes (typo-tolerant, prefix and substring). pg_trgm is a trusted
-- extension, so the database owner who runs migrations may create it; PGlite loads it as a contrib
-- extension (scripts/lib/embedded-postgres.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "category_name_trgm_idx" ON "category" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "stream_category_idx" ON "stream" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "stream_title_trgm_idx" ON "stream" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "profile_display_name_trgm_idx" ON "profile" USING gin ("display_name" gin_trgm_ops);
