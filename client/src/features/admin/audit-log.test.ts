import { describe, expect, it } from "vitest";
import { auditFiltersFromForm, EMPTY_AUDIT_FORM, metadataText } from "./audit-log.ts";

describe("auditFiltersFromForm", () => {
  it("drops blank fields and makes `to` cover its whole day", () => {
    expect(auditFiltersFromForm(EMPTY_AUDIT_FORM)).toEqual({
      action: undefined,
      actorId: undefined,
      targetType: undefined,
      targetId: undefined,
      from: undefined,
      to: undefined,
    });
    const filters = auditFiltersFromForm({
      ...EMPTY_AUDIT_FORM,
      action: " user.deleted ",
      targetType: "USER",
      from: "2026-03-10",
      to: "2026-03-10",
    });
    expect(filters.action).toBe("user.deleted");
    expect(filters.targetType).toBe("USER");
    expect(new Date(filters.from ?? "").getDate()).toBe(10);
    expect(new Date(filters.to ?? "").getDate()).toBe(11);
    // One local day apart (23–25 h across a daylight-saving change).
    const hours = (Date.parse(filters.to ?? "") - Date.parse(filters.from ?? "")) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(23);
    expect(hours).toBeLessThanOrEqual(25);
    expect(auditFiltersFromForm({ ...EMPTY_AUDIT_FORM, from: "10/03/2026" }).from).toBeUndefined();
  });

  it("shows metadata as indented JSON", () => {
    expect(metadataText({ from: "ACTIVE", to: "SUSPENDED" })).toBe('{\n  "from": "ACTIVE",\n  "to": "SUSPENDED"\n}');
  });
});
