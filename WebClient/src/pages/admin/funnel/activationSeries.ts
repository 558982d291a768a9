import type { FunnelDay } from './funnelTypes';

/** The chart's data: days (Unix seconds of each day's midnight, UTC) and the running totals up to each day. */
export interface ActivationSeries {
  days: number[];
  activated: number[];
  enrolled: number[];
  signedIn: number[];
}

/** Running totals per day: the line climbs as people activate, set up an authenticator and sign in. */
export function activationSeries(days: readonly FunnelDay[]): ActivationSeries {
  const series: ActivationSeries = { days: [], activated: [], enrolled: [], signedIn: [] };
  let activated = 0;
  let enrolled = 0;
  let signedIn = 0;
  for (const day of days) {
    activated += day.activated;
    enrolled += day.enrolled;
    signedIn += day.signedIn;
    series.days.push(Date.parse(`${day.day}T00:00:00Z`) / 1000);
    series.activated.push(activated);
    series.enrolled.push(enrolled);
    series.signedIn.push(signedIn);
  }
  return series;
}

/** What the chart shows, in one sentence (its accessible name). */
export function chartSummary(days: readonly FunnelDay[]): string {
  const series = activationSeries(days);
  const [first, last] = [days.at(0), days.at(-1)];
  if (!first || !last) return 'No activity yet.';
  return (
    `Running totals from ${first.day} to ${last.day}: ` +
    `${series.activated.at(-1)} activated, ${series.enrolled.at(-1)} set up an authenticator, ${series.signedIn.at(-1)} signed in.`
  );
}
