import { useState } from 'react';
import { clientFailure, genericErrorMessage } from '../../../api/problem';
import { browser, sameOriginPath } from '../../../browser';
import type { Outcome } from '../../../components/useSubmit';
import type { StepAnswer } from '../loginApi';

/**
 * What the login screen shows now. The recovery codes are not a step of the Api: the page shows them
 * once, between the enrolment answer and the step that answer names (`next`).
 */
export type LoginScreen =
  | { step: 'email' | 'activate' | 'enroll' | 'mfa' }
  | { step: 'password'; passkeyOffered: boolean }
  | { step: 'recovery-codes'; codes: string[]; next: StepAnswer };

/** A step a sign-in opened elsewhere can be shown at; anything else starts at the e-mail. */
function resumableStep(step: string | undefined): 'email' | 'password' | 'activate' | 'enroll' | 'mfa' {
  return step === 'password' || step === 'activate' || step === 'enroll' || step === 'mfa' ? step : 'email';
}

function screenFor(step: 'email' | 'password' | 'activate' | 'enroll' | 'mfa', answer?: StepAnswer): LoginScreen {
  return step === 'password' ? { step, passkeyOffered: answer?.passkeyOffered === true } : { step };
}

/**
 * The identifier-first step machine, at its first step or at the one a sign-in opened elsewhere is
 * waiting at (`resumed`). Each Api answer names the next step; `done` means the SSO session
 * cookie is set and the whole window goes on to `redirectUrl` (only ever a path on this origin).
 * A hook rather than a pure reducer: following `done` navigates, and answers `'leaving'` so the
 * button that submitted stays busy until the browser goes.
 */
export function useLoginSteps(resumed?: StepAnswer) {
  const [email, setEmail] = useState(resumed?.email ?? '');
  const [screen, setScreen] = useState<LoginScreen>(() => screenFor(resumableStep(resumed?.step), resumed));

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
        setScreen(screenFor(answer.step, answer));
        return 'ok';
      default:
        return clientFailure(genericErrorMessage);
    }
  }

  /** The answer that completes an enrolment may carry recovery codes: they come first, then its step. */
  function followEnrolment(answer: StepAnswer): Outcome {
    if (!answer.recoveryCodes?.length) return follow(answer);
    setScreen({ step: 'recovery-codes', codes: answer.recoveryCodes, next: answer });
    return 'ok';
  }

  const restart = () => setScreen({ step: 'email' });

  return { email, setEmail, screen, follow, followEnrolment, restart };
}
