import { createContext, use } from 'react';
import type { StaffMe } from './adminTypes';

export const StaffContext = createContext<StaffMe | null>(null);

/** The signed-in staff member (GET /api/admin/me); `canManage` is false for technicians. */
export function useStaff(): StaffMe {
  const staff = use(StaffContext);
  if (!staff) throw new Error('useStaff is used outside the admin layout.');
  return staff;
}
