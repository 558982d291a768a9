/*
 * Dates of a batch live in its own IANA time zone: the operator picks a day and a time there, the
 * Api stores UTC, and every date is shown again in that zone, with the zone's name beside it.
 */

/** The browser's time zone, the form's default. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, with UTC and the browser's own zone always among them. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', browserTimeZone()])].sort();
}

/** True when the browser can show dates in this zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(zone: string): Intl.DateTimeFormat {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    clocks.set(zone, clock);
  }
  return clock;
}

/** What a clock on the wall in `zone` shows at `instant`. */
function wallClock(instant: Date, zone: string): WallClock {
  const parts = Object.fromEntries(clockIn(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const asUtc = (clock: WallClock) => Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);

/**
 * The UTC instant ("…Z") at which the clocks in `zone` show `date` ("2026-12-14") and `time`
 * ("09:00"); null when either is not a valid value. In the hour skipped when summer time starts,
 * the time an hour later is taken.
 */
export function toUtc(date: string, time: string, zone: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})/.exec(time);
  if (!dateMatch || !timeMatch || !isTimeZone(zone)) return null;
  const wanted: WallClock = {
    year: Number(dateMatch[1]),
    month: Number(dateMatch[2]),
    day: Number(dateMatch[3]),
    hour: Number(timeMatch[1]),
    minute: Number(timeMatch[2]),
  };
  const guess = asUtc(wanted);
  if (Number.isNaN(guess)) return null;
  // The zone's offset at the guess, then again at the corrected instant (the offset may differ across a change of time).
  let instant = guess - (asUtc(wallClock(new Date(guess), zone)) - guess);
  instant = guess - (asUtc(wallClock(new Date(instant), zone)) - instant);
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day ("2026-12-14") and time ("09:00") that the clocks in `zone` show at `iso`, for the form's inputs. */
export function fromUtc(iso: string, zone: string): { date: string; time: string } {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime()) || !isTimeZone(zone)) return { date: '', time: '' };
  const clock = wallClock(instant, zone);
  return { date: `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`, time: `${pad(clock.hour)}:${pad(clock.minute)}` };
}

/**
 * A batch's moment for people, in its own zone and naming it: "14 December 2026, 09:00
 * (Europe/Amsterdam)" (the day in the browser's language; the time on a 24-hour clock, so
 * operators in other zones do not misread it).
 */
export function formatInZone(iso: string, zone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const timeZone = isTimeZone(zone) ? zone : 'UTC';
  const day = new Intl.DateTimeFormat(undefined, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  const time = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
  return `${day}, ${time} (${timeZone})`;
}
