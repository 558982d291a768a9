import { browserTimeZone, fromUtc, isTimeZone, toUtc } from './zonedTime';

/** What the schedule inputs hold: a day and a time as read in an IANA time zone. */
export interface Schedule {
  date: string;
  time: string;
  timeZone: string;
}

/** A new batch's schedule: no day yet, the browser's time zone. */
export const emptySchedule = (): Schedule => ({ date: '', time: '', timeZone: browserTimeZone() });

/** A batch's schedule back in the inputs, in its own zone. */
export const scheduleOf = (scheduledAt: string, timeZone: string): Schedule => ({ ...fromUtc(scheduledAt, timeZone), timeZone });

/**
 * The schedule as the Api takes it, or the sentence saying what to fix. The Api checks the same
 * (its sentence is shown when it refuses); this answers before the round trip.
 */
export function readSchedule(schedule: Schedule, now = new Date()): { scheduledAt: string; timeZone: string } | string {
  if (!schedule.date || !schedule.time) return 'Choose the date and the time of the migration.';
  if (!isTimeZone(schedule.timeZone)) return 'Choose a time zone from the list.';
  const scheduledAt = toUtc(schedule.date, schedule.time, schedule.timeZone);
  if (!scheduledAt) return 'Enter the date as a day of the calendar and the time as hours and minutes.';
  if (new Date(scheduledAt) <= now) return 'Choose a date and time in the future.';
  return { scheduledAt, timeZone: schedule.timeZone };
}
