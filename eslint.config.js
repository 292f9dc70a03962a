// Lint rules: Next.js core web vitals and its TypeScript rules, plus the project's boundaries
// (docs/decisions/008-where-rules-live.md): routes and components never reach the database
// directly, and client components never import server-only code.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { boundaries } from "./scripts/lint/boundaries.js";

const databaseImports = {
  paths: [
    { name: "@/lib/db", message: "Routes and components read and write through lib/<domain> functions, never the database client." },
    { name: "pg", message: "Routes and components never talk to PostgreSQL directly." },
  ],
  patterns: [
    {
      group: ["@prisma/*", "@/lib/generated/prisma/client", "@/lib/generated/prisma/client/*"],
      allowTypeImports: true,
      message: "Prisma stays in lib/: call a lib/<domain> function instead.",
    },
  ],
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", ".data/**", ".cache/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", databaseImports] },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { boundaries },
    rules: { "boundaries/no-server-only-in-client": "error" },
  },
];

export default config;
