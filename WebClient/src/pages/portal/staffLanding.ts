import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { ApiFailure } from '../../api/problem';
import { failureOf } from '../../api/query';
import { staffMeQuery } from './portalApi';

/** The Api's answer to a signed-in account that is no end user (PortalApi's NoPortalAccess). */
export const isNoPortalAccess = (failure: ApiFailure) => failure.status === 403 && (failure.type ?? '').endsWith('/no-portal-access');

/**
 * Partner staff sign in through the same Single Sign-On and land on /portal. When the portal says
 * "no portal access" and the admin area knows them, they go on to /admin. Otherwise the admin
 * area's refusal is kept to show too: it says what would let them in (a staff account, an MFA sign-in).
 */
export function useStaffLanding(portalFailure: ApiFailure | null) {
  const navigate = useNavigate();
  const noAccess = portalFailure !== null && isNoPortalAccess(portalFailure);
  const staff = useQuery({ ...staffMeQuery(), enabled: noAccess });

  useEffect(() => {
    if (noAccess && staff.isSuccess) void navigate('/admin', { replace: true });
  }, [noAccess, staff.isSuccess, navigate]);

  // Until the admin area has refused, the page waits (and on success it is leaving).
  return { checking: noAccess && !staff.isError, adminRefusal: noAccess && staff.isError ? failureOf(staff.error) : null };
}
