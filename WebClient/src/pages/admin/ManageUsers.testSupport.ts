// What the Manage Users tests (ManageUsers*.test.tsx) share: the table and what the page asked the Api.
import { screen } from '@testing-library/react';
import { queryOf } from '../../test/admin';
import type { mockApi } from '../../test/api';

/** The end users table, once the page shows it. */
export const table = () => screen.findByRole('table', { name: 'End users' });

/** A column header of the end users table. */
export const header = (name: string) => screen.getByRole('columnheader', { name });

/** The query string of the last list request the page sent. */
export const lastQuery = (server: ReturnType<typeof mockApi>) => queryOf(server.requests('GET /api/admin/end-users').at(-1));
