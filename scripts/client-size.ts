/**
 * `npm run size`: what a first visit to the home page downloads, from the last `npm run build`.
 * Reads dist/client and Vite's manifest; builds nothing. Fails when the home route's JS
 * (the entry chunk, the home page chunk and every chunk they import statically) is over budget.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * Gzip bytes (kB of 1000 bytes, as Vite reports them). The whole client was 69.99 kB as one bundle.
 * 60 → 62 kB with the chat and discovery: Kobalte's menu (watch page only) uses more of Solid's
 * runtime, which lives in the chunk every page shares (+0.9 kB on home; emoji-mart and its data stay
 * lazy), and @solidjs/meta's provider wraps every page for the public pages' Open Graph tags (+0.8 kB).
 * 62 → 65.5 kB with the creator tools, admin console, moderation and notifications: the entry's route
 * table names ~35 more lazy pages and their chunk lists (+1.95 kB), the notifications provider for
 * signed-in users (+0.45 kB; its store, bell and toasts load only after sign-in), solid-js/store split
 * into its own chunk (+0.4 kB), the thumbnail srcset helpers on the stream cards (+0.43 kB). The next
 * cut is one lazy route module per area (admin, moderation, creator), so the entry stops growing with pages.
 */
const HOME_JS_BUDGET = 65_500;
/** The page the router lazy-loads for `/` (a manifest key: a path under client/). */
const HOME_PAGE = "src/features/home/home-page.tsx";

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const distDir = fileURLToPath(new URL("../dist/client/", import.meta.url));
const manifestPath = join(distDir, ".vite", "manifest.json");
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run \`npm run build\` first (vite.config.ts sets build.manifest).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;

function chunk(key: string): ManifestChunk {
  const found = manifest[key];
  if (!found) throw new Error(`${key} is not in the Vite manifest`);
  return found;
}

/** A chunk and everything it imports statically: what the browser fetches before it can run it. */
function staticClosure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of chunk(key).imports ?? []) staticClosure(imported, into);
  return into;
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(join(distDir, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, size);
  }
  return size;
}

const entryKeys = Object.keys(manifest).filter((key) => chunk(key).isEntry);
const [entryKey] = entryKeys;
if (!entryKey || entryKeys.length > 1) throw new Error(`Expected one entry chunk, found ${entryKeys.length}`);
if (!chunk(entryKey).dynamicImports?.includes(HOME_PAGE)) {
  throw new Error(`${HOME_PAGE} is not lazy-loaded by the entry: is it still the page for "/"?`);
}

const homeKeys = staticClosure(HOME_PAGE, staticClosure(entryKey));
const homeFiles = new Set([...homeKeys].map((key) => chunk(key).file));
const homeGzip = [...homeFiles].reduce((sum, file) => sum + sizeOf(file).gzip, 0);
const homeRaw = [...homeFiles].reduce((sum, file) => sum + sizeOf(file).raw, 0);

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const label = (key: string, c: ManifestChunk) => c.src ?? c.name ?? key;
const rows = Object.entries(manifest)
  .filter(([, c]) => c.file.endsWith(".js"))
  .map(([key, c]) => ({
    chunk: label(key, c),
    kind: c.isEntry ? "entry" : c.isDynamicEntry ? "page" : "shared",
    home: homeFiles.has(c.file) ? "yes" : "",
    ...sizeOf(c.file),
  }))
  .sort((a, b) => b.gzip - a.gzip);

console.log("Client chunks (sizes of dist/client; gzip at level 9, per file):\n");
console.table(rows.map((r) => ({ chunk: r.chunk, kind: r.kind, raw: kB(r.raw), gzip: kB(r.gzip), "home JS": r.home })));
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`\nAll JS: ${rows.length} chunks, ${kB(total)} gzip.`);
console.log(
  `Home route (/) JS on a first visit: ${homeFiles.size} chunks, ${kB(homeRaw)} raw, ${kB(homeGzip)} gzip` +
    ` (budget ${kB(HOME_JS_BUDGET)}).`,
);

if (homeGzip > HOME_JS_BUDGET) {
  console.error(`Over budget by ${kB(homeGzip - HOME_JS_BUDGET)}: see which "home JS" chunks grew.`);
  process.exit(1);
}
