import { api, send } from '../../api/client';

/** GET /api/portal/me: who is signed in. */
export interface PortalMe {
  name: string;
  email: string;
  clientName: string;
  partnerName: string;
  migratedToSso: boolean;
  canChangePassword: boolean;
}

export const loadMe = () => send<PortalMe>(api.GET('/api/portal/me'));
