import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataList } from '../../../components/DataList';
import { formatDateTime } from '../../../components/format';
import { useStaff } from '../staff';
import { ApiClientActionDialog, type ApiClientAction } from './ApiClientActionDialog';
import { apiClientListQuery } from './apiClientsApi';
import { ApiClientsTable } from './ApiClientsTable';
import { CreateApiClientDialog } from './CreateApiClientDialog';
import { SecretOnce } from './SecretOnce';

interface Shown {
  title: string;
  clientId: string;
  secret: string;
  note?: string;
}

/**
 * Settings > API clients (partner admins): the scripts and provisioning tools that call the admin
 * API or SCIM for the partner. Create one (its secret shown once), rotate its secret (the old one
 * keeps working 7 days, or until retired), revoke it (its tokens stop working at once).
 */
export function ApiClientsPage() {
  const staff = useStaff();
  const [page, setPage] = useState(1);
  const list = useQuery(apiClientListQuery(page));
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<ApiClientAction | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!staff.canManage || staff.partnerId === null) {
    return (
      <>
        <title>API clients · Settings · Admin · End User Portal</title>
        <h1>API clients</h1>
        <p>Only a partner admin can manage API clients.</p>
      </>
    );
  }

  return (
    <>
      <title>API clients · Settings · Admin · End User Portal</title>
      <div className="page-title">
        <h1>API clients</h1>
        <button
          type="button"
          className="button"
          onClick={() => {
            setNotice(null);
            setCreating(true);
          }}
        >
          Create API client
        </button>
      </div>
      <p className="hint">
        Your scripts and provisioning tools call the admin API or SCIM with an API client: they exchange its client ID
        and secret for a token at the sign-in service, and act for your company only. The audit log names the API client.
      </p>
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}

      <DataList
        query={list}
        loading="Loading API clients…"
        empty="You have no API clients yet."
        rows={(data) => data.items}
        pager={(data) => ({ page, pageSize: 20, total: data.total, noun: ['API client', 'API clients'], onPage: setPage })}
      >
        {(rows, busy) => (
          <ApiClientsTable
            rows={rows}
            busy={busy}
            onAction={(action) => {
              setNotice(null);
              setActing(action);
            }}
          />
        )}
      </DataList>

      {creating && (
        <CreateApiClientDialog
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setShown({ title: `API client “${created.apiClient.name}” created`, clientId: created.apiClient.clientId, secret: created.clientSecret });
          }}
        />
      )}
      {acting && (
        <ApiClientActionDialog
          action={acting}
          onCancel={() => setActing(null)}
          onDone={(message, rotated) => {
            setActing(null);
            setNotice(message);
            if (rotated) {
              setShown({
                title: `New secret for “${rotated.apiClient.name}”`,
                clientId: rotated.apiClient.clientId,
                secret: rotated.clientSecret,
                note: rotated.apiClient.previousSecretValidUntil
                  ? `The old secret keeps working until ${formatDateTime(rotated.apiClient.previousSecretValidUntil)}, or until you retire it.`
                  : undefined,
              });
            }
          }}
        />
      )}
      {shown && <SecretOnce {...shown} onDone={() => setShown(null)} />}
    </>
  );
}
