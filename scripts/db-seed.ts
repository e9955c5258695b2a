import { openDb } from "./lib/database.ts";
import { seedDatabase, seedRefusal } from "./lib/seed.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
if (process.env.ENVIRONMENT === "production") {
  console.error("refusing to seed demo accounts into a production database");
  process.exit(1);
}
const refusal = seedRefusal(url, {
  force: process.argv.includes("--force") || process.env.TOLLGATE_SEED_FORCE === "1",
});
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const { db, pool } = openDb(url);
try {
  await seedDatabase(db);
  console.log("seed applied");
} finally {
  await pool.end();
}
