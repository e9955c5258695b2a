import { describe, expect, it } from "vitest";
import { changeText, displayMillicredits } from "./overview.ts";

describe("overview helpers", () => {
  it("shows millicredits as credits and names the comparison", () => {
    expect(displayMillicredits("12500", "en-US")).toBe("12.500");
    expect(displayMillicredits("1234567890", "en-US")).toBe("1,234,567.890");
    expect(changeText({ percent: "+12.5", trend: "up" }, "yesterday")).toBe("+12.5% vs yesterday");
    expect(changeText({ percent: null, trend: "up" }, "last month")).toBe("new since last month");
  });
});
