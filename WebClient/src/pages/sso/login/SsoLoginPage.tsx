import { useSearchParams } from 'react-router';
import { ActivationDialog } from './ActivationDialog';
import { EmailStep } from './EmailStep';
import { EnrollmentStep } from './EnrollmentStep';
import { MfaStep } from './MfaStep';
import { PasswordStep } from './PasswordStep';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { useLoginSteps } from './useLoginSteps';

/**
 * `/sso/login?returnUrl=…`: the provider's identifier-first login. Shows the one step the last Api
 * answer named (see useLoginSteps); each step sends its own request.
 */
export function SsoLoginPage() {
  const [params] = useSearchParams();
  const returnUrl = params.get('returnUrl') ?? '/portal';
  const { email, setEmail, screen, follow, followEnrolment, restart } = useLoginSteps();

  switch (screen.step) {
    case 'email':
      return <EmailStep email={email} onEmailChange={setEmail} returnUrl={returnUrl} onAnswer={follow} />;
    case 'password':
      return <PasswordStep email={email} onChangeEmail={restart} onAnswer={follow} />;
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
