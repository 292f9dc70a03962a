// Names are compared exactly (docs/domain.md §11 "Exact names"): ignoring case, `%` and `_` are
// ordinary characters, both when a nickname is checked for uniqueness and when a search box is used.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listManagerQueue } from "@/lib/requests/queries";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { listUsers } from "@/lib/users/list-users";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("nickname uniqueness on submitting a sign request", () => {
  it("treats % and _ as ordinary characters and only case as insignificant", async () => {
    const manager = await createManager(prisma);
    await createArtist(prisma, manager.managerId as number, "Velvet Kettle");

    await expect(submitSignRequest(await createUser(prisma), { nickname: "%", message: null })).resolves.toMatchObject({ status: "NEW" });
    await expect(submitSignRequest(await createUser(prisma), { nickname: "V_lvet Kettle", message: null })).resolves.toMatchObject({
      status: "NEW",
    });
    await expect(submitSignRequest(await createUser(prisma), { nickname: "Snake_Case", message: null })).resolves.toMatchObject({
      status: "NEW",
    });
    await expect(submitSignRequest(await createUser(prisma), { nickname: "velvet kettle", message: null })).rejects.toMatchObject({
      field: "nickname",
      message: "This nickname is already taken",
    });
    // Open requests are compared the same way: "%" is taken now, "%%" and "snake_case" are not alike.
    await expect(submitSignRequest(await createUser(prisma), { nickname: "%%", message: null })).resolves.toMatchObject({ status: "NEW" });
    await expect(submitSignRequest(await createUser(prisma), { nickname: "SNAKE_CASE", message: null })).rejects.toMatchObject({
      field: "nickname",
    });
    await expect(submitSignRequest(await createUser(prisma), { nickname: "SnakeXCase", message: null })).resolves.toMatchObject({
      status: "NEW",
    });
  });
});

describe("search boxes", () => {
  it("match % and _ in the admin's user search literally", async () => {
    await createUser(prisma, "USER", "Ada Lovelace");
    await createUser(prisma, "USER", "100% Real");
    await createUser(prisma, "USER", "Snake_Case");
    await createUser(prisma, "USER", "SnakeXCase");

    expect((await listUsers({ search: "%" })).users.map((user) => user.name)).toEqual(["100% Real"]);
    expect((await listUsers({ search: "e_c" })).users.map((user) => user.name)).toEqual(["Snake_Case"]);
    expect((await listUsers({ search: "\\" })).users).toEqual([]);
  });

  it("match % and _ in the manager's queue search literally", async () => {
    const manager = await createManager(prisma);
    for (const nickname of ["Plain Name", "Under_Score", "UnderXScore"]) {
      const request = await submitSignRequest(await createUser(prisma), { nickname, message: null });
      await prisma.request.update({ where: { id: request.id }, data: { managerId: manager.managerId } });
    }
    const nicknames = async (search: string) => (await listManagerQueue(manager, { search })).requests.map((request) => request.nickname);

    expect(await nicknames("%")).toEqual([]);
    expect(await nicknames("r_s")).toEqual(["Under_Score"]);
    expect((await nicknames("name")).length).toBe(1);
  });
});
