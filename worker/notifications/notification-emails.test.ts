import { describe, expect, it } from "vitest";
import { digestEmail, type EmailLinks, notificationEmail } from "./notification-emails.ts";

const links: EmailLinks = {
  appUrl: "https://tollgate.example",
  unsubscribe: (scope) => `https://tollgate.example/unsubscribe?token=tok-${scope}`,
};

describe("notification emails", () => {
  it("puts the same words in the text and HTML parts, with an absolute deep link and the type's unsubscribe link", () => {
    const mail = notificationEmail(
      "fan@example.test",
      {
        type: "STREAM_LIVE",
        title: "Ada is live",
        body: "Building <synths>",
        link: "/watch/s1",
        createdAt: new Date(),
      },
      links,
    );
    expect(mail.subject).toBe("Ada is live");
    expect(mail.text).toContain("Watch now: https://tollgate.example/watch/s1");
    expect(mail.text).toContain("Building <synths>");
    expect(mail.text).toContain("https://tollgate.example/unsubscribe?token=tok-STREAM_LIVE");
    expect(mail.html).toContain("Building &lt;synths&gt;");
    expect(mail.html).not.toContain("<synths>");
    expect(mail.html).toContain('href="https://tollgate.example/unsubscribe?token=tok-STREAM_LIVE"');
  });

  it("groups a digest by type and unsubscribes from all emails", () => {
    const now = new Date();
    const mail = digestEmail(
      "fan@example.test",
      [
        { type: "STREAM_LIVE", title: "A is live", body: null, link: "/watch/a", createdAt: now },
        { type: "FOLLOW", title: "B followed you", body: null, link: null, createdAt: now },
        { type: "STREAM_LIVE", title: "C is live", body: null, link: "/watch/c", createdAt: now },
      ],
      links,
    );
    expect(mail.subject).toBe("Your Tollgate daily digest: 3 updates");
    const live = mail.text.indexOf("A creator you follow goes live (2)");
    expect(live).toBeGreaterThan(-1);
    expect(mail.text.indexOf("• A is live")).toBeGreaterThan(live);
    expect(mail.text.indexOf("• C is live")).toBeGreaterThan(live);
    expect(mail.text).toContain("Someone follows you (1)");
    expect(mail.text).toContain("tok-ALL");
  });
});
