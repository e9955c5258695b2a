import { describe, expect, it } from "vitest";
import { loginSchema, registerSchema } from "./auth.ts";

describe("shared auth schemas", () => {
  it("normalises the email", () => {
    expect(registerSchema.parse({ email: "  Ann@Example.TEST ", password: "correct horse battery" }).email).toBe(
      "ann@example.test",
    );
  });
  it("applies the password rules at registration only", () => {
    expect(registerSchema.safeParse({ email: "a@b.test", password: "qwertyuiop" }).success).toBe(false);
    expect(registerSchema.safeParse({ email: "a@b.test", password: "123456789" }).success).toBe(false);
    expect(loginSchema.safeParse({ email: "a@b.test", password: "qwertyuiop" }).success).toBe(true);
  });
});
