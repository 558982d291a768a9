import type { ClientSummary, StaffMe } from '../pages/admin/adminTypes';
import type { BatchDetail, BatchSummary, ReadinessReport, ResultPage, ResultRow } from '../pages/admin/migration/migrationTypes';
import { contoso, fabrikam, partnerAdmin } from './admin';
import { json } from './api';

export const operator: StaffMe = {
  name: 'Olga Operator',
  email: 'olga.operator@platform.test',
  role: 'platform-operator',
  partnerId: null,
  partnerName: null,
  canManage: true,
};

export { partnerAdmin };

export const tailspin: ClientSummary = {
  id: 'c-tailspin',
  name: 'Tailspin Toys',
  partnerId: 'p-2',
  partnerName: 'Adatum MSP',
  migratedToSsoAt: null,
  endUsers: 120,
  migrated: 0,
  automaticReminders: true,
};

export const operatorClients = [contoso, fabrikam, tailspin];

export const migrationUrl = '/admin/migration';
export const batchPageUrl = (id = 'b-march') => `/admin/migration/batches/${id}`;

const counts = { total: 121, pending: 0, excluded: 0, migrated: 0, linked: 0, skipped: 0, failed: 0, rolledBack: 0 };

export const marchWave: BatchSummary = {
  id: 'b-march',
  name: 'March wave',
  scheduledAt: '2099-03-14T08:00:00Z',
  timeZone: 'Europe/Amsterdam',
  status: 'scheduled',
  clients: [
    { id: fabrikam.id, name: fabrikam.name, partnerName: fabrikam.partnerName },
    { id: tailspin.id, name: tailspin.name, partnerName: tailspin.partnerName },
  ],
  counts,
};

export const januaryWave: BatchSummary = {
  ...marchWave,
  id: 'b-january',
  name: 'January wave',
  scheduledAt: '2025-01-10T17:00:00Z',
  timeZone: 'America/New_York',
  status: 'running',
  counts: { ...counts, total: 200, pending: 150, migrated: 40, linked: 5, failed: 5 },
};

export const detail = (batch: BatchSummary, extra: Partial<BatchDetail> = {}): BatchDetail => ({
  ...batch,
  windowOpensAt: null,
  createdAt: '2099-01-02T10:00:00Z',
  createdBy: 'Olga Operator',
  startedAt: null,
  completedAt: null,
  progress: { done: 0, total: batch.counts.total, percent: 0, perSecond: 0, secondsLeft: null },
  notices: [],
  ...extra,
});

export const readiness: ReadinessReport = {
  total: 121,
  toMigrate: 118,
  toLink: 1,
  awaitingOwner: 0,
  excluded: 0,
  problems: 2,
  users: [
    {
      endUserId: 'u-linked',
      name: 'Lena Linked',
      email: 'lena@fabrikam.example',
      clientId: 'c-fabrikam',
      clientName: 'Fabrikam',
      partnerName: 'Northwind MSP',
      outcome: 'link',
      problems: [],
      keptRoles: ['rmm-technician'],
      excluded: false,
    },
    {
      endUserId: 'u-nomail',
      name: 'Nick Nomail',
      email: 'nick@example.invalid',
      clientId: 'c-tailspin',
      clientName: 'Tailspin Toys',
      partnerName: 'Adatum MSP',
      outcome: 'skip',
      problems: ['no-usable-email', 'locked'],
      keptRoles: [],
      excluded: false,
    },
  ],
};

export const resultRow = (extra: Partial<ResultRow>): ResultRow => ({
  endUserId: 'u-x',
  name: 'Xavier',
  email: 'xavier@fabrikam.example',
  clientName: 'Fabrikam',
  status: 'migrated',
  reason: null,
  attempts: 1,
  completedAt: '2025-01-10T17:01:00Z',
  ...extra,
});

export const resultPage = (items: ResultRow[], extra: Partial<ResultPage> = {}): ResultPage => ({
  items,
  page: 1,
  pageSize: 50,
  total: items.length,
  ...extra,
});

/** The answers every page of an operator needs: who is signed in and every partner's clients. */
export const operatorBasics = () => ({
  'GET /api/admin/me': () => json(operator),
  'GET /api/admin/clients': () => json(operatorClients),
  'GET /api/admin/migration/upcoming': () => json([]),
  'GET /api/admin/migration/reminders': () => json(reminderSettings),
});

/** The reminder settings the operators' migration page shows; Run reminders now only in Development. */
export const reminderSettings = {
  firstAfterDays: 3,
  secondAfterDays: 7,
  digestAfterDays: 7,
  digestThresholdPercent: 50,
  canRunNow: false,
};
