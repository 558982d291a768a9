import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/query';
import type { ApiFailure } from '../../api/problem';
import type { components } from '../../api/schema';
import { signInReturningTo } from '../../auth/session';
import { createPasskey } from '../../auth/webauthn';

/*
 * Edit Profile → Security: the signed-in user's passkeys, kept by the SSO (/api/sso/passkeys).
 * Adding and removing need a sign-in of the last 5 minutes; the SSO answers 403 with the type
 * below otherwise, and the page offers to sign in again.
 */

export type PasskeySummary = components['schemas']['PasskeySummary'];

export const passkeyKeys = { all: ['portal', 'passkeys'] as const };

/** Never shown from the cache: a passkey may be added or removed elsewhere (or by a Reset MFA). */
export const passkeysQuery = () =>
  queryOptions({ queryKey: passkeyKeys.all, queryFn: () => unwrap(api.GET('/api/sso/passkeys')), staleTime: 0 });

/** The SSO refused because the last sign-in is more than 5 minutes old. */
export const needsFreshSignIn = (failure: ApiFailure | null) => failure?.status === 403 && !!failure.type?.endsWith('fresh-sign-in-needed');

/** Thrown when the person closed the browser's passkey prompt: nothing to show but that. */
export class PasskeyCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'PasskeyCancelled';
  }
}

function usePasskeysChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: passkeyKeys.all });
}

/** Options from the SSO, the browser's passkey prompt, then the new credential back to the SSO. */
async function addPasskey(name: string | null) {
  const { publicKey } = await unwrap(api.POST('/api/sso/passkeys/options'));
  const credential = await createPasskey(publicKey as PublicKeyCredentialCreationOptionsJSON);
  if (credential === null) throw new PasskeyCancelled();
  return unwrap(api.POST('/api/sso/passkeys', { body: { credential, name } }));
}

export function useAddPasskey() {
  const changed = usePasskeysChanged();
  return useMutation({ mutationFn: addPasskey, onSettled: changed });
}

export function useRenamePasskey() {
  const changed = usePasskeysChanged();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      unwrap(api.PUT('/api/sso/passkeys/{id}/name', { params: { path: { id } }, body: { name } })),
    onSuccess: changed,
  });
}

export function useRemovePasskey() {
  const changed = usePasskeysChanged();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/sso/passkeys/{id}', { params: { path: { id } } })),
    onSettled: changed,
  });
}

/**
 * A new sign-in at the SSO (prompt=login: the session is not reused however young it is), coming
 * back to Edit Profile, so the next add or remove finds a sign-in of the last 5 minutes.
 */
export const signInAgain = () => signInReturningTo('/portal/profile', { prompt: 'login' });
