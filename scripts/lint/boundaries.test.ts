// The boundary rules fire on the real lint configuration, and leave allowed imports alone.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const eslint = new ESLint({ cwd: root });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("lint boundaries", () => {
  it("keeps the database client and Prisma out of routes and components", async () => {
    expect(await ruleIds("app/(app)/example/page.tsx", 'import { prisma } from "@/lib/db";\nexport const x = prisma;\n')).toContain(
      "@typescript-eslint/no-restricted-imports",
    );
    expect(await ruleIds("components/example/list.tsx", 'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const x = PrismaClient;\n')).toContain(
      "@typescript-eslint/no-restricted-imports",
    );
  });

  it("allows Prisma's types and lib's domain functions in routes", async () => {
    const code = 'import type { Prisma } from "@/lib/generated/prisma/client";\nimport { listUsers } from "@/lib/users/list-users";\nexport type X = Prisma.UserWhereInput;\nexport const y = listUsers;\n';
    expect(await ruleIds("app/(app)/example/page.tsx", code)).toEqual([]);
  });

  it("keeps server-only modules out of client components, directly or through a lib file", async () => {
    const direct = '"use client";\nimport "server-only";\nexport const x = 1;\n';
    const indirect = '"use client";\nimport { listUsers } from "@/lib/users/list-users";\nexport const x = listUsers;\n';
    expect(await ruleIds("components/example/widget.tsx", direct)).toContain("boundaries/no-server-only-in-client");
    expect(await ruleIds("components/example/widget.tsx", indirect)).toContain("boundaries/no-server-only-in-client");
  });

  it("lets client components import pure modules and server modules' types", async () => {
    const code = '"use client";\nimport { formatDay } from "@/lib/clock";\nimport type { SessionUser } from "@/lib/auth/guards";\nexport const x = formatDay;\nexport type Y = SessionUser;\n';
    expect(await ruleIds("components/example/widget.tsx", code)).toEqual([]);
  });
});
