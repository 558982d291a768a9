import { TextField } from '../../../components/TextField';
import type { SignInWindow } from './signInWindow';

/**
 * "Let users move early by logging in" and from when, in the batch's time zone: from then until the
 * batch runs, a user who logs in on the portal's form moves to Single Sign-On at that moment.
 */
export function SignInWindowFields({
  value,
  onChange,
  timeZone,
}: {
  value: SignInWindow;
  onChange: (value: SignInWindow) => void;
  timeZone: string;
}) {
  return (
    <fieldset className="schedule">
      <legend>Moving early</legend>
      <label className="check">
        <input type="checkbox" checked={value.open} onChange={(event) => onChange({ ...value, open: event.target.checked })} /> Let
        users move early by logging in
      </label>
      {value.open && (
        <div className="schedule-fields">
          <TextField label="Early-move date" type="date" required value={value.date} onChange={(date) => onChange({ ...value, date })} />
          <TextField label="Early-move time" type="time" required value={value.time} onChange={(time) => onChange({ ...value, time })} />
        </div>
      )}
      <p className="hint">
        From then until the batch runs, a user of these clients who logs in on the portal&apos;s form moves to Single
        Sign-On at once and goes on to activate their account; everyone else moves with the batch. The date and time are
        in {timeZone.replaceAll('_', ' ')}.
      </p>
    </fieldset>
  );
}
