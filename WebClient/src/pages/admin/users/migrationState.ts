import type { EndUserMigration, MigrationState } from '../adminTypes';
import { formatInZone, isTimeZone } from '../migration/zonedTime';

/*
 * What Manage Users says under Migrated to SSO for a user not on Single Sign-On yet: a few words in
 * the cell (the table fits a 1366-px screen) and, in the user's details and the help page, what it
 * means and what to do, in the seed FAQ's plain words.
 */

/** A state without its date (the help page's examples) shows where the date goes. */
const placeholder = '<date>';

const zoneOf = (migration: EndUserMigration) => (migration.timeZone && isTimeZone(migration.timeZone) ? migration.timeZone : 'UTC');

/** The day of the batch in its own zone, short enough for the column: "Dec 14, 2026". */
const day = (migration: EndUserMigration) =>
  migration.scheduledAt
    ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: zoneOf(migration) }).format(new Date(migration.scheduledAt))
    : placeholder;

const when = (migration: EndUserMigration) =>
  migration.scheduledAt ? formatInZone(migration.scheduledAt, zoneOf(migration)) : placeholder;

/** The cell's words. */
export function migrationStateShort(migration: EndUserMigration): string {
  switch (migration.state as MigrationState) {
    case 'not-planned':
      return 'Not scheduled yet';
    case 'scheduled':
      return `Scheduled for ${day(migration)}`;
    case 'moving':
      return 'Moving now';
    case 'paused':
      return 'Move paused';
    case 'next-run':
      return 'Joins the next run';
    case 'excluded':
      return 'Excluded by the platform team';
    case 'no-usable-email':
      return 'No usable e-mail';
    case 'duplicate-email':
      return 'Same e-mail as another user';
    case 'failed':
      return 'Move failed';
    case 'awaiting-owner':
      return 'Waiting for the account owner';
    case 'owner-declined':
      return 'Account owner declined';
    default:
      return migration.state;
  }
}

/** What the state means and what to do. */
export function migrationStateHelp(migration: EndUserMigration): string {
  switch (migration.state as MigrationState) {
    case 'not-planned':
      return "Their client is not in a migration batch yet. You get an e-mail two weeks before their move; until then they use the portal's login form.";
    case 'scheduled':
      return `They move to Single Sign-On on ${when(migration)}. The notice e-mail has the steps to forward to them.`;
    case 'moving':
      return 'Their move to Single Sign-On is running now.';
    case 'paused':
      return "The move of their client was paused because of a technical issue. They keep using the portal's login form; you are e-mailed the new date as soon as it is set.";
    case 'next-run':
      return `The run of ${when(migration)} did not move them, for a reason that is gone now. They move at the next run; you are e-mailed its date.`;
    case 'excluded':
      return `The platform team left them out of the move on ${when(migration)}. They keep using the portal's login form and move with a later batch.`;
    case 'no-usable-email':
      return 'Their e-mail address cannot be used to sign in with Single Sign-On. Fix it with Edit and they join the next run.';
    case 'duplicate-email':
      return 'Another end user has the same e-mail address. Fix one of the two with Edit and they join the next run.';
    case 'failed':
      return `Their move of ${when(migration)} failed: ${migration.reason ?? 'the reason is shown with the user.'} They are retried automatically at the next run, or now with Retry now.`;
    case 'awaiting-owner':
      return 'A Single Sign-On account with this address belongs to someone else. Its owner was asked by e-mail to accept; the user moves when they do. Ask again sends the request again.';
    case 'owner-declined':
      return 'The owner of the Single Sign-On account with this address declined. Use another e-mail address with Edit, or delete the user.';
    default:
      return '';
  }
}
