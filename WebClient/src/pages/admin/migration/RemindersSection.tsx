import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { failureOf } from '../adminApi';
import { count } from '../format';
import { reminderSettingsQuery, useRunReminders } from './migrationApi';

/**
 * The Migration page's Reminders: what end users stuck after their batch and their partners get,
 * and when; in Development, Run reminders now sends at once what would be due days later.
 */
export function RemindersSection() {
  const settings = useQuery(reminderSettingsQuery());
  const run = useRunReminders();

  return (
    <section aria-labelledby="reminders-heading" className="reminders">
      <h2 id="reminders-heading">Reminders</h2>
      {settings.isPending && <p role="status">Loading the reminder settings…</p>}
      <ErrorAlert failure={failureOf(settings.error)} />
      {settings.data && (
        <>
          <p>
            End users who have not activated their account get a reminder {settings.data.firstAfterDays} and{' '}
            {settings.data.secondAfterDays} days after their batch completed, with a fresh activation link; those who
            activated without setting up an authenticator get one after {settings.data.firstAfterDays} days. Partners
            whose users activated below {settings.data.digestThresholdPercent} % after {settings.data.digestAfterDays}{' '}
            days get a digest. Each goes once; partners can turn them off per client.
          </p>
          {settings.data.canRunNow && (
            <>
              <button type="button" className="button secondary" disabled={run.isPending} onClick={() => run.mutate()}>
                {run.isPending ? 'Running reminders…' : 'Run reminders now'}
              </button>
              <p className="hint">
                Development only: sends what would be due {settings.data.secondAfterDays} days after every batch. A
                second run sends nothing.
              </p>
            </>
          )}
          {run.isSuccess && (
            <p role="status" className="success">
              Sent {count(run.data.reminders, 'reminder', 'reminders')} and {count(run.data.digests, 'digest', 'digests')}.
            </p>
          )}
          <ErrorAlert failure={failureOf(run.error)} />
        </>
      )}
    </section>
  );
}
