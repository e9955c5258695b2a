import { Hono } from "hono";
import { z } from "zod";
import { meteringStatsQuerySchema } from "../../contracts/metering.ts";
import { formatCredits, parseCredits } from "../../contracts/money.ts";
import { creditsAmountSchema } from "../../contracts/wallet.ts";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import { findCategoryBySlug, getCategoriesById } from "../categories/index.ts";
import { AppError } from "../platform/errors.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { forgetMeteringSettings, getMeteringSettings, saveMeteringSettings } from "./metering-rates.ts";
import { getMeteringStats } from "./metering-stats.ts";

const configBody = z.object({
  defaultRatePerMinute: creditsAmountSchema,
  minimumBalance: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,3})?$/, "Enter an amount like 10 or 0"),
  categoryRates: z
    .array(z.object({ category: z.string().trim().min(1).max(64), ratePerMinute: creditsAmountSchema }))
    .max(200)
    .default([]),
});

const admin = requireRole(ROLE_ACCESS.admin);

/**
 * The seed's paths, mounted at /api/admin: GET|PUT /metering-config and GET /metering-stats.
 * Guards per route, since other admin routers share the /admin prefix.
 */
export const meteringAdminRoutes = new Hono<AppEnv>()
  .get("/metering-config", admin, async (c) => {
    forgetMeteringSettings();
    const settings = await getMeteringSettings(c.var.db);
    const categories = await getCategoriesById(c.var.db, [...settings.categoryRates.keys()]);
    c.header("cache-control", "no-store");
    return c.json({
      defaultRatePerMinute: formatCredits(settings.defaultRatePerMinute),
      minimumBalance: formatCredits(settings.minimumBalance),
      categoryRates: [...settings.categoryRates].map(([id, rate]) => ({
        category: categories.get(id)?.slug ?? id,
        ratePerMinute: formatCredits(rate),
      })),
    });
  })
  .put("/metering-config", admin, validate("json", configBody), async (c) => {
    const body = c.req.valid("json");
    const categoryRates = [];
    for (const entry of body.categoryRates) {
      const category = await findCategoryBySlug(c.var.db, entry.category);
      if (!category) throw new AppError("CATEGORY_NOT_FOUND", 400, `No category "${entry.category}"`);
      categoryRates.push({ categoryId: category.id, ratePerMinute: parseCredits(entry.ratePerMinute) });
    }
    await saveMeteringSettings(c.var.db, {
      defaultRatePerMinute: parseCredits(body.defaultRatePerMinute),
      minimumBalance: parseCredits(body.minimumBalance),
      categoryRates,
    });
    await writeAuditLog(c.var.db, {
      actorId: currentUser(c).id,
      action: "metering.config_updated",
      targetType: "METERING_CONFIG",
      targetId: "1",
      metadata: { ...body },
    });
    return c.json({ ...body, categoryRates: body.categoryRates });
  })
  .get("/metering-stats", admin, validate("query", meteringStatsQuerySchema), async (c) => {
    const stats = await getMeteringStats(c.var.db, c.req.valid("query"));
    c.header("cache-control", "no-store");
    return c.json({
      ...stats,
      totalDebited: formatCredits(stats.totalDebited),
      creatorEarnings: formatCredits(stats.creatorEarnings),
      platformRevenue: formatCredits(stats.platformRevenue),
    });
  });
