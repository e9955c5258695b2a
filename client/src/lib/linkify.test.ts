import { describe, expect, it } from "vitest";
import { linkify } from "./linkify.ts";

describe("linkify", () => {
  it("splits text around http(s) links", () => {
    const text = "Open this link:\nhttp://127.0.0.1:8787/api/auth/verify?token=a_b-C\n\nThanks";
    expect(linkify(text)).toEqual([
      { kind: "text", text: "Open this link:\n" },
      { kind: "link", href: "http://127.0.0.1:8787/api/auth/verify?token=a_b-C" },
      { kind: "text", text: "\n\nThanks" },
    ]);
  });

  it("leaves sentence punctuation out of the link", () => {
    expect(linkify("See https://tollgate.test/help.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", href: "https://tollgate.test/help" },
      { kind: "text", text: "." },
    ]);
  });

  it("does not link other schemes", () => {
    expect(linkify("javascript:alert(1) mailto:a@b.test")).toEqual([
      { kind: "text", text: "javascript:alert(1) mailto:a@b.test" },
    ]);
  });
});
