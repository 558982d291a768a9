import { Link, useSearchParams } from 'react-router';
import { api, send, type ApiResult } from '../../api/client';
import { clientFailure } from '../../api/problem';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';

const missingToken = 'This activation link is incomplete. Open the link from the e-mail again.';

// Activation links are single-use: one request per token, even if the page mounts twice.
const activations = new Map<string, Promise<ApiResult<{ email: string }>>>();

function activate(token: string) {
  let activation = activations.get(token);
  if (!activation) {
    activation = send<{ email: string }>(api.POST('/api/sso/activate', { body: { token } }));
    activations.set(token, activation);
  }
  return activation;
}

/** `/sso/activate?token=…`: activates the e-mail account and points back to the portal. */
export function ActivatePage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const { state } = useApiQuery(() =>
    token
      ? activate(token)
      : Promise.resolve<ApiResult<{ email: string }>>({ ok: false, failure: clientFailure(missingToken) }),
  );

  return (
    <>
      <h1>Activate your email account</h1>
      {state.status === 'loading' && <p role="status">Activating your account…</p>}
      {state.status === 'error' && <ErrorAlert failure={state.failure} />}
      {state.status === 'success' && (
        <p role="status" className="success">
          Your e-mail account <strong>{state.data.email}</strong> is now active. Return to the portal and choose Log in
          with Single Sign-On.
        </p>
      )}
      <p className="secondary-action">
        <Link to="/">Back to the portal</Link>
      </p>
    </>
  );
}
