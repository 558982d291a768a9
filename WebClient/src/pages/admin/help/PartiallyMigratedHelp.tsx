import { Link } from 'react-router';
import type { EndUserMigration, MigrationState } from '../adminTypes';
import { adminRoutes, needsAttentionUrl } from '../adminRoutes';
import { migrationStateHelp, migrationStateShort } from '../users/migrationState';

/** Every state an unmarked user can be in, in the order a move goes; the words are Manage Users' own. */
const states: { state: MigrationState; example: Partial<EndUserMigration> }[] = [
  { state: 'not-planned', example: {} },
  { state: 'scheduled', example: {} },
  { state: 'moving', example: {} },
  { state: 'no-usable-email', example: { needsAttention: true } },
  { state: 'duplicate-email', example: { needsAttention: true } },
  { state: 'awaiting-owner', example: {} },
  { state: 'owner-declined', example: { needsAttention: true } },
  { state: 'excluded', example: {} },
  { state: 'failed', example: {} },
  { state: 'paused', example: {} },
  { state: 'next-run', example: {} },
];

const described = (state: MigrationState, example: Partial<EndUserMigration>): EndUserMigration => ({
  state,
  scheduledAt: null,
  timeZone: null,
  reason: null,
  needsAttention: false,
  ...example,
});

/**
 * FAQ for partners partially migrated to Single Sign-On: the page the seed FAQ points to from
 * "What should I do if I find users unmarked in the Migrated to SSO column?", reached from the
 * banner and from Manage Users.
 */
export function PartiallyMigratedHelp() {
  return (
    <>
      <title>Partially migrated to Single Sign-On · Admin · End User Portal</title>
      <h1>FAQ for partners partially migrated to Single Sign-On</h1>
      <section className="panel faq" aria-labelledby="check-title">
        <h2 id="check-title">How can I check if my users are migrated to SSO?</h2>
        <p>
          Go to Settings &gt; Account Administration &gt; Users &gt; <Link to={adminRoutes.manageUsers}>Manage Users</Link> and find the
          Migrated to SSO column. If it is marked for a user, they have been migrated to SSO and should use Log in with Single
          Sign-On. If it is unmarked, the user is not yet on SSO and should not use SSO for login at this time: they keep using
          the portal&apos;s login form.
        </p>
      </section>
      <section className="panel faq" aria-labelledby="unmarked-title">
        <h2 id="unmarked-title">What should I do if I find users unmarked in the Migrated to SSO column?</h2>
        <p>
          Each unmarked user says, in the column, why they are not on SSO yet. Most need nothing from you. The ones marked{' '}
          <strong>Needs attention</strong> can only move once you fix something:{' '}
          <Link to={needsAttentionUrl}>show the users that need your attention</Link>. Open a user&apos;s Details to read what
          their state means.
        </p>
        <dl className="facts states">
          {states.map(({ state, example }) => {
            const migration = described(state, example);
            return (
              <div key={state}>
                <dt>
                  {migrationStateShort(migration)}
                  {migration.needsAttention && <span className="badge attention">Needs attention</span>}
                </dt>
                <dd>{migrationStateHelp(migration)}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="panel faq" aria-labelledby="notice-title">
        <h2 id="notice-title">How will I know about end user migrations?</h2>
        <p>
          An e-mail is sent to your partner admins two weeks before the scheduled migration of your clients. It lists the
          clients, the date, how many of their end users move, and by name the ones who will not, with why. If the date
          changes, you get a new e-mail; a move brought forward is never done without telling you at once.
        </p>
      </section>
      <section className="panel faq" aria-labelledby="issues-title">
        <h2 id="issues-title">What happens if there are unexpected technical issues?</h2>
        <p>
          We notify you as soon as possible and provide a rescheduled timeline. A move that is paused, or that ends with some
          users not moved, is e-mailed to your partner admins once and shown in the banner of the admin area. The users
          concerned keep using the portal&apos;s login form and are moved at the next run, whose date you are e-mailed.
        </p>
      </section>
      <section className="panel faq" aria-labelledby="steps-title">
        <h2 id="steps-title">What steps can I share with my clients&apos; end users?</h2>
        <ol>
          <li>Open the End User Portal and click Log in with Single Sign-On.</li>
          <li>Enter your email and password, and activate your email account if you are asked to.</li>
          <li>Return to the End User Portal and click Log in with Single Sign-On again.</li>
          <li>Enter your email, password and MFA code. You are directed to the End User Portal.</li>
        </ol>
        <p>Forgotten passwords are reset with Forgot Password on the Single Sign-On screen.</p>
      </section>
      <section className="panel faq" aria-labelledby="contact-title">
        <h2 id="contact-title">Who do I contact if I have more questions?</h2>
        <p>Your platform contact, who also answers replies about the notice e-mails.</p>
      </section>
    </>
  );
}
