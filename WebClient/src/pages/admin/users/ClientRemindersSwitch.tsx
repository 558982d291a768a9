import { ErrorAlert } from '../../../components/ErrorAlert';
import { failureOf } from '../adminApi';
import type { ClientSummary } from '../adminTypes';
import { useSetClientReminders } from './endUsersApi';

/**
 * Under Manage Users' filters, once a client is chosen (partner admins only): whether that client's
 * migrated users who are stuck get the automatic reminders. Send reminder works either way.
 */
export function ClientRemindersSwitch({ client }: { client: ClientSummary }) {
  const change = useSetClientReminders();
  // While the change is on its way, the box shows what was asked for, not the old value.
  const checked = change.isPending ? change.variables.enabled : client.automaticReminders;
  const done = change.isSuccess && change.data.clientId === client.id;

  return (
    <div className="client-reminders">
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={change.isPending}
          onChange={(event) => change.mutate({ clientId: client.id, enabled: event.target.checked })}
        />{' '}
        Automatic reminders for {client.name}
      </label>
      <p className="hint">
        Its users moved to Single Sign-On who have not activated their account, or not set up an authenticator, get
        reminders by e-mail a few days after their move. Send reminder works either way.
      </p>
      {done && (
        <p role="status" className="success">
          Automatic reminders are {change.data.enabled ? 'on' : 'off'} for {client.name}.
        </p>
      )}
      <ErrorAlert failure={failureOf(change.error)} />
    </div>
  );
}
