// Whose account the admin may disable or enable (docs/domain.md §10): anyone's but their own,
// so the label can never lock its only admin out. The service (lib/users/account-status.ts)
// and the admin's "Disable" / "Enable" buttons both ask it. Pure.

export const OWN_ACCOUNT_REFUSAL = "You cannot disable your own account";

export function canChangeAccountStatus({ actorId, accountId }: { actorId: number; accountId: number }): boolean {
  return actorId !== accountId;
}
