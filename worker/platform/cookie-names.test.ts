import { describe, expect, it } from "vitest";
import { cookieName } from "./cookie-names.ts";

describe("cookieName", () => {
  it("prefixes cookies off loopback: __Host- on /, __Secure- on a narrower path", () => {
    expect(cookieName("https://tollgate.example/api/auth/login", "tg_at")).toBe("__Host-tg_at");
    expect(cookieName("https://tollgate.example/api/auth/login", "tg_rt", "/api/auth")).toBe("__Secure-tg_rt");
  });

  it("keeps the bare name on loopback, where cookies are not Secure", () => {
    expect(cookieName("http://127.0.0.1:8787/api/auth/login", "tg_at")).toBe("tg_at");
    expect(cookieName("http://localhost:5173/api/auth/login", "tg_rt", "/api/auth")).toBe("tg_rt");
  });
});
