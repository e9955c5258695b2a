import { z } from "zod";

const changeSchema = z.object({
  /** Signed percent with one decimal ("+12.5"); null when the previous period had nothing. */
  percent: z.string().nullable(),
  trend: z.enum(["up", "down", "flat"]),
});
export type ChangeDto = z.infer<typeof changeSchema>;

const revenueSchema = z.object({
  /** Millicredits as a bigint string ("12500" = 12.5 credits). */
  millicredits: z.string(),
  previousMillicredits: z.string(),
  change: changeSchema,
});

export const ACTIVITY_KINDS = ["audit", "signup", "payment"] as const;

/** GET /api/admin/overview. */
export const adminOverviewSchema = z.object({
  generatedAt: z.string(),
  users: z.object({
    /** Accounts that are not deleted. */
    total: z.number().int(),
    newToday: z.number().int(),
    /** Signups so far today against yesterday to the same hour. */
    change: changeSchema,
  }),
  live: z.object({ streams: z.number().int(), viewers: z.number().int() }),
  revenue: z.object({ today: revenueSchema, month: revenueSchema }),
  activity: z.array(
    z.object({
      kind: z.enum(ACTIVITY_KINDS),
      id: z.string(),
      at: z.string(),
      title: z.string(),
      detail: z.string(),
      /** The admin page that shows more. */
      href: z.string(),
    }),
  ),
});
export type AdminOverview = z.infer<typeof adminOverviewSchema>;
export type ActivityItem = AdminOverview["activity"][number];
