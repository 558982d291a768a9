import { Link } from 'react-router';
import { failureOf } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMe } from './portalApi';
import { newTicketUrl } from './portalRoutes';
import type { SupportContact } from './portalTypes';

/** Whom to ask: the partner's support contact as their admin set it (Settings > Branding). */
function Contact({ support }: { support: SupportContact }) {
  const hasWay = support.email !== null || support.phone !== null;
  return (
    <>
      <p>
        Your IT provider is <strong>{support.name}</strong>. The quickest way to get help is to{' '}
        <Link to={newTicketUrl()}>open a ticket</Link>
        {hasWay ? '; you can also reach them directly:' : '.'}
      </p>
      {hasWay && (
        <dl className="facts">
          {support.email && (
            <div>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${support.email}`}>{support.email}</a>
              </dd>
            </div>
          )}
          {support.phone && (
            <div>
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${support.phone.replace(/[^\d+]/g, '')}`}>{support.phone}</a>
              </dd>
            </div>
          )}
          {support.hours && (
            <div>
              <dt>Hours</dt>
              <dd>{support.hours}</dd>
            </div>
          )}
        </dl>
      )}
    </>
  );
}

/** `/portal/help`: signing in with Single Sign-On step by step, activation, Forgot Password, and whom to contact. */
export function HelpPage() {
  const me = useMe();
  return (
    <>
      <title>Help · End User Portal</title>
      <h1>Help</h1>

      <section className="panel" aria-labelledby="help-sso-title">
        <h2 id="help-sso-title">Log in with Single Sign-On</h2>
        <ol className="steps">
          <li>Go to the End User Portal&apos;s address, the page you are on now.</li>
          <li>
            Click <strong>Log in with Single Sign-On</strong>.
          </li>
          <li>
            Enter your <strong>Email</strong> address and click <strong>Next</strong>.
          </li>
          <li>
            Enter your <strong>Password</strong> and click <strong>Login</strong>.
          </li>
          <li>
            If you see <strong>Activate your email account</strong>, activate it (see below), then return to the portal
            and click <strong>Log in with Single Sign-On</strong> again.
          </li>
          <li>
            Enter the <strong>MFA code</strong> from your authenticator app and click <strong>Login</strong>. The first
            time, you set up the authenticator app by scanning a QR code.
          </li>
          <li>You are taken to the End User Portal.</li>
        </ol>
      </section>

      <section className="panel" aria-labelledby="help-activate-title">
        <h2 id="help-activate-title">What &quot;Activate your email account&quot; means</h2>
        <p>
          Before your first Single Sign-On, we check that your e-mail address is really yours. When the login screen
          says <strong>Activate your email account</strong>, we have sent you an e-mail with an activation link. Open it
          and follow the link: your account is then active. Return to the portal and log in with Single Sign-On again.
          If the e-mail does not arrive, use <strong>Resend activation e-mail</strong> in the same dialog and check your
          junk mail folder.
        </p>
      </section>

      <section className="panel" aria-labelledby="help-forgot-title">
        <h2 id="help-forgot-title">Forgot your password?</h2>
        <p>
          Use <Link to="/sso/forgot-password">Forgot Password</Link> on the Single Sign-On login screen and enter your
          e-mail address. You receive an e-mail with a link to choose a new password. It comes from{' '}
          <strong>DoNotReply@…</strong>, the portal&apos;s no-reply address: do not answer it, and never share the link.
          The password can no longer be changed under Edit Profile once you use Single Sign-On.
        </p>
      </section>

      <section className="panel" aria-labelledby="help-contact-title">
        <h2 id="help-contact-title">Whom to contact</h2>
        {me.isPending && <p role="status">Loading your IT provider&apos;s contact…</p>}
        {me.isError && <ErrorAlert failure={failureOf(me.error)} />}
        {me.isSuccess && <Contact support={me.data.support} />}
      </section>
    </>
  );
}
