import { migrateDatabase } from "./lib/database.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/tollgate)");
  process.exit(1);
}
await migrateDatabase(url);
console.log("migrations applied");
