-- Creator analytics rollups: per closed UTC day, what the analytics endpoint would otherwise
-- aggregate from every meter event and settlement entry of the range. Filled lazily and
-- idempotently on read (INSERT … ON CONFLICT DO NOTHING); the metering tick never writes them.
-- meter_creator_day is the marker: a row means every rollup of that creator and day is written.
CREATE TABLE "meter_stream_day" (
	"stream_id" uuid NOT NULL,
	"day" date NOT NULL,
	"viewers" integer NOT NULL,
	"playback_ms" bigint NOT NULL,
	"peak_sessions" integer NOT NULL,
	"active_minutes" integer NOT NULL,
	"session_minutes" bigint NOT NULL,
	CONSTRAINT "meter_stream_day_stream_id_day_pk" PRIMARY KEY("stream_id","day")
);
--> statement-breakpoint
CREATE TABLE "meter_viewer_day" (
	"stream_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "meter_viewer_day_stream_id_day_user_id_pk" PRIMARY KEY("stream_id","day","user_id")
);
--> statement-breakpoint
CREATE TABLE "meter_creator_day" (
	"creator_id" uuid NOT NULL,
	"day" date NOT NULL,
	"viewers" integer NOT NULL,
	"playback_ms" bigint NOT NULL,
	"peak_sessions" integer NOT NULL,
	"active_minutes" integer NOT NULL,
	"session_minutes" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_creator_day_creator_id_day_pk" PRIMARY KEY("creator_id","day")
);
--> statement-breakpoint
CREATE TABLE "creator_revenue_day" (
	"creator_id" uuid NOT NULL,
	"day" date NOT NULL,
	"stream_key" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "creator_revenue_day_creator_id_day_stream_key_pk" PRIMARY KEY("creator_id","day","stream_key")
);
--> statement-breakpoint
ALTER TABLE "meter_stream_day" ADD CONSTRAINT "meter_stream_day_stream_id_stream_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."stream"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_viewer_day" ADD CONSTRAINT "meter_viewer_day_stream_id_stream_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."stream"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_viewer_day" ADD CONSTRAINT "meter_viewer_day_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_creator_day" ADD CONSTRAINT "meter_creator_day_creator_id_user_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_revenue_day" ADD CONSTRAINT "creator_revenue_day_creator_id_user_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Discovery's order (worker/streams/stream-order.ts), for "all" and per category: the expressions
-- must stay exactly those of streamRank and the recency key for the planner to use them.
CREATE INDEX "stream_discover_order_idx" ON "stream" USING btree ((case "status" when 'LIVE' then 0 when 'PAUSED' then 1 when 'SCHEDULED' then 2 else 3 end),"viewer_count" DESC,(coalesce("started_at", "created_at")) DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "stream_category_order_idx" ON "stream" USING btree ("category_id",(case "status" when 'LIVE' then 0 when 'PAUSED' then 1 when 'SCHEDULED' then 2 else 3 end),"viewer_count" DESC,(coalesce("started_at", "created_at")) DESC,"id" DESC);
