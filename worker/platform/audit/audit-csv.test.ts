import { describe, expect, it } from "vitest";
import { AUDIT_CSV_HEADER, auditCsvRow } from "./audit-csv.ts";

describe("auditCsvRow", () => {
  it("quotes every cell, writes metadata as JSON and leaves a system actor blank", () => {
    expect(AUDIT_CSV_HEADER).toBe(
      "created_at,action,actor_id,actor_email,actor_name,target_type,target_id,ip,metadata,id",
    );
    expect(
      auditCsvRow({
        id: "a1",
        action: "user.status_changed",
        targetType: "USER",
        targetId: "u1",
        metadata: { from: "ACTIVE", to: "SUSPENDED", reason: 'said "hi"' },
        ip: null,
        createdAt: "2026-12-02T08:00:00.000Z",
        actor: { id: "ad", email: "admin@tollgate.test", displayName: "=cmd" },
      }),
    ).toBe(
      '"2026-12-02T08:00:00.000Z","user.status_changed","ad","admin@tollgate.test","\'=cmd","USER","u1","",' +
        '"{""from"":""ACTIVE"",""to"":""SUSPENDED"",""reason"":""said \\""hi\\""""}","a1"',
    );
    expect(
      auditCsvRow({
        id: "a2",
        action: "x",
        targetType: "T",
        targetId: "t",
        metadata: {},
        ip: "10.0.0.1",
        createdAt: "2026-12-02T08:00:00.000Z",
        actor: null,
      }),
    ).toBe('"2026-12-02T08:00:00.000Z","x","","","","T","t","10.0.0.1","{}","a2"');
  });
});
