import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { clientFailure, genericErrorMessage } from '../../api/problem';
import { useApiQuery } from '../../api/useApiQuery';
import { browser, sameOriginPath } from '../../browser';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useSubmit, type Outcome } from '../../components/useSubmit';
import { loginApi, type StepAnswer } from './loginApi';

type Screen =
  | { step: 'email' | 'password' | 'activate' | 'enroll' | 'mfa' }
  | { step: 'recovery-codes'; codes: string[]; next: StepAnswer };

const ForgotPasswordLink = () => (
  <p className="secondary-action">
    <Link to="/sso/forgot-password">Forgot Password</Link>
  </p>
);

/** The e-mail being signed in, with a way back to the first step. */
function Identity({ email, onChange }: { email: string; onChange: () => void }) {
  return (
    <p className="identity">
      <span className="identity-email">{email}</span>{' '}
      <a
        href={window.location.pathname + window.location.search}
        onClick={(event) => {
          event.preventDefault();
          onChange();
        }}
      >
        Change
      </a>
    </p>
  );
}

function EmailStep({ email, onEmail, onSubmit }: {
  email: string;
  onEmail: (value: string) => void;
  onSubmit: () => Promise<Outcome>;
}) {
  const { busy, error, submit } = useSubmit();
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(onSubmit);
      }}
    >
      <h1>Sign in</h1>
      <TextField label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={onEmail} />
      <ErrorAlert failure={error} />
      <SubmitButton label="Next" busy={busy} />
      <ForgotPasswordLink />
    </form>
  );
}

function PasswordStep({ email, onChangeEmail, onAnswer }: {
  email: string;
  onChangeEmail: () => void;
  onAnswer: (answer: StepAnswer) => Outcome;
}) {
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit();
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(async () => {
          const result = await loginApi.password(password);
          return result.ok ? onAnswer(result.data) : result.failure;
        });
      }}
    >
      <h1>Enter your password</h1>
      <Identity email={email} onChange={onChangeEmail} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={setPassword}
      />
      <ErrorAlert failure={error} />
      <SubmitButton label="Login" busy={busy} />
      <ForgotPasswordLink />
    </form>
  );
}

function ActivationDialog({ email, onClose }: { email: string; onClose: () => void }) {
  const { busy, error, submit } = useSubmit();
  const [resent, setResent] = useState(false);
  return (
    <Modal title="Activate your email account" onClose={onClose}>
      <p>
        We sent an e-mail to <strong>{email}</strong> with a link to activate your account. Open it and follow the
        link, then return to the portal and choose Log in with Single Sign-On again.
      </p>
      <ErrorAlert failure={error} />
      {resent && (
        <p role="status" className="success">
          We sent the activation e-mail again.
        </p>
      )}
      <div className="actions">
        <SubmitButton
          type="button"
          label="Resend activation e-mail"
          busy={busy}
          onClick={() =>
            void submit(async () => {
              setResent(false);
              const result = await loginApi.resendActivation();
              if (!result.ok) return result.failure;
              setResent(true);
              return 'ok';
            })
          }
        />
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function EnrollStep({ onEnrolled }: { onEnrolled: (answer: StepAnswer) => Outcome }) {
  const { state } = useApiQuery(loginApi.enrollment);
  const [code, setCode] = useState('');
  const { busy, error, submit } = useSubmit();

  return (
    <>
      <h1>Set up your authenticator</h1>
      {state.status === 'loading' && <p role="status">Preparing your authenticator key…</p>}
      {state.status === 'error' && <ErrorAlert failure={state.failure} />}
      {state.status === 'success' && (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void submit(async () => {
              const result = await loginApi.confirmEnrollment(code.trim());
              if (!result.ok) return result.failure;
              return onEnrolled(result.data);
            });
          }}
        >
          <p>Scan this QR code with an authenticator app (such as Microsoft Authenticator or Google Authenticator).</p>
          <img
            className="qr"
            src={state.data.qrCodeDataUri}
            alt={`QR code to add ${state.data.accountName} to your authenticator app`}
            width={200}
            height={200}
          />
          <p className="field">
            <label htmlFor="manual-key">Manual key</label>
            <output id="manual-key" data-testid="manual-key" className="manual-key">
              {state.data.manualKey}
            </output>
            <span className="hint">
              Can&apos;t scan? Enter this key in the app for {state.data.issuer} ({state.data.accountName}).
            </span>
          </p>
          <TextField
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            hint="The 6-digit code your app shows now."
            value={code}
            onChange={setCode}
          />
          <ErrorAlert failure={error} />
          <SubmitButton label="Verify" busy={busy} />
        </form>
      )}
    </>
  );
}

function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => Outcome }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <h1>Save your recovery codes</h1>
      <p>
        If you lose your authenticator, each of these codes lets you log in once. Keep them somewhere safe: they are
        shown only now.
      </p>
      <ul className="codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <SubmitButton
        type="button"
        label="Continue"
        busy={leaving}
        onClick={() => setLeaving(onContinue() === 'leaving')}
      />
    </>
  );
}

function MfaStep({ email, onChangeEmail, onAnswer }: {
  email: string;
  onChangeEmail: () => void;
  onAnswer: (answer: StepAnswer) => Outcome;
}) {
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(async () => {
          const answer = useRecoveryCode ? { recoveryCode: value.trim() } : { code: value.trim() };
          const result = await loginApi.mfa(answer);
          return result.ok ? onAnswer(result.data) : result.failure;
        });
      }}
    >
      <h1>Two-step verification</h1>
      <Identity email={email} onChange={onChangeEmail} />
      {useRecoveryCode ? (
        <TextField
          key="recovery"
          label="Recovery code"
          autoComplete="off"
          required
          autoFocus
          value={value}
          onChange={setValue}
        />
      ) : (
        <TextField
          key="code"
          label="MFA code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          autoFocus
          hint="Enter the 6-digit code from your authenticator app."
          value={value}
          onChange={setValue}
        />
      )}
      <ErrorAlert failure={error} />
      <SubmitButton label="Login" busy={busy} />
      <p className="secondary-action">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setUseRecoveryCode(!useRecoveryCode);
            setValue('');
            setError(null);
          }}
        >
          {useRecoveryCode ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
        </button>
      </p>
    </form>
  );
}

/**
 * `/sso/login?returnUrl=…`: the provider's identifier-first login. Each Api answer names the next
 * step; `done` means the SSO session cookie is set and the whole window goes on to `redirectUrl`.
 */
export function SsoLoginPage() {
  const [params] = useSearchParams();
  const returnUrl = params.get('returnUrl') ?? '/portal';
  const [email, setEmail] = useState('');
  const [screen, setScreen] = useState<Screen>({ step: 'email' });

  function follow(answer: StepAnswer): Outcome {
    if (answer.email) setEmail(answer.email);
    switch (answer.step) {
      case 'done':
        browser.assign(sameOriginPath(answer.redirectUrl));
        return 'leaving';
      case 'password':
      case 'activate':
      case 'enroll':
      case 'mfa':
        setScreen({ step: answer.step });
        return 'ok';
      default:
        return clientFailure(genericErrorMessage);
    }
  }

  const restart = () => setScreen({ step: 'email' });

  switch (screen.step) {
    case 'email':
      return (
        <EmailStep
          email={email}
          onEmail={setEmail}
          onSubmit={async () => {
            const result = await loginApi.start(email.trim(), returnUrl);
            return result.ok ? follow(result.data) : result.failure;
          }}
        />
      );
    case 'password':
      return <PasswordStep email={email} onChangeEmail={restart} onAnswer={follow} />;
    case 'activate':
      return (
        <>
          <div inert>
            <h1>Sign in</h1>
            <p className="identity">{email}</p>
          </div>
          <ActivationDialog email={email} onClose={restart} />
        </>
      );
    case 'enroll':
      return (
        <EnrollStep
          onEnrolled={(answer) => {
            if (!answer.recoveryCodes?.length) return follow(answer);
            setScreen({ step: 'recovery-codes', codes: answer.recoveryCodes, next: answer });
            return 'ok';
          }}
        />
      );
    case 'recovery-codes':
      // The codes are shown once; Continue then takes the step the enrolment answer named
      // (normally `done`, or `mfa` if the provider wants a fresh code).
      return <RecoveryCodes codes={screen.codes} onContinue={() => follow(screen.next)} />;
    case 'mfa':
      return <MfaStep email={email} onChangeEmail={restart} onAnswer={follow} />;
  }
}
