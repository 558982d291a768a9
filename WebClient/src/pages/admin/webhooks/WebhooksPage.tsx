import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ActionsMenu } from '../../../components/ActionsMenu';
import { DataList } from '../../../components/DataList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { failureOf } from '../adminApi';
import { webhookEndpointUrl } from '../adminRoutes';
import { ConfirmDialog } from '../ConfirmDialog';
import { WebhookEndpointForm } from './WebhookEndpointForm';
import { WebhookSecretNotice } from './WebhookSecretNotice';
import { endpointsQuery, useCreateEndpoint, useDeleteEndpoint, useSetEndpointEnabled, type WebhookEndpoint, type WebhookEndpointWithSecret } from './webhooksApi';

const statusOf = (endpoint: WebhookEndpoint) => (endpoint.enabled ? 'Enabled' : 'Disabled');

/** Settings > Webhooks (partner admins): the endpoints that receive signed events about the partner's end users and batches. */
export function WebhooksPage() {
  const list = useQuery(endpointsQuery());
  const setEnabled = useSetEndpointEnabled();
  const remove = useDeleteEndpoint();
  const create = useCreateEndpoint();
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <title>Webhooks · Admin · End User Portal</title>
      <h1>Webhooks</h1>
      <p>
        Your systems hear of what happens to your end users and migration batches: each event is POSTed to your endpoints,
        signed (Standard Webhooks), and retried for about a day if an endpoint does not answer.
      </p>
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
      <ErrorAlert failure={setEnabled.isError ? failureOf(setEnabled.error) : null} />
      <DataList query={list} loading="Loading endpoints…" empty="No endpoints yet: add one below." rows={(endpoints) => endpoints}>
        {(endpoints) => (
          <table aria-label="Webhook endpoints">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <td>
                    <Link to={webhookEndpointUrl(endpoint.id)}>{endpoint.url}</Link>
                    {endpoint.description && <div className="hint">{endpoint.description}</div>}
                  </td>
                  <td>{endpoint.events.length}</td>
                  <td>
                    {statusOf(endpoint)}
                    {endpoint.disabledReason && <div className="hint">{endpoint.disabledReason}</div>}
                  </td>
                  <td>
                    <ActionsMenu
                      label={`Actions for ${endpoint.url}`}
                      actions={[
                        endpoint.enabled
                          ? { key: 'toggle', label: 'Disable', onSelect: () => setEnabled.mutate({ id: endpoint.id, enabled: false }) }
                          : { key: 'toggle', label: 'Enable', onSelect: () => setEnabled.mutate({ id: endpoint.id, enabled: true }) },
                        { key: 'delete', label: 'Delete', danger: true, onSelect: () => setDeleting(endpoint) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </DataList>

      {created ? (
        <WebhookSecretNotice secret={created.secret} onDone={() => setCreated(null)} />
      ) : (
        <WebhookEndpointForm
          title="Add endpoint"
          save={create}
          onSaved={(endpoint) => {
            setNotice(`${endpoint.endpoint.url} was added.`);
            setCreated(endpoint);
          }}
        />
      )}

      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.url}?`}
          confirmLabel="Delete endpoint"
          danger
          busy={remove.isPending}
          failure={remove.isError ? failureOf(remove.error) : null}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setNotice(`${deleting.url} was deleted.`);
                setDeleting(null);
              },
            })
          }
        >
          <p>No more events are sent to it, and its delivery log is removed.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
