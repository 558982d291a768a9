import { failureOf } from '../adminApi';
import type { ApiClientRow, RotatedApiClientSecret } from '../adminTypes';
import { ConfirmDialog } from '../ConfirmDialog';
import { useRetireOldSecret, useRevokeApiClient, useRotateSecret } from './apiClientsApi';

export type ApiClientAction = { kind: 'rotate' | 'retire' | 'revoke'; client: ApiClientRow };

interface Props {
  action: ApiClientAction;
  onCancel: () => void;
  /** The sentence for the page, and the new secret after a rotation. */
  onDone: (message: string, rotated?: RotatedApiClientSecret) => void;
}

/** Rotate secret, Retire old secret or Revoke, each confirmed, with the Api's sentence in the dialog if it refuses. */
export function ApiClientActionDialog({ action, onCancel, onDone }: Props) {
  const rotate = useRotateSecret();
  const retire = useRetireOldSecret();
  const revoke = useRevokeApiClient();
  const { client } = action;
  const mutation = action.kind === 'rotate' ? rotate : action.kind === 'retire' ? retire : revoke;

  function confirm() {
    if (action.kind === 'rotate') {
      rotate.mutate(client.id, { onSuccess: (rotated) => onDone(`“${client.name}” has a new secret.`, rotated) });
    } else if (action.kind === 'retire') {
      retire.mutate(client.id, { onSuccess: () => onDone(`The old secret of “${client.name}” no longer works.`) });
    } else {
      revoke.mutate(client.id, { onSuccess: () => onDone(`“${client.name}” is revoked: its tokens no longer work.`) });
    }
  }

  const texts = {
    rotate: {
      title: `Rotate the secret of “${client.name}”?`,
      body: 'You get a new secret, shown once. The current secret keeps working for 7 days, or until you retire it, so you can update your scripts first.',
      confirm: 'Rotate secret',
    },
    retire: {
      title: `Retire the old secret of “${client.name}”?`,
      body: 'The secret before the last rotation stops working now. Scripts that still use it will be refused.',
      confirm: 'Retire old secret',
    },
    revoke: {
      title: `Revoke “${client.name}”?`,
      body: 'It stops working at once: its tokens are refused and it cannot get new ones. This cannot be undone.',
      confirm: 'Revoke',
    },
  }[action.kind];

  return (
    <ConfirmDialog
      title={texts.title}
      confirmLabel={texts.confirm}
      busy={mutation.isPending}
      failure={failureOf(mutation.error)}
      danger={action.kind !== 'rotate'}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>{texts.body}</p>
    </ConfirmDialog>
  );
}
