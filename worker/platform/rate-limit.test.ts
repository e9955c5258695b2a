import { describe, expect, it } from "vitest";
import { ipBucket } from "./rate-limit.ts";

describe("ipBucket", () => {
  it("keeps IPv4 addresses whole", () => {
    expect(ipBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(ipBucket("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("puts every address of one IPv6 /64 in one bucket", () => {
    const bucket = "2001:db8:1:2::/64";
    expect(ipBucket("2001:db8:1:2::1")).toBe(bucket);
    expect(ipBucket("2001:0DB8:0001:0002:ffff:ffff:ffff:fffe")).toBe(bucket);
    expect(ipBucket("2001:db8:1:2:a:b:c:d%eth0")).toBe(bucket);
    expect(ipBucket("2001:db8:1:3::1")).not.toBe(bucket);
    expect(ipBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
  });

  it("leaves what is not an address alone", () => {
    expect(ipBucket("unknown")).toBe("unknown");
    expect(ipBucket("1::2::3")).toBe("1::2::3");
    expect(ipBucket("zzzz:1:2:3:4:5:6:7")).toBe("zzzz:1:2:3:4:5:6:7");
  });
});
