-- TRUNCATE fires no row triggers, so the append-only rule of 0002 needs a statement trigger too.
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON "ledger_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_transfer_no_truncate BEFORE TRUNCATE ON "ledger_transfer"
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_ledger_append_only();
--> statement-breakpoint
-- The app's role: it owns nothing, so it cannot ALTER, DROP or DISABLE TRIGGER on any table.
-- Roles are cluster-wide and every test run migrates a database of its own: create it once, and
-- let a concurrent run that created it first win.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tollgate_app') THEN
    CREATE ROLE tollgate_app LOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO tollgate_app', current_database());
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tollgate_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tollgate_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tollgate_app;
--> statement-breakpoint
-- Tables and sequences later migrations create (as the owner who runs them) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tollgate_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tollgate_app;
