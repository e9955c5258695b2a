import { openDb } from "./lib/database.ts";
import { seedDatabase } from "./lib/seed.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
if (process.env.ENVIRONMENT === "production") {
  console.error("refusing to seed demo accounts into a production database");
  process.exit(1);
}
const { db, pool } = openDb(url);
try {
  await seedDatabase(db);
  console.log("seed applied");
} finally {
  await pool.end();
}
