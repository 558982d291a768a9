import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { failureOf } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { activationQuery } from './loginApi';

/** `/sso/activate?token=…`: activates the e-mail account and points back to the portal. */
export function ActivatePage() {
  const [params] = useSearchParams();
  const activation = useQuery(activationQuery(params.get('token')));

  return (
    <>
      <h1>Activate your email account</h1>
      {activation.isPending && <p role="status">Activating your account…</p>}
      {activation.isError && <ErrorAlert failure={failureOf(activation.error)} />}
      {activation.isSuccess && (
        <p role="status" className="success">
          Your e-mail account <strong>{activation.data.email}</strong> is now active. Return to the portal and choose Log in
          with Single Sign-On.
        </p>
      )}
      <p className="secondary-action">
        <Link to="/">Back to the portal</Link>
      </p>
    </>
  );
}
