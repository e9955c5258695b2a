import { describe, expect, it } from "vitest";
import type { PriceDto } from "@contracts/prices.ts";
import {
  createPriceFormSchema,
  editPriceFormSchema,
  emptyPriceForm,
  previewPrice,
  priceFormValues,
  toggleActiveBody,
} from "./price-form.ts";

const regular: PriceDto = {
  id: "7d1c2b8e-6a3f-4e9a-9a51-2d7d5b9b1c11",
  productCode: "credits_500",
  name: "Regular",
  credits: 500,
  amountCents: 899,
  amount: "8.99",
  currency: "usd",
  active: true,
};

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("createPriceFormSchema", () => {
  it("turns the typed strings into the API's body", () => {
    const parsed = createPriceFormSchema.parse({
      ...emptyPriceForm,
      productCode: "credits_777",
      name: " Lucky ",
      credits: "7,777",
      amountCents: "12.34",
      currency: "USD",
    });
    expect(parsed).toEqual({
      productCode: "credits_777",
      name: "Lucky",
      credits: 7777,
      amountCents: 1234,
      currency: "usd",
      active: true,
    });
  });

  it("reports unparsable fields on the field", () => {
    const result = createPriceFormSchema.safeParse({ ...emptyPriceForm, credits: "lots", amountCents: "12.345" });
    expect(issues(result)).toEqual([
      ["credits", "Enter a whole number of credits"],
      ["amountCents", "Enter a price like 12.34"],
    ]);
  });

  it("applies the Worker's rules once the strings parse", () => {
    const result = createPriceFormSchema.safeParse({
      ...emptyPriceForm,
      productCode: "X",
      name: "Cheap",
      credits: "10",
      amountCents: "0.10",
    });
    expect(issues(result)).toEqual([
      ["productCode", "Use 3-64 lowercase letters, digits, _ or -"],
      ["amountCents", "At least 0.50"],
    ]);
  });
});

describe("editPriceFormSchema", () => {
  it("sends what changed, with the current currency and visibility pinned", () => {
    const hidden = { ...regular, active: false, currency: "eur" };
    const schema = editPriceFormSchema(hidden);
    expect(schema.parse({ ...priceFormValues(hidden), amountCents: "9.49" })).toEqual({
      amountCents: 949,
      currency: "eur",
      active: false,
    });
    expect(schema.parse({ ...priceFormValues(hidden), name: "Regular+", credits: "550", currency: "USD" })).toEqual({
      name: "Regular+",
      credits: 550,
      currency: "usd",
      active: false,
    });
  });

  it("refuses a form with no change", () => {
    const result = editPriceFormSchema(regular).safeParse(priceFormValues(regular));
    expect(issues(result)).toEqual([["", "Nothing to change"]]);
  });
});

describe("toggleActiveBody", () => {
  it("flips active and keeps the currency", () => {
    expect(toggleActiveBody({ ...regular, currency: "eur" })).toEqual({ active: false, currency: "eur" });
    expect(toggleActiveBody({ ...regular, active: false })).toEqual({ active: true, currency: "usd" });
  });
});

describe("previewPrice", () => {
  it("builds the card buyers would see", () => {
    expect(previewPrice({ ...emptyPriceForm, name: "Lucky", credits: "777", amountCents: "7.77" })).toMatchObject({
      name: "Lucky",
      credits: 777,
      amountCents: 777,
      amount: "7.77",
      currency: "usd",
    });
  });

  it("waits for credits and a price", () => {
    expect(previewPrice(emptyPriceForm)).toBeNull();
    expect(previewPrice({ ...emptyPriceForm, credits: "100", amountCents: "abc" })).toBeNull();
  });
});
