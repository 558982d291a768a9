import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { toFailure } from '../api/problem';
import { ApiError } from '../api/query';
import { DataList, type ListQuery } from './DataList';

interface Page {
  items: string[];
  total: number;
}

const idle = { isPending: false, isError: false, isSuccess: false, data: undefined, error: null, isPlaceholderData: false };

function query(state: Partial<ListQuery<Page>>): ListQuery<Page> {
  return { ...idle, refetch: vi.fn(), ...state };
}

const answered = (data: Page, placeholder = false) => query({ isSuccess: true, data, isPlaceholderData: placeholder });

function renderList(list: ListQuery<Page>, onPage = vi.fn()) {
  render(
    <DataList
      query={list}
      loading="Loading fruit…"
      empty="No fruit matches these filters."
      rows={(page) => page.items}
      pager={(page) => ({ page: 1, pageSize: 2, total: page.total, noun: ['fruit', 'fruits'], onPage })}
    >
      {(rows, busy) => (
        <table aria-label="Fruit" aria-busy={busy}>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row">{row}</th>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DataList>,
  );
  return onPage;
}

describe('DataList', () => {
  it('says it is loading, as a status, until the first answer', () => {
    renderList(query({ isPending: true }));

    expect(screen.getByRole('status')).toHaveTextContent('Loading fruit…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it("shows the Api's sentence and asks again on Try again", async () => {
    const list = query({ isError: true, error: new ApiError(toFailure(503, { title: 'Unavailable', detail: 'The fruit service is resting.' })) });
    renderList(list);

    expect(screen.getByRole('alert')).toHaveTextContent('The fruit service is resting.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(list.refetch).toHaveBeenCalledTimes(1);
  });

  it('says so when nothing matches, without a table or a pager', () => {
    renderList(answered({ items: [], total: 0 }));

    expect(screen.getByText('No fruit matches these filters.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });

  it('shows the rows and a pager that moves to the next page', async () => {
    const onPage = renderList(answered({ items: ['Apple', 'Banana'], total: 5 }));

    expect(screen.getByRole('table', { name: 'Fruit' })).toHaveAttribute('aria-busy', 'false');
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Apple', 'Banana']);
    const pager = screen.getByRole('navigation', { name: 'Pages' });
    expect(pager).toHaveTextContent('Page 1 of 3 · 5 fruits');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('keeps the old rows, dimmed and busy, while another page loads', () => {
    renderList(answered({ items: ['Apple'], total: 5 }, true));

    expect(screen.getByRole('table', { name: 'Fruit' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Updating…');
  });

  it('shows a way on in the empty state when given one', () => {
    render(
      <DataList query={answered({ items: [], total: 0 })} loading="…" empty={<a href="/new">Add fruit</a>} rows={(page) => page.items}>
        {() => null}
      </DataList>,
    );

    expect(screen.getByRole('link', { name: 'Add fruit' })).toBeVisible();
  });
});
