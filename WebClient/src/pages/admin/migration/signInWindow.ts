import { fromUtc, toUtc } from './zonedTime';

/**
 * Mixed mode, as the batch form holds it: whether the batch's users may move before its date by
 * logging in on the portal's form, and from when (a day and a time read in the batch's time zone).
 */
export interface SignInWindow {
  open: boolean;
  date: string;
  time: string;
}

/** A new batch: users move with the batch only. */
export const noWindow = (): SignInWindow => ({ open: false, date: '', time: '' });

/** A batch's window back in the inputs, in its own zone. */
export const windowOf = (opensAt: string | null, timeZone: string): SignInWindow =>
  opensAt ? { open: true, ...fromUtc(opensAt, timeZone) } : noWindow();

/**
 * The window as the Api takes it (none: no field), or the sentence saying what to fix. The Api checks
 * the same (its sentence is shown when it refuses); this answers before the round trip.
 */
export function readWindow(window: SignInWindow, timeZone: string, scheduledAt: string): { windowOpensAt?: string } | string {
  if (!window.open) return {};
  if (!window.date || !window.time) return 'Choose the date and the time from which users can move by logging in.';
  const windowOpensAt = toUtc(window.date, window.time, timeZone);
  if (!windowOpensAt) return 'Enter the early-move date as a day of the calendar and the time as hours and minutes.';
  if (new Date(windowOpensAt) >= new Date(scheduledAt)) {
    return "Users can start moving by logging in only before the batch's date: choose an earlier time.";
  }
  return { windowOpensAt };
}
