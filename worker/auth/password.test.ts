import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, parseHash, verifyPassword } from "./password.ts";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$N=32768,r=8,p=3\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });
  it("keeps parameters with the hash and asks for a rehash when they are weaker", async () => {
    const weak = await hashPassword("old password", { N: 1024, r: 8, p: 1, keyLength: 32 });
    expect(parseHash(weak)?.params.N).toBe(1024);
    expect(await verifyPassword("old password", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword("new password"))).toBe(false);
  });
  it("refuses malformed stored hashes", async () => {
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });
});
