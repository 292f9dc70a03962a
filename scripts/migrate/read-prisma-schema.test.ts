import { describe, expect, it } from "vitest";
import { expectedPostgresType, readPrismaSchema } from "./read-prisma-schema";

const schema = `
enum Role {
  USER
  ADMIN
}
/// doc comment
model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique @db.VarChar(254) // trailing comment
  role      Role      @default(USER)
  born      DateTime? @db.Date
  tags      String[]
  posts     Post[]
  manager   Manager?
  @@index([role])
}
`;

describe("readPrismaSchema", () => {
  it("reads enums and the scalar columns of models, skipping relations and block attributes", () => {
    const spec = readPrismaSchema(schema);
    expect(spec.enums.get("Role")).toEqual(["USER", "ADMIN"]);
    expect(spec.models.get("User")?.map((column) => column.name)).toEqual(["id", "email", "role", "born", "tags"]);
    expect(spec.models.get("User")?.find((column) => column.name === "email")).toMatchObject({ unique: true, nativeType: "VarChar(254)" });
    expect(spec.models.get("User")?.find((column) => column.name === "born")?.nullable).toBe(true);
  });

  it("maps columns to the PostgreSQL types Prisma would create", () => {
    const spec = readPrismaSchema(schema);
    const types = spec.models.get("User")?.map((column) => expectedPostgresType(column, spec.enums));
    expect(types).toEqual(["integer", "character varying(254)", "enum:Role", "date", "ARRAY:_text"]);
  });
});
