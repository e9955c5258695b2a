-- A stream an admin or moderator took down: final, never watchable, never LIVE again.
ALTER TYPE "public"."stream_status" ADD VALUE 'REMOVED';
