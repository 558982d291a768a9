import { describe, expect, it } from 'vitest';
import { readSchedule } from './schedule';
import { formatInZone, fromUtc, toUtc } from './zonedTime';

describe('a batch date in its own time zone', () => {
  it('turns a day and time in a zone into UTC, in winter and in summer time', () => {
    expect(toUtc('2026-12-14', '09:00', 'Europe/Amsterdam')).toBe('2026-12-14T08:00:00Z');
    expect(toUtc('2026-07-01', '09:00', 'Europe/Amsterdam')).toBe('2026-07-01T07:00:00Z');
    expect(toUtc('2026-03-08', '23:30', 'America/New_York')).toBe('2026-03-09T03:30:00Z');
    expect(toUtc('2026-12-14', '09:00', 'UTC')).toBe('2026-12-14T09:00:00Z');
    expect(toUtc('2026-12-14', '', 'UTC')).toBeNull();
    expect(toUtc('2026-12-14', '09:00', 'Mars/Olympus')).toBeNull();
  });

  it('shows a UTC moment again as the day and time of the zone', () => {
    expect(fromUtc('2026-07-01T07:00:00Z', 'Europe/Amsterdam')).toEqual({ date: '2026-07-01', time: '09:00' });
    expect(fromUtc('2026-03-09T03:30:00Z', 'America/New_York')).toEqual({ date: '2026-03-08', time: '23:30' });
  });

  it('names the zone beside every date, on a 24-hour clock', () => {
    const text = formatInZone('2026-12-14T08:00:00Z', 'Europe/Amsterdam');
    expect(text).toMatch(/14/);
    expect(text).toMatch(/December/);
    expect(text).toMatch(/2026, 09:00 \(Europe\/Amsterdam\)$/);
    expect(formatInZone('2026-12-14T20:00:00Z', 'UTC')).toMatch(/20:00 \(UTC\)$/);
  });

  it('says what to fix in a schedule before asking the Api', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(readSchedule({ date: '', time: '09:00', timeZone: 'UTC' }, now)).toBe('Choose the date and the time of the migration.');
    expect(readSchedule({ date: '2026-05-01', time: '09:00', timeZone: 'UTC' }, now)).toBe('Choose a date and time in the future.');
    expect(readSchedule({ date: '2026-12-14', time: '09:00', timeZone: 'Europe/Amsterdam' }, now)).toEqual({
      scheduledAt: '2026-12-14T08:00:00Z',
      timeZone: 'Europe/Amsterdam',
    });
  });
});
