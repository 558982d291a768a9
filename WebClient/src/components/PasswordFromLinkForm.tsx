import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { ApiResult } from '../api/client';
import { clientFailure } from '../api/problem';
import { ErrorAlert } from './ErrorAlert';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { SubmitButton } from './SubmitButton';
import { useSubmit } from './useSubmit';

interface Props {
  submitLabel: string;
  /** Sends the link's token and the chosen password to the Api. */
  save: (token: string, newPassword: string) => Promise<ApiResult<unknown>>;
  /** What the page says once the password is set. */
  done: ReactNode;
}

/**
 * A new password chosen from a link in an e-mail (`?token=…`): the SSO's reset and invitation
 * links and the portal's set-password invitation. The link works once, so the form checks the
 * two fields agree before it spends it.
 */
export function PasswordFromLinkForm({ submitLabel, save, done }: Props) {
  const [params] = useSearchParams();
  const token = params.get('token');
  const password = useNewPassword();
  const [saved, setSaved] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      if (!token) return clientFailure('This link is incomplete. Open the link from the e-mail again.');
      if (password.mismatch) return clientFailure(password.mismatch);
      const result = await save(token, password.newPassword);
      if (!result.ok) return result.failure;
      setSaved(true);
      return 'ok';
    });
  }

  return saved ? (
    <p role="status" className="success">
      {done}
    </p>
  ) : (
    <form onSubmit={onSubmit}>
      <NewPasswordFields state={password} autoFocus />
      <ErrorAlert failure={error} />
      <SubmitButton label={submitLabel} busy={busy} />
    </form>
  );
}
