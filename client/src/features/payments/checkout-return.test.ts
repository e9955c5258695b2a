import { describe, expect, it } from "vitest";
import { checkoutReturn, forgetCheckoutReturn, rememberCheckoutReturn } from "./checkout-return.ts";

const memory = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
};

describe("checkout return", () => {
  it("remembers a path on this site and forgets it", () => {
    const storage = memory();
    expect(checkoutReturn(storage)).toBeNull();
    rememberCheckoutReturn({ path: "/watch/abc?resume=1", label: "Back to the stream" }, storage);
    expect(checkoutReturn(storage)).toEqual({ path: "/watch/abc?resume=1", label: "Back to the stream" });
    forgetCheckoutReturn(storage);
    expect(checkoutReturn(storage)).toBeNull();
  });

  it("ignores anything that would leave the site or is not ours", () => {
    const storage = memory();
    rememberCheckoutReturn({ path: "//evil.test/x", label: "Back" }, storage);
    expect(checkoutReturn(storage)).toBeNull();
    storage.setItem("tollgate:checkout-return", "{not json");
    expect(checkoutReturn(storage)).toBeNull();
    storage.setItem("tollgate:checkout-return", JSON.stringify({ path: "/ok" }));
    expect(checkoutReturn(storage)).toBeNull();
  });
});
