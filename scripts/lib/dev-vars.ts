import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Reads a .dev.vars / .env style file: KEY=value, optional quotes, \n escapes in double quotes. */
export function readVarsFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1).replace(/\\n/g, "\n").replace(/\\"/g, '"');
    } else if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1);
    }
    out[key] = value;
  }
  return out;
}

export function writeVarsFile(path: string, vars: Record<string, string>): void {
  // dotenv semantics: single quotes are literal; double quotes expand \n (for PEM keys).
  const lines = Object.entries(vars).map(([k, v]) =>
    v.includes("\n") ? `${k}="${v.replace(/\n/g, "\\n")}"` : `${k}='${v}'`,
  );
  writeFileSync(path, lines.join("\n") + "\n", { mode: 0o600 });
}
