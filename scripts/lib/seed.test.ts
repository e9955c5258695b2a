import { describe, expect, it } from "vitest";
import { seedRefusal } from "./seed.ts";

describe("seedRefusal: the demo admin never reaches a database that is not local", () => {
  it.each([
    "postgres://postgres@127.0.0.1:5432/test",
    "postgresql://postgres:pw@localhost/tollgate",
    "postgres://postgres@[::1]:5432/test",
    "postgres://postgres@/tollgate?host=/var/run/postgresql",
    "postgres://postgres@%2Fvar%2Frun%2Fpostgresql/tollgate",
    "postgres:///tollgate",
  ])("seeds the local database %s", (url) => {
    expect(seedRefusal(url, { force: false })).toBeNull();
  });

  it.each([
    "postgres://neondb_owner:pw@ep-cool-name-123.eu-central-1.aws.neon.tech/neondb?sslmode=require",
    "postgres://postgres@10.0.0.5:5432/tollgate",
    "postgres://postgres@db.internal/tollgate",
    "postgres://postgres@127.0.0.1.example.com/tollgate",
    "postgres://postgres@127.0.0.1/tollgate?host=db.example.com",
    "postgres://postgres@localhost,db.example.com/tollgate",
    "mysql://root@127.0.0.1/x",
  ])("refuses %s without --force", (url) => {
    expect(seedRefusal(url, { force: false })).toMatch(/refusing to seed/);
  });

  it("seeds anywhere when forced", () => {
    expect(seedRefusal("postgres://postgres@db.example.com/tollgate", { force: true })).toBeNull();
  });
});
