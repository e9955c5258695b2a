import { z } from "zod";

const state = z.enum(["ok", "down", "not_configured"]);
export const healthSchema = z.object({
  status: z.enum(["ok", "degraded", "down"]),
  services: z.object({ database: state, livekit: state }),
});
