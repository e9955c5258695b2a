import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DATA_DIR = `${ROOT}.data`;
export const BIN = `${ROOT}node_modules/.bin`;

/** Environment for child tools: Node 22 from node_modules first, wrangler kept offline and quiet. */
export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${ROOT}node_modules/node/bin:${BIN}:${process.env.PATH ?? ""}`,
    XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? `${ROOT}.xdg`,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    ...extra,
  };
}
