// ESLint rule: a domain is entered through its front door. Code in worker/<a>/ (and in
// durable-objects/) may import another domain only from worker/<b>/index.ts; the ledger and
// every other table stay private to their domain. Allowed exceptions, each for a reason:
// - *.schema.ts may import another domain's *.schema.ts (foreign keys);
// - worker/app.ts, the composition root, mounts each domain's *.routes.ts;
// - worker/platform/ is shared by all and imports no domain except for types.
// Production code never imports scripts/ or test/.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.join(ROOT, "worker");

function domainOf(file) {
  const rel = path.relative(WORKER, file);
  if (rel.startsWith("..")) return path.relative(ROOT, file).startsWith("durable-objects") ? "durable-objects" : null;
  const [first] = rel.split(path.sep);
  return rel.includes(path.sep) ? first : "(root)";
}

/** @type {import("eslint").Rule.RuleModule} */
export const domainBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Import other domains only through their index.ts" },
    schema: [],
    messages: {
      privateFile: "'{{spec}}' reaches into the {{domain}} domain; import it from worker/{{domain}}/index.ts",
      platformImportsDomain:
        "worker/platform/ must not depend on the {{domain}} domain (type-only imports from its index.ts are allowed)",
      testCode: "Production code must not import from {{dir}}/",
    },
  },
  create(context) {
    const file = context.filename;
    const from = domainOf(file);
    if (from === null) return {};
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), spec);
      const rel = path.relative(ROOT, target);
      const top = rel.split(path.sep)[0];
      if (top === "scripts" || top === "test") {
        context.report({ node, messageId: "testCode", data: { dir: top } });
        return;
      }
      if (top !== "worker") return;
      const to = domainOf(target);
      if (!to || to === "(root)" || to === from || to === "platform") return;
      const isIndex = path.basename(target) === "index.ts";
      if (file.endsWith(".schema.ts") && target.endsWith(".schema.ts")) return;
      if (from === "platform") {
        if (!(isIndex && typeOnly)) context.report({ node, messageId: "platformImportsDomain", data: { domain: to } });
        return;
      }
      if (isIndex) return;
      if (from === "(root)" && path.basename(file) === "app.ts" && target.endsWith(".routes.ts")) return;
      context.report({ node, messageId: "privateFile", data: { spec, domain: to } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};

export default { rules: { "domain-boundaries": domainBoundaries } };
