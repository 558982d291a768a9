import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf } from '../adminApi';
import type { CreatedApiClient } from '../adminTypes';
import { scopeChoices, useCreateApiClient } from './apiClientsApi';

interface Props {
  onCreated: (created: CreatedApiClient) => void;
  onCancel: () => void;
}

/** "Create API client": a name and the scopes, each with what it allows. */
export function CreateApiClientDialog({ onCreated, onCancel }: Props) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ReadonlySet<string>>(new Set());
  const create = useCreateApiClient();

  function toggle(scope: string, on: boolean) {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    setScopes(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: name.trim(), scopes: scopeChoices.map((c) => c.scope).filter((s) => scopes.has(s)) }, { onSuccess: onCreated });
  }

  return (
    <Modal title="Create API client" onClose={create.isPending ? undefined : onCancel}>
      <form onSubmit={onSubmit}>
        <TextField label="Name" value={name} onChange={setName} maxLength={100} hint="The script or tool that will use it, e.g. Nightly HR sync." required />
        <fieldset className="role-picker">
          <legend>Scopes</legend>
          <ul>
            {scopeChoices.map((choice) => (
              <li key={choice.scope}>
                <label>
                  <input type="checkbox" checked={scopes.has(choice.scope)} onChange={(event) => toggle(choice.scope, event.target.checked)} />{' '}
                  <code>{choice.scope}</code> — {choice.sentence}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <ErrorAlert failure={failureOf(create.error)} />
        <div className="actions">
          <SubmitButton label="Create API client" busy={create.isPending} />
          <button type="button" className="button secondary" disabled={create.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
