// The actions the audit log records (docs/domain.md §10) and how the admin's page names them.
// Pure, so the page's filter and the writers share one list.

export const auditActionLabels = {
  "request.accept": "Request accepted",
  "request.decline": "Request declined",
  "request.request-changes": "Changes requested",
  "request.resubmit": "Request resubmitted",
  "request.withdraw": "Request withdrawn",
  "request.reassign": "Request reassigned",
  "artist.move": "Artist moved",
  "user.disable": "Account disabled",
  "user.enable": "Account enabled",
  "user.role-change": "Role changed",
  "manager.create": "Manager created",
  "manager.deactivate": "Manager deactivated",
  "signin.lockout": "Sign-in locked",
  "failed-event.retry": "Failed event retried",
} as const;

export type AuditAction = keyof typeof auditActionLabels;

export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabels, value);
}
