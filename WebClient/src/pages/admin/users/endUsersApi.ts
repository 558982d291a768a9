import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { adminKeys, unwrap } from '../adminApi';
import type { BulkAction, BulkResult, EndUserExportQuery, EndUserInput, EndUserQuery, EndUserRow } from '../adminTypes';
import type { RowAction } from './endUserActions';

/** While an e-mail waits in the outbox, the details panel looks again this often. */
const queuedRefreshMs = 5_000;

/** One page of Manage Users; the previous page stays on screen while the next one loads. */
export const endUserListQuery = (query: EndUserQuery) =>
  queryOptions({
    queryKey: adminKeys.endUserList(query),
    queryFn: () => unwrap(api.GET('/api/admin/end-users', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** One end user and the e-mails sent to them, asked again while one is still queued. */
export const endUserQuery = (id: string) =>
  queryOptions({
    queryKey: adminKeys.endUser(id),
    queryFn: () => unwrap(api.GET('/api/admin/end-users/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.data?.emails.some((email) => email.state === 'queued') ? queuedRefreshMs : false,
  });

export const exportEndUsers = (query: EndUserExportQuery) =>
  downloadFile(() => api.GET('/api/admin/end-users/export.csv', { params: { query }, parseAs: 'blob' }), 'end-users.csv');

type Target = Pick<EndUserRow, 'id' | 'name' | 'email' | 'migratedToSso' | 'accessRequest' | 'ssoState'>;

const path = (user: Target) => ({ params: { path: { id: user.id } } });

/** Each action's call and the sentence shown once it is done. */
const rowActions: Record<RowAction, { call: (user: Target) => Promise<unknown>; done: (user: Target) => string }> = {
  disable: {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/disable', path(user))),
    done: (user) => `${user.name} was disabled and signed out everywhere.`,
  },
  enable: {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/enable', path(user))),
    done: (user) => `${user.name} was enabled.`,
  },
  delete: {
    call: (user) => unwrap(api.DELETE('/api/admin/end-users/{id}', path(user))),
    done: (user) => `${user.name} was deleted.`,
  },
  'resend-activation': {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/resend-activation', path(user))),
    done: (user) =>
      user.accessRequest
        ? `We asked the owner of ${user.email} again to accept.`
        : user.migratedToSso
        ? `An activation e-mail was sent to ${user.email}.`
        : `A set-password e-mail was sent to ${user.email}.`,
  },
  'send-reminder': {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/send-reminder', path(user))),
    done: (user) =>
      user.ssoState === 'mfa-not-enrolled'
        ? `A reminder to set up an authenticator was sent to ${user.email}.`
        : `A reminder with a fresh activation link was sent to ${user.email}.`,
  },
  'reset-mfa': {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/reset-mfa', path(user))),
    done: (user) => `The MFA of ${user.name} was reset. They set up a passkey or an authenticator app again at their next sign-in.`,
  },
  unlock: {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/unlock', path(user))),
    done: (user) => `${user.name} was unlocked.`,
  },
  'retry-move': {
    call: (user) => unwrap(api.POST('/api/admin/end-users/{id}/retry-move', path(user))),
    done: (user) => `${user.name} is being moved to Single Sign-On again.`,
  },
};

/** After any change, the lists, the counts and the audit log are asked for again. */
function useInvalidateAdminData() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.endUsers }),
      queryClient.invalidateQueries({ queryKey: adminKeys.clients }),
      queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
    ]);
}

/** One row action at a time; resolves to the sentence to show. */
export function useRowAction() {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    mutationFn: async ({ action, user }: { action: RowAction; user: Target }) => {
      await rowActions[action].call(user);
      return rowActions[action].done(user);
    },
    onSettled: invalidate,
  });
}

export function useSaveEndUser() {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    /** Adding answers whether the address waits for its account's owner; an edit answers nothing. */
    mutationFn: async ({ id, input }: { id: string | null; input: EndUserInput }) => {
      if (id === null) return unwrap(api.POST('/api/admin/end-users', { body: input }));
      await unwrap(api.PUT('/api/admin/end-users/{id}', { params: { path: { id } }, body: input }));
      return null;
    },
    onSettled: invalidate,
  });
}

export function useBulkAction() {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    mutationFn: (request: { action: BulkAction; ids: string[] }): Promise<BulkResult> =>
      unwrap(api.POST('/api/admin/end-users/bulk', { body: request })),
    onSettled: invalidate,
  });
}

/** A partner admin turns a client's automatic reminders on or off; the clients are asked for again. */
export function useSetClientReminders() {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    mutationFn: ({ clientId, enabled }: { clientId: string; enabled: boolean }) =>
      unwrap(api.PUT('/api/admin/clients/{clientId}/automatic-reminders', { params: { path: { clientId } }, body: { enabled } })),
    onSettled: invalidate,
  });
}
