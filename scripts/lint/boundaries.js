// Local lint rules that keep the architecture's boundaries (docs/decisions/008-where-rules-live.md):
// a client component ("use client") never imports a module that is server-only, directly or by
// importing a file that starts with `import "server-only"`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const serverOnlyCache = new Map();

/** The file an "@/…" or relative import names, if it is one of the project's sources. */
function resolveSource(specifier, importer) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(importer), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && candidate.match(/\.(ts|tsx)$/)) return candidate;
  }
  return null;
}

function isServerOnly(file) {
  if (!serverOnlyCache.has(file)) {
    serverOnlyCache.set(file, /^\s*import\s+["']server-only["'];?\s*$/m.test(readFileSync(file, "utf8")));
  }
  return serverOnlyCache.get(file);
}

function isClientComponent(program) {
  const first = program.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

const noServerOnlyInClient = {
  meta: {
    type: "problem",
    docs: { description: "Client components may not import server-only modules" },
    messages: {
      serverOnly: '"{{source}}" is server-only (it touches the database or secrets); a client component cannot import it. Pass data or a server action down from a server component instead.',
    },
    schema: [],
  },
  create(context) {
    let client = false;
    return {
      Program(program) {
        client = isClientComponent(program);
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type")) return;
        const source = node.source.value;
        const file = source === "server-only" ? null : resolveSource(source, context.filename);
        if (source === "server-only" || (file && isServerOnly(file))) {
          context.report({ node, messageId: "serverOnly", data: { source } });
        }
      },
    };
  },
};

export const boundaries = { rules: { "no-server-only-in-client": noServerOnlyInClient } };
