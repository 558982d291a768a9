import { useQuery, type UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf } from '../adminApi';
import { eventTypesQuery, type WebhookEndpoint, type WebhookEndpointInput } from './webhooksApi';

interface Props<T> {
  /** "Add endpoint" or "Edit endpoint": the heading and the button. */
  title: string;
  /** The endpoint being edited; none for a new one. */
  endpoint?: WebhookEndpoint;
  save: UseMutationResult<T, Error, WebhookEndpointInput>;
  onSaved: (saved: T) => void;
}

/** The endpoint form: the address, what it is for, and the events it receives (a checkbox each). */
export function WebhookEndpointForm<T>({ title, endpoint, save, onSaved }: Props<T>) {
  const types = useQuery(eventTypesQuery());
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? []);

  function toggle(type: string, on: boolean) {
    setEvents((chosen) => (on ? [...chosen, type] : chosen.filter((t) => t !== type)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      { url: url.trim(), description: description.trim(), events },
      {
        onSuccess: (saved) => {
          if (!endpoint) {
            setUrl('');
            setDescription('');
            setEvents([]);
          }
          onSaved(saved);
        },
      },
    );
  }

  return (
    <form className="panel" onSubmit={onSubmit} aria-label={title}>
      <h2>{title}</h2>
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
      <ErrorAlert failure={save.isError ? failureOf(save.error) : null} />
      <SubmitButton label={endpoint ? 'Save endpoint' : 'Add endpoint'} busy={save.isPending} />
    </form>
  );
}
