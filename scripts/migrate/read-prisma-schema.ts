// A small reader of prisma/schema.prisma (models, scalar columns, enums), enough to compare
// the schema with what the SQL migrations built, without Prisma's schema engine.
export type ColumnSpec = {
  model: string;
  name: string;
  type: string;
  nullable: boolean;
  list: boolean;
  nativeType: string | null;
  unique: boolean;
};
export type SchemaSpec = { models: Map<string, ColumnSpec[]>; enums: Map<string, string[]> };

const SCALARS = new Set(["Int", "BigInt", "String", "Boolean", "DateTime", "Json", "Float", "Decimal", "Bytes"]);

export function readPrismaSchema(text: string): SchemaSpec {
  const withoutComments = text.replace(/\/\/.*$/gm, "");
  const enums = new Map<string, string[]>();
  for (const match of withoutComments.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums.set(match[1] as string, (match[2] as string).split(/\s+/).filter(Boolean));
  }
  const models = new Map<string, ColumnSpec[]>();
  for (const match of withoutComments.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)) {
    const model = match[1] as string;
    const columns: ColumnSpec[] = [];
    for (const line of (match[2] as string).split("\n")) {
      const field = /^\s*(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!field || line.trim().startsWith("@@")) continue;
      const [, name, type, modifier, rest] = field as unknown as [string, string, string, string | undefined, string];
      if (!(SCALARS.has(type) || enums.has(type))) continue; // a relation field
      const native = /@db\.(\w+(?:\(\d+\))?)/.exec(rest);
      columns.push({
        model,
        name,
        type,
        nullable: modifier === "?",
        list: modifier === "[]",
        nativeType: native ? (native[1] as string) : null,
        unique: /@unique\b/.test(rest),
      });
    }
    models.set(model, columns);
  }
  return { models, enums };
}

/** The PostgreSQL type Prisma creates for a column, as information_schema names it. */
export function expectedPostgresType(column: ColumnSpec, enums: Map<string, string[]>): string {
  if (column.list) {
    const elementTypes: Record<string, string> = { Int: "_int4", BigInt: "_int8", String: "_text", Boolean: "_bool" };
    return `ARRAY:${elementTypes[column.type] ?? column.type}`;
  }
  if (enums.has(column.type)) return `enum:${column.type}`;
  const native = column.nativeType;
  if (native) {
    const varchar = /^VarChar\((\d+)\)$/.exec(native);
    if (varchar) return `character varying(${varchar[1]})`;
    if (native === "Date") return "date";
    if (/^Timestamptz/.test(native)) return "timestamp with time zone";
    if (native === "Uuid") return "uuid";
    if (native === "Text") return "text";
  }
  const defaults: Record<string, string> = {
    Int: "integer",
    BigInt: "bigint",
    String: "text",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
    Float: "double precision",
    Decimal: "numeric",
    Bytes: "bytea",
  };
  return defaults[column.type] ?? column.type;
}
