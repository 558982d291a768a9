import { useState, type FormEvent } from 'react';
import { clientFailure, type ApiFailure } from '../../../api/problem';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf } from '../adminApi';
import type { ClientSummary, EndUserRow } from '../adminTypes';
import { endUserRoles } from '../format';
import { useSaveEndUser } from './endUsersApi';

const awaitingOwnerSentence =
  'This address already has a single sign-on account. We asked its owner to accept; they get access when they do.';

interface Props {
  /** The user to edit, or null to add one. */
  user: EndUserRow | null;
  clients: ClientSummary[];
  showPartner: boolean;
  /** Called with the sentence to show on the page once the Api has accepted the change. */
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/** "Add end user" and "Edit": Client, Name, Email, Role. */
export function EndUserDialog({ user, clients, showPartner, onSaved, onCancel }: Props) {
  const [clientId, setClientId] = useState(user?.clientId ?? (clients.length === 1 ? (clients[0]?.id ?? '') : ''));
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<string>(user?.role ?? endUserRoles[0]);
  const [checkFailure, setCheckFailure] = useState<ApiFailure | null>(null);
  const save = useSaveEndUser();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!clientId) {
      setCheckFailure(clientFailure('Choose the client this end user belongs to.'));
      return;
    }
    setCheckFailure(null);
    const input = { clientId, name: name.trim(), email: email.trim(), role };
    save.mutate(
      { id: user?.id ?? null, input },
      {
        onSuccess: (created) => {
          if (user) {
            onSaved(`Changes to ${input.name} were saved.`);
            return;
          }
          if (created?.awaitingAccountOwner) {
            onSaved(`${input.name} was added. ${awaitingOwnerSentence}`);
            return;
          }
          const migrated = clients.find((client) => client.id === clientId)?.migratedToSsoAt;
          onSaved(`${input.name} was added. ${migrated ? 'An activation e-mail was sent.' : 'A set-password e-mail was sent.'}`);
        },
      },
    );
  }

  const roles = role && !endUserRoles.some((known) => known === role) ? [...endUserRoles, role] : endUserRoles;
  return (
    <Modal title={user ? `Edit ${user.name}` : 'Add end user'} onClose={save.isPending ? undefined : onCancel}>
      <form onSubmit={onSubmit}>
        <SelectField
          label="Client"
          required
          value={clientId}
          onChange={setClientId}
          options={[
            { value: '', label: 'Choose a client' },
            ...clients.map((client) => ({
              value: client.id,
              label: showPartner ? `${client.name} (${client.partnerName})` : client.name,
            })),
          ]}
        />
        <TextField label="Name" required maxLength={200} autoComplete="off" value={name} onChange={setName} />
        <TextField label="Email" type="email" required autoComplete="off" value={email} onChange={setEmail} />
        <SelectField label="Role" value={role} onChange={setRole} options={roles.map((value) => ({ value, label: value }))} />
        {!user && (
          <p className="hint">
            Users of a client already on Single Sign-On get an activation e-mail; the others get an e-mail to set a
            portal password.
          </p>
        )}
        <ErrorAlert failure={checkFailure ?? failureOf(save.error)} />
        <div className="actions">
          <SubmitButton label={user ? 'Save changes' : 'Add end user'} busy={save.isPending} />
          <button type="button" className="button secondary" disabled={save.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
