import type { EndUserRow, StaffMe } from '../adminTypes';

export type RowAction = 'disable' | 'enable' | 'delete' | 'resend-activation' | 'send-reminder' | 'reset-mfa' | 'unlock' | 'retry-move';

/** Which actions the staff member may use on this row (technicians: resend activation, send reminder and unlock). */
export function allowedActions(staff: Pick<StaffMe, 'canManage'>, user: EndUserRow): RowAction[] {
  const manage = staff.canManage;
  const actions: RowAction[] = [];
  if (manage) actions.push(user.enabled ? 'disable' : 'enable');
  if (!user.migratedToSso || user.ssoState === 'activation-pending') actions.push('resend-activation');
  if (isStuckOnSso(user)) actions.push('send-reminder');
  if (manage && user.migratedToSso && user.ssoState === 'active') actions.push('reset-mfa');
  if (user.locked) actions.push('unlock');
  if (manage && user.migration?.state === 'failed') actions.push('retry-move');
  if (manage) actions.push('delete');
  return actions;
}

/** Moved to SSO but not through yet (not activated, or no authenticator): what Send reminder is for. */
export const isStuckOnSso = (user: Pick<EndUserRow, 'migratedToSso' | 'ssoState' | 'accessRequest'>) =>
  user.migratedToSso && !user.accessRequest && (user.ssoState === 'activation-pending' || user.ssoState === 'mfa-not-enrolled');
