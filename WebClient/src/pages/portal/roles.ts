import type { PortalMe } from './portalTypes';

/** EndUserRoles.ClientManager on the Api: sees every ticket and device of their company. */
export const clientManagerRole = 'Client Manager';

export const isClientManager = (me: PortalMe) => me.role === clientManagerRole;
