// The admin's list of every account, newest first, a page at a time, with whether each is
// disabled (docs/domain.md §10).
import "server-only";
import { prisma } from "@/lib/db";
import { literalLikeText } from "@/lib/like-pattern";
import { readPage } from "@/lib/pagination";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicUserSelect, type PublicUser } from "@/lib/users/register-user";

const USERS_PAGE_SIZE = 20;

const listedUserSelect = { ...publicUserSelect, disabledAt: true } as const;

export type ListedUser = PublicUser & { disabledAt: Date | null };

export type UserPage = { users: ListedUser[]; page: number; pageCount: number; total: number };

export type ListUsersOptions = {
  page?: number;
  /** Part of a name or an email, case-insensitive. */
  search?: string;
  pageSize?: number;
};

export async function listUsers({ page: requestedPage = 1, search, pageSize = USERS_PAGE_SIZE }: ListUsersOptions = {}): Promise<UserPage> {
  const term = search?.trim().slice(0, 254);
  const where: Prisma.UserWhereInput = term
    ? {
        OR: [
          { name: { contains: literalLikeText(term), mode: "insensitive" } },
          { email: { contains: literalLikeText(term.toLowerCase()) } },
        ],
      }
    : {};
  const { rows: users, ...page } = await readPage(
    requestedPage,
    pageSize,
    () => prisma.user.count({ where }),
    (window) => prisma.user.findMany({ where, select: listedUserSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
  );
  return { users, ...page };
}
