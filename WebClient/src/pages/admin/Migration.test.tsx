import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, fabrikam, openAdmin } from '../../test/admin';
import { json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import {
  batchPageUrl,
  detail,
  januaryWave,
  marchWave,
  migrationUrl,
  operatorBasics,
  resultPage,
  tailspin,
} from '../../test/migration';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const newBatchUrl = '/admin/migration/new';

describe('Migration for platform operators', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('is in the navigation of operators only', async () => {
    mockApi(operatorBasics());
    await openAdmin('/admin', 'Admin area');
    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).getByRole('link', { name: 'Migration' })).toHaveAttribute('href', migrationUrl);
    expect(screen.queryByRole('region', { name: 'Planned moves to Single Sign-On' })).not.toBeInTheDocument();
  });

  it('is refused to partner staff without asking the Api for batches', async () => {
    const server = mockApi(adminBasics());
    await openAdmin(migrationUrl, 'Migration');

    expect(screen.getByRole('alert')).toHaveTextContent("Migration batches are planned and run by the platform's operators.");
    expect(within(screen.getByRole('navigation', { name: 'Admin' })).queryByRole('link', { name: 'Migration' })).toBeNull();
    expect(server.requests('GET /api/admin/migration/batches')).toHaveLength(0);
  });

  it('lists the batches with their date in their own time zone, status, clients and progress', async () => {
    mockApi({ ...operatorBasics(), 'GET /api/admin/migration/batches': () => json([marchWave, januaryWave]) });
    await openAdmin(migrationUrl, 'Migration');

    const table = await screen.findByRole('table', { name: 'Batches' });
    const [, march, january] = within(table).getAllByRole('row');
    expect(within(march!).getByRole('link', { name: 'March wave' })).toHaveAttribute('href', batchPageUrl('b-march'));
    expect(march).toHaveTextContent(formatInZone(marchWave.scheduledAt, 'Europe/Amsterdam'));
    expect(march).toHaveTextContent('(Europe/Amsterdam)');
    expect(march).toHaveTextContent('Scheduled');
    expect(march).toHaveTextContent('Fabrikam, Tailspin Toys');
    expect(march).toHaveTextContent('121 end users');
    expect(january).toHaveTextContent('(America/New_York)');
    expect(january).toHaveTextContent('Running');
    const bar = within(january!).getByRole('progressbar', { name: 'January wave: 50 of 200 done' });
    expect(bar).toHaveAttribute('value', '50');
    expect(bar).toHaveAttribute('max', '200');
  });

  it('says so when there is no batch', async () => {
    mockApi({ ...operatorBasics(), 'GET /api/admin/migration/batches': () => json([]) });
    await openAdmin(migrationUrl, 'Migration');
    expect(await screen.findByText('No batch has been planned yet.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Create batch' })).toHaveAttribute('href', newBatchUrl);
  });

  it("shows the Api's sentence when the list cannot be loaded", async () => {
    mockApi({
      ...operatorBasics(),
      'GET /api/admin/migration/batches': () => problem(503, { detail: 'The database is not answering.' }),
    });
    await openAdmin(migrationUrl, 'Migration');
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not answering.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});

describe('Create batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it("groups the clients by partner and defaults to the browser's time zone", async () => {
    mockApi(operatorBasics());
    await openAdmin(newBatchUrl, 'Create batch');

    const northwind = await screen.findByRole('group', { name: 'Northwind MSP' });
    const adatum = screen.getByRole('group', { name: 'Adatum MSP' });
    expect(within(northwind).getByRole('checkbox', { name: /Contoso/ })).toBeDisabled();
    expect(within(northwind).getByRole('checkbox', { name: /Fabrikam/ })).toBeEnabled();
    expect(within(adatum).getByRole('checkbox', { name: /Tailspin Toys/ })).toHaveAccessibleName(/120 end users to move/);
    expect(screen.getByLabelText('Time zone')).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(screen.getByLabelText('Date')).toBeRequired();
    expect(screen.getByLabelText('Time')).toBeRequired();
  });

  it('says what is missing before asking the Api', async () => {
    const server = mockApi(operatorBasics());
    const { user } = await openAdmin(newBatchUrl, 'Create batch');
    await screen.findByRole('group', { name: 'Northwind MSP' });

    await user.click(screen.getByRole('button', { name: 'Create batch' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the batch a name.');

    await user.type(screen.getByLabelText(/^Name/), 'March wave');
    await user.click(screen.getByRole('button', { name: 'Create batch' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one client.');

    await user.click(screen.getByRole('checkbox', { name: /Fabrikam/ }));
    await user.click(screen.getByRole('button', { name: 'Create batch' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the date and the time of the migration.');

    await user.type(screen.getByLabelText('Date'), '2020-01-01');
    await user.type(screen.getByLabelText('Time'), '09:00');
    await user.click(screen.getByRole('button', { name: 'Create batch' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a date and time in the future.');
    expect(server.requests('POST /api/admin/migration/batches')).toHaveLength(0);
  });

  it('sends the moment in UTC with its time zone, then opens the new batch', async () => {
    const server = mockApi({
      ...operatorBasics(),
      'POST /api/admin/migration/batches': () => json({ id: 'b-march' }, 201),
      'GET /api/admin/migration/batches/b-march': () => json(detail(marchWave)),
      'GET /api/admin/migration/batches/b-march/results': () => json(resultPage([])),
    });
    const { user } = await openAdmin(newBatchUrl, 'Create batch');
    await screen.findByRole('group', { name: 'Northwind MSP' });

    await user.type(screen.getByLabelText(/^Name/), 'March wave');
    await user.click(screen.getByRole('checkbox', { name: /Fabrikam/ }));
    await user.click(screen.getByRole('checkbox', { name: /Tailspin Toys/ }));
    await user.type(screen.getByLabelText('Date'), '2099-03-14');
    await user.type(screen.getByLabelText('Time'), '09:00');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Amsterdam');
    await user.click(screen.getByRole('button', { name: 'Create batch' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'March wave' })).toBeVisible();
    expect(await server.lastBody('POST /api/admin/migration/batches')).toEqual({
      name: 'March wave',
      clientIds: [fabrikam.id, tailspin.id],
      scheduledAt: '2099-03-14T08:00:00Z',
      timeZone: 'Europe/Amsterdam',
    });
  });

  it("shows the Api's sentence when a client is already in another batch", async () => {
    mockApi({
      ...operatorBasics(),
      'POST /api/admin/migration/batches': () =>
        problem(409, { title: 'Conflict', detail: "Fabrikam is already in batch 'January wave'." }),
    });
    const { user } = await openAdmin(newBatchUrl, 'Create batch');
    await screen.findByRole('group', { name: 'Northwind MSP' });

    await user.type(screen.getByLabelText(/^Name/), 'March wave');
    await user.click(screen.getByRole('checkbox', { name: /Fabrikam/ }));
    await user.type(screen.getByLabelText('Date'), '2099-03-14');
    await user.type(screen.getByLabelText('Time'), '09:00');
    await user.click(screen.getByRole('button', { name: 'Create batch' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent("Fabrikam is already in batch 'January wave'."));
    expect(screen.getByRole('heading', { level: 1, name: 'Create batch' })).toBeVisible();
  });
});
