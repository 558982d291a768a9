import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, send } from '../../api/client';
import type { ApiFailure } from '../../api/problem';

/** The Api's answer to a signed-in account that is no end user (PortalApi's NoPortalAccess). */
export const isNoPortalAccess = (failure: ApiFailure) => failure.status === 403 && (failure.type ?? '').endsWith('/no-portal-access');

export const loadStaffMe = () => send(api.GET('/api/admin/me'));

/**
 * Partner staff sign in through the same Single Sign-On and land on /portal. When the portal says
 * "no portal access" and the admin area knows them, they go on to /admin. Otherwise the admin
 * area's refusal is kept to show too: it says what would let them in (a staff account, an MFA sign-in).
 */
export function useStaffLanding(portalFailure: ApiFailure | null) {
  const navigate = useNavigate();
  // undefined until the admin area has answered.
  const [adminRefusal, setAdminRefusal] = useState<ApiFailure | undefined>(undefined);
  const noAccess = portalFailure !== null && isNoPortalAccess(portalFailure);

  useEffect(() => {
    if (!noAccess) return undefined;
    let current = true;
    void loadStaffMe().then((result) => {
      if (!current) return;
      if (result.ok) void navigate('/admin', { replace: true });
      else setAdminRefusal(result.failure);
    });
    return () => {
      current = false;
    };
  }, [noAccess, navigate]);

  return { checking: noAccess && adminRefusal === undefined, adminRefusal: adminRefusal ?? null };
}
