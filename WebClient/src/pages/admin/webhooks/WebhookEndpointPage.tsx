import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DataList } from '../../../components/DataList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { SubmitButton } from '../../../components/SubmitButton';
import { failureOf } from '../adminApi';
import { adminRoutes } from '../adminRoutes';
import { ConfirmDialog } from '../ConfirmDialog';
import { WebhookEndpointForm } from './WebhookEndpointForm';
import { WebhookSecretNotice } from './WebhookSecretNotice';
import {
  deliveriesQuery,
  endpointQuery,
  useDeleteEndpoint,
  useEditEndpoint,
  useReplayDelivery,
  useRotateSecret,
  useSendTestEvent,
  useSetEndpointEnabled,
  type WebhookAttemptRow,
  type WebhookEndpoint,
} from './webhooksApi';

/** The delivery log: every attempt, newest first, with Replay for a delivery that is done (delivered or failed). */
function DeliveryLog({ endpointId }: { endpointId: string }) {
  const [page, setPage] = useState(1);
  const log = useQuery(deliveriesQuery(endpointId, page));
  const replay = useReplayDelivery();
  const [replayed, setReplayed] = useState<string | null>(null);
  const canReplay = (row: WebhookAttemptRow) => row.deliveryStatus !== 'retrying';

  return (
    <section aria-labelledby="webhook-log-title">
      <h2 id="webhook-log-title">Delivery log</h2>
      <ErrorAlert failure={replay.isError ? failureOf(replay.error) : null} />
      {replayed && (
        <p role="status" className="success">
          {replayed} is on its way again, with the same event id.
        </p>
      )}
      <DataList
        query={log}
        loading="Loading deliveries…"
        empty="Nothing was sent to this endpoint yet. Send a test event to try it."
        rows={(data) => data.items}
        pager={(data) => ({ page, pageSize: data.pageSize, total: data.total, noun: ['attempt', 'attempts'], onPage: setPage })}
      >
        {(rows, busy) => (
          <table aria-label="Delivery log" aria-busy={busy}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Response</th>
                <th scope="col">Latency</th>
                <th scope="col">
                  <span className="visually-hidden">Replay</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.at)}</td>
                  <td>
                    {row.eventType}
                    <div className="hint">{row.eventId}</div>
                  </td>
                  <td>
                    {row.status === 'delivered' ? 'Delivered' : 'Failed'}
                    {row.error && <div className="hint">{row.error}</div>}
                  </td>
                  <td>{row.responseCode ?? '—'}</td>
                  <td>{row.latencyMs} ms</td>
                  <td>
                    {canReplay(row) && (
                      <button
                        type="button"
                        className="button secondary"
                        aria-label={`Replay ${row.eventType} ${row.eventId}`}
                        disabled={replay.isPending}
                        onClick={() => {
                          setReplayed(null);
                          replay.mutate({ id: endpointId, deliveryId: row.deliveryId }, { onSuccess: () => setReplayed(row.eventType) });
                        }}
                      >
                        Replay
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </DataList>
    </section>
  );
}

function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const navigate = useNavigate();
  const test = useSendTestEvent();
  const setEnabled = useSetEndpointEnabled();
  const rotate = useRotateSecret();
  const remove = useDeleteEndpoint();
  const save = useEditEndpoint(endpoint.id);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const failure = [test, setEnabled, rotate].find((m) => m.isError);

  return (
    <>
      <div className="actions">
        <SubmitButton type="button" label="Send test event" busy={test.isPending} onClick={() => test.mutate(endpoint.id, { onSuccess: () => setNotice('A webhook.test event is on its way; it shows in the log below.') })} />
        <SubmitButton
          type="button"
          className="secondary"
          label={endpoint.enabled ? 'Disable' : 'Enable'}
          busy={setEnabled.isPending}
          onClick={() => setEnabled.mutate({ id: endpoint.id, enabled: !endpoint.enabled }, { onSuccess: () => setNotice(endpoint.enabled ? 'The endpoint is disabled.' : 'The endpoint is enabled again.') })}
        />
        <button type="button" className="button secondary" onClick={() => setEditing(true)}>
          Edit
        </button>
        <SubmitButton type="button" className="secondary" label="Rotate secret" busy={rotate.isPending} onClick={() => rotate.mutate(endpoint.id, { onSuccess: (rotated) => setSecret(rotated.secret) })} />
        <button type="button" className="button danger" onClick={() => setDeleting(true)}>
          Delete
        </button>
      </div>
      <ErrorAlert failure={failure?.error ? failureOf(failure.error) : null} />
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
      {editing && (
        <WebhookEndpointForm
          title="Edit endpoint"
          endpoint={endpoint}
          save={save}
          onSaved={() => {
            setEditing(false);
            setNotice('The endpoint was saved.');
          }}
        />
      )}
      {secret && <WebhookSecretNotice secret={secret} onDone={() => setSecret(null)} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${endpoint.url}?`}
          confirmLabel="Delete endpoint"
          danger
          busy={remove.isPending}
          failure={remove.isError ? failureOf(remove.error) : null}
          onCancel={() => setDeleting(false)}
          onConfirm={() => remove.mutate(endpoint.id, { onSuccess: () => void navigate(adminRoutes.webhooks) })}
        >
          <p>No more events are sent to it, and its delivery log is removed.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** One endpoint: what it receives, its state, its actions and its delivery log. */
export function WebhookEndpointPage() {
  const { id = '' } = useParams();
  const endpoint = useQuery(endpointQuery(id));

  return (
    <>
      <title>Webhook endpoint · Admin · End User Portal</title>
      <p>
        <Link to={adminRoutes.webhooks}>Back to Webhooks</Link>
      </p>
      {endpoint.isPending && <p role="status">Loading the endpoint…</p>}
      {endpoint.isError && <ErrorAlert failure={failureOf(endpoint.error)} />}
      {endpoint.isSuccess && (
        <>
          <h1>{endpoint.data.url}</h1>
          {endpoint.data.description && <p>{endpoint.data.description}</p>}
          <p>
            <strong>{endpoint.data.enabled ? 'Enabled' : 'Disabled'}</strong>
            {endpoint.data.disabledReason && <> — {endpoint.data.disabledReason}</>}
          </p>
          <p className="hint">Events: {endpoint.data.events.join(', ')}</p>
          <EndpointActions endpoint={endpoint.data} />
          <DeliveryLog endpointId={id} />
        </>
      )}
    </>
  );
}
