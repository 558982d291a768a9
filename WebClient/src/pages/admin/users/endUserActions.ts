import type { EndUserRow, StaffMe } from '../adminTypes';

export type RowAction = 'disable' | 'enable' | 'delete' | 'resend-activation' | 'reset-mfa' | 'unlock' | 'retry-move';

/** Which actions the staff member may use on this row (technicians: resend activation and unlock). */
export function allowedActions(staff: Pick<StaffMe, 'canManage'>, user: EndUserRow): RowAction[] {
  const manage = staff.canManage;
  const actions: RowAction[] = [];
  if (manage) actions.push(user.enabled ? 'disable' : 'enable');
  if (!user.migratedToSso || user.ssoState === 'activation-pending') actions.push('resend-activation');
  if (manage && user.migratedToSso && user.ssoState === 'active') actions.push('reset-mfa');
  if (user.locked) actions.push('unlock');
  if (manage && user.migration?.state === 'failed') actions.push('retry-move');
  if (manage) actions.push('delete');
  return actions;
}
