import type { AccessRequestState, SsoState } from './adminTypes';

export { count, formatDate, formatDateTime } from '../../components/format';

export const ssoStateLabels: Record<SsoState, string> = {
  'activation-pending': 'Activation pending',
  'mfa-not-enrolled': 'MFA not enrolled',
  active: 'Active',
};

export function ssoStateLabel(state: string | null): string | null {
  return state && state in ssoStateLabels ? ssoStateLabels[state as SsoState] : state;
}

/** How a migrated user passes the second step (EndUserRow.mfa). */
export const mfaMethodLabels: Record<string, string> = {
  passkey: 'Passkey',
  'authenticator-app': 'Authenticator app',
};

export function mfaMethodLabel(method: string): string {
  return mfaMethodLabels[method] ?? method;
}

/** A row waiting for the owner of someone else's SSO account says so where its SSO state would be. */
export const accessRequestLabels: Record<AccessRequestState, string> = {
  waiting: 'Waiting for the user to accept',
  declined: 'Declined by the user',
};

export function accessRequestLabel(state: string | null): string | null {
  return state && state in accessRequestLabels ? accessRequestLabels[state as AccessRequestState] : null;
}

const staffRoles: Record<string, string> = {
  'partner-admin': 'Partner admin',
  'partner-technician': 'Technician',
  'platform-operator': 'Platform operator',
};

export const staffRoleLabel = (role: string) => staffRoles[role] ?? role;

/** End-user roles (EndUserRoles.All on the Api). */
export const endUserRoles = ['End User', 'Client Manager'] as const;

/** The audit log's action names (AuditActions on the Api), said for people. */
export const auditActionLabels: Record<string, string> = {
  'end-user.created': 'End user added',
  'end-user.edited': 'End user edited',
  'end-user.enabled': 'End user enabled',
  'end-user.disabled': 'End user disabled',
  'end-user.deleted': 'End user deleted',
  'end-user.activation-resent': 'Activation e-mail resent',
  'end-user.mfa-reset': 'MFA reset',
  'end-user.unlocked': 'End user unlocked',
  'end-user.reminder-sent': 'Reminder sent',
  'client.reminders-changed': 'Automatic reminders turned on or off',
  'end-user.access-requested': 'Account owner asked to accept',
  'end-user.access-accepted': 'Accepted by the account owner',
  'end-user.access-declined': 'Declined by the account owner',
  'end-user.migration-excluded': 'Excluded from migration',
  'end-user.migrated': 'Migrated to SSO',
  'end-user.migration-failed': 'Migration failed',
  'end-user.migration-retried': 'Migration retried',
  'end-user.migration-rolled-back': 'Migration rolled back',
  'home-user.roles-changed': 'Product roles changed',
  'migration-batch.created': 'Batch created',
  'migration-batch.edited': 'Batch edited',
  'migration-batch.rescheduled': 'Batch rescheduled',
  'migration-batch.cancelled': 'Batch cancelled',
  'migration-batch.started': 'Batch started',
  'migration-batch.completed': 'Batch completed',
  'migration-batch.rolled-back': 'Batch rolled back',
  'migration-batch.paused': 'Batch paused',
};

export const auditActionLabel = (action: string) => auditActionLabels[action] ?? action;
