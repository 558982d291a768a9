import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf } from '../adminApi';
import { eventTypesQuery, useCreateEndpoint, type WebhookEndpointWithSecret } from './webhooksApi';

/** Add endpoint: the address, what it is for, and the events it receives (a checkbox each). */
export function WebhookEndpointForm({ onCreated }: { onCreated: (created: WebhookEndpointWithSecret) => void }) {
  const types = useQuery(eventTypesQuery());
  const create = useCreateEndpoint();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);

  function toggle(type: string, on: boolean) {
    setEvents((chosen) => (on ? [...chosen, type] : chosen.filter((t) => t !== type)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim(), events },
      {
        onSuccess: (created) => {
          setUrl('');
          setDescription('');
          setEvents([]);
          onCreated(created);
        },
      },
    );
  }

  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="webhook-add-title">
      <h2 id="webhook-add-title">Add endpoint</h2>
      <TextField
        label="Endpoint URL"
        type="url"
        value={url}
        onChange={setUrl}
        maxLength={2000}
        required
        placeholder="https://hooks.example.com/portal"
        hint="An https:// address on the public internet. Events are POSTed to it, signed with the secret shown after you add it."
      />
      <TextField label="Description" value={description} onChange={setDescription} maxLength={200} hint="Optional: what receives these events." />
      <fieldset className="checkbox-group">
        <legend>Events</legend>
        {types.isPending && <p role="status">Loading the events…</p>}
        {types.isError && <ErrorAlert failure={failureOf(types.error)} />}
        {types.data?.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} /> {type}
          </label>
        ))}
      </fieldset>
      <ErrorAlert failure={create.isError ? failureOf(create.error) : null} />
      <SubmitButton label="Add endpoint" busy={create.isPending} />
    </form>
  );
}
