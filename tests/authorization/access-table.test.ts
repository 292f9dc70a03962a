// The authorization matrix is complete: every page, route handler (per HTTP method) and server
// action in the code has a row in access-table.ts, and every row still has its file. A new
// route without a row fails here, naming it. Reads the files' text; nothing of Next is loaded.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionRows, fixtures, pageRows, routeRows, rowName } from "./access-table";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every .ts/.tsx file under `folder`, as a path from the repository's root. */
function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** "app/(app)/requests/[id]/page.tsx" → "/requests/[id]": route groups are not part of the URL. */
function urlOf(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

/** The names a module exports (declarations and export lists). */
function exportedNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(match[1]!);
  for (const match of text.matchAll(/export\s+(?:const|let|var)\s+\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(",")) if (part.trim()) names.add(part.split(":").pop()!.trim());
  }
  for (const match of text.matchAll(/export\s+\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(",")) if (part.trim()) names.add(part.split(/\s+as\s+/).pop()!.trim());
  }
  if (/export\s+default\b/.test(text)) names.add("default");
  return [...names];
}

/** A "use server" directive opening the module (after comments only). */
const topDirective = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

const appFiles = sourceFiles("app");
const serverModules = ["app", "components", "lib"].flatMap(sourceFiles).filter((file) => read(file).includes("use server"));

/** What the code has, and what the table has, as comparable names. */
const inCode = {
  pages: appFiles.filter((file) => path.basename(file) === "page.tsx").map(urlOf),
  routes: appFiles
    .filter((file) => path.basename(file) === "route.ts")
    .flatMap((file) => exportedNames(read(file)).filter((name) => httpMethods.includes(name)).map((method) => `${method} ${urlOf(file)}`)),
  actions: serverModules.flatMap((file) => exportedNames(read(file)).map((name) => `${file} ${name}`)),
};

const inTable = {
  pages: pageRows.map((row) => row.path),
  routes: routeRows.map((row) => `${row.method} ${row.path}`),
  actions: actionRows.map((row) => `${row.file} ${row.action}`),
};

const missing = (code: string[], table: string[]) => [...new Set(code.filter((name) => !table.includes(name)))].sort();

describe("the authorization matrix (tests/authorization/access-table.ts)", () => {
  it("finds the code it checks (the walk itself works)", () => {
    expect(inCode.pages).toContain("/requests/[id]");
    expect(inCode.routes).toContain("GET /api/health");
    expect(inCode.routes).toContain("POST /api/auth/[...nextauth]");
    expect(inCode.actions).toContain("app/(app)/requests/[id]/actions.ts acceptAction");
    expect(inCode.actions).toContain("components/auth/sign-out-action.ts signOutAction");
  });

  it("has a row for every page", () => {
    expect(missing(inCode.pages, inTable.pages), "pages without a row in access-table.ts").toEqual([]);
  });

  it("has a row for every route handler and HTTP method", () => {
    expect(missing(inCode.routes, inTable.routes), "route handlers without a row in access-table.ts").toEqual([]);
  });

  it("has a row for every export of every \"use server\" module", () => {
    expect(missing(inCode.actions, inTable.actions), "server actions without a row in access-table.ts").toEqual([]);
  });

  it("has no row for a page, route or action that no longer exists", () => {
    expect(missing(inTable.pages, inCode.pages), "rows of pages that do not exist").toEqual([]);
    expect(missing(inTable.routes, inCode.routes), "rows of route handlers that do not exist").toEqual([]);
    expect(missing(inTable.actions, inCode.actions), "rows of actions that do not exist").toEqual([]);
  });

  it("declares server actions only as whole \"use server\" modules, which the table can name", () => {
    const inline = serverModules.filter((file) => !topDirective.test(read(file)));
    expect(inline, "files with an inline \"use server\" (move the action to a \"use server\" module)").toEqual([]);
  });

  it("names each row once, and a fixture wherever a page's URL has an id", () => {
    const names = [...pageRows, ...routeRows, ...actionRows].map(rowName);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    const needsObject = pageRows.filter((row) => row.path.includes("[") && !row.fixture).map(rowName);
    expect(needsObject).toEqual([]);
    for (const row of [...pageRows, ...actionRows]) if (row.fixture) expect(Object.keys(fixtures)).toContain(row.fixture);
  });
});
