import { queryOptions } from '@tanstack/react-query';
import { api, send } from '../../api/client';
import { clientFailure } from '../../api/problem';
import { ApiError, unwrap } from '../../api/query';
import type { components } from '../../api/schema';

/** What the link asks: which IT provider offers access to which client's portal, for which address. */
export type AccessRequestView = components['schemas']['AccessRequestView'];

const missingToken = 'This link is incomplete. Open the link from the e-mail again.';

/** POST /api/access-requests/describe (anonymous): reads the request without answering it. */
export const accessRequestQuery = (token: string | null) =>
  queryOptions({
    queryKey: ['access-request', token],
    queryFn: async (): Promise<AccessRequestView> => {
      if (!token) throw new ApiError(clientFailure(missingToken));
      return unwrap(api.POST('/api/access-requests/describe', { body: { token } }));
    },
  });

/**
 * POST /api/access-requests/accept as the signed-in owner. The token is passed here rather than by
 * the client's portal middleware: a 401 must lead back to a sign-in that returns to this page, not
 * to the login page's "Your session has ended".
 */
export const acceptAccessRequest = (token: string, accessToken: string) =>
  send(api.POST('/api/access-requests/accept', { body: { token }, headers: { Authorization: `Bearer ${accessToken}` } }));

/** POST /api/access-requests/decline (anonymous): the link is enough to refuse. */
export const declineAccessRequest = (token: string, notMe: boolean) =>
  send(api.POST('/api/access-requests/decline', { body: { token, notMe } }));
