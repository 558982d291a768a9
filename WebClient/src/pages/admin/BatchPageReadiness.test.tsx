import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty, json } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { readiness } from '../../test/migration';
import { openBatch, scheduled } from './BatchPage.testSupport';
import type { ReadinessReport } from './migration/migrationTypes';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('the readiness of a scheduled batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('checks readiness on request: problems, links with kept roles, and Exclude / Include', async () => {
    let report: ReadinessReport = readiness;
    const { server, view } = openBatch(scheduled, {
      'GET /api/admin/migration/batches/b-march/readiness': () => json(report),
      'PUT /api/admin/migration/batches/b-march/exclusions/u-nomail': () => {
        report = {
          ...readiness,
          excluded: 1,
          users: readiness.users.map((user) => (user.endUserId === 'u-nomail' ? { ...user, excluded: true, outcome: 'excluded' } : user)),
        };
        return empty(204);
      },
    });
    const { user } = await view;
    expect(server.requests('GET /api/admin/migration/batches/b-march/readiness')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Check readiness' }));

    const table = await screen.findByRole('table', { name: 'Users to look at' });
    expect(screen.getByText(/Of 121 end users: 118 to migrate, 1 to link to an existing SSO account, 0 waiting for the owner to accept, 0 excluded, 2 problems\./)).toBeVisible();
    const lena = within(table).getByRole('row', { name: /Lena Linked/ });
    expect(lena).toHaveTextContent('Link to their SSO account');
    expect(lena).toHaveTextContent('rmm-technician');
    const nick = within(table).getByRole('row', { name: /Nick Nomail/ });
    expect(nick).toHaveTextContent('No usable e-mail, Locked');

    await user.click(within(nick).getByRole('button', { name: 'Exclude Nick Nomail' }));

    expect(await screen.findByRole('button', { name: 'Include Nick Nomail' })).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/migration/batches/b-march/exclusions/u-nomail')).toEqual({ excluded: true });
    expect(within(screen.getByRole('row', { name: /Nick Nomail/ })).getByText('Excluded')).toBeVisible();
  });

  it('lists the addresses of other owners\' accounts as their own category, with why they wait', async () => {
    const withOwner: ReadinessReport = {
      ...readiness,
      toMigrate: 117,
      awaitingOwner: 1,
      users: [
        ...readiness.users,
        { ...readiness.users[0]!, endUserId: 'u-owner', name: 'Olivia Owned', email: 'olivia@tailspin.example', outcome: 'awaiting-owner', keptRoles: [] },
      ],
    };
    const { view } = openBatch(scheduled, { 'GET /api/admin/migration/batches/b-march/readiness': () => json(withOwner) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Check readiness' }));

    const table = await screen.findByRole('table', { name: 'Users to look at' });
    expect(screen.getByRole('status')).toHaveTextContent('1 to link to an existing SSO account, 1 waiting for the owner to accept,');
    expect(
      screen.getByText(
        'These addresses belong to existing single sign-on accounts of other organisations or products. The run asks each owner to accept; they get access when they do.',
      ),
    ).toHaveTextContent(/^Waiting for the owner to accept: These addresses/);
    const olivia = within(table).getByRole('row', { name: /Olivia Owned/ });
    expect(within(olivia).getByRole('cell', { name: 'Waiting for the owner to accept' })).toBeVisible();
    expect(within(table).getByRole('row', { name: /Lena Linked/ })).toHaveTextContent('Link to their SSO account');
  });

  it('says nothing about owners when no address waits for one', async () => {
    const { view } = openBatch(scheduled, { 'GET /api/admin/migration/batches/b-march/readiness': () => json(readiness) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Check readiness' }));

    await screen.findByRole('table', { name: 'Users to look at' });
    expect(screen.queryByText(/The run asks each owner to accept/)).not.toBeInTheDocument();
  });
});
