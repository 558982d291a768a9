import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { loginStepQuery, type StepAnswer } from '../loginApi';
import { ActivationDialog } from './ActivationDialog';
import { EmailStep } from './EmailStep';
import { EnrollmentStep } from './EnrollmentStep';
import { MfaStep } from './MfaStep';
import { PasswordStep } from './PasswordStep';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { useLoginSteps } from './useLoginSteps';

/**
 * `/sso/login?returnUrl=…`: the provider's identifier-first login. Shows the one step the last Api
 * answer named (see useLoginSteps); each step sends its own request. With `&resume=1` it first asks
 * which step this browser's sign-in waits at: the portal's form opens one at the activation step
 * when it has just moved the user to Single Sign-On.
 */
export function SsoLoginPage() {
  const [params] = useSearchParams();
  const returnUrl = params.get('returnUrl') ?? '/portal';
  return params.get('resume') === '1' ? <ResumedLogin returnUrl={returnUrl} /> : <LoginSteps returnUrl={returnUrl} />;
}

function ResumedLogin({ returnUrl }: { returnUrl: string }) {
  const step = useQuery(loginStepQuery());
  if (step.isPending) return <p role="status">Loading your sign-in…</p>;
  // A sign-in that has ended meanwhile (or was never opened here) starts again at the e-mail.
  return <LoginSteps returnUrl={returnUrl} resumed={step.data} />;
}

function LoginSteps({ returnUrl, resumed }: { returnUrl: string; resumed?: StepAnswer }) {
  const { email, setEmail, screen, follow, followEnrolment, restart } = useLoginSteps(resumed);

  switch (screen.step) {
    case 'email':
      return <EmailStep email={email} onEmailChange={setEmail} returnUrl={returnUrl} onAnswer={follow} />;
    case 'password':
      return (
        <PasswordStep
          email={email}
          onChangeEmail={restart}
          onAnswer={follow}
          passkeyOffered={screen.passkeyOffered}
          returnUrl={returnUrl}
        />
      );
    case 'activate':
      // The sign-in card stays behind the dialog but inert, so focus and clicks stay in the dialog.
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
      return <EnrollmentStep onEnrolled={followEnrolment} />;
    case 'recovery-codes':
      // The codes are shown once; Continue then takes the step the enrolment answer named
      // (normally `done`, or `mfa` if the provider wants a fresh code).
      return <RecoveryCodesStep codes={screen.codes} onContinue={() => follow(screen.next)} />;
    case 'mfa':
      return <MfaStep email={email} onChangeEmail={restart} onAnswer={follow} />;
  }
}
