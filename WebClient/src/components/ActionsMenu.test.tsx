import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActionsMenu } from './ActionsMenu';

function renderMenu(disabled = false) {
  const chosen = vi.fn<(action: string) => void>();
  const actions = ['Edit', 'Disable', 'Delete'].map((label) => ({ key: label, label, danger: label === 'Delete', onSelect: () => chosen(label) }));
  render(
    <>
      <ActionsMenu label="Actions for Ada Lovelace" actions={actions} disabled={disabled} />
      <button type="button">Elsewhere</button>
    </>,
  );
  return { chosen, user: userEvent.setup(), button: screen.getByRole('button', { name: 'Actions for Ada Lovelace' }) };
}

const items = () => screen.getAllByRole('menuitem');

describe('ActionsMenu', () => {
  it('is a closed menu button until clicked', async () => {
    const { user, button } = renderMenu();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);

    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Actions for Ada Lovelace' });
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(items().map((item) => item.textContent)).toEqual(['Edit', 'Disable', 'Delete']);
    expect(items()[0]).toHaveFocus();
  });

  it('runs the chosen action, closes and gives the focus back to the button', async () => {
    const { user, button, chosen } = renderMenu();
    await user.click(button);

    await user.click(screen.getByRole('menuitem', { name: 'Disable' }));

    expect(chosen).toHaveBeenCalledWith('Disable');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('works from the keyboard: arrows, Home, End and Enter', async () => {
    const { user, button, chosen } = renderMenu();
    button.focus();

    await user.keyboard('{ArrowDown}');
    expect(items()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items()[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items()[2]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items()[0]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(items()[2]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');

    expect(chosen).toHaveBeenCalledWith('Disable');
    expect(button).toHaveFocus();
  });

  it('opens on the last item with ArrowUp, and on the first with Enter', async () => {
    const { user, button } = renderMenu();
    button.focus();

    await user.keyboard('{ArrowUp}');
    expect(items()[2]).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.keyboard('{Enter}');
    expect(items()[0]).toHaveFocus();
  });

  it('closes on Escape with the focus back on the button, and runs nothing', async () => {
    const { user, button, chosen } = renderMenu();
    await user.click(button);

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    expect(chosen).not.toHaveBeenCalled();
  });

  it('closes on a click elsewhere and on Tab', async () => {
    const { user, button } = renderMenu();
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('stays open, next to its button, when the table scrolls (as a click scrolls it into view)', async () => {
    const { user, button } = renderMenu();
    await user.click(button);

    fireEvent.scroll(window);

    expect(screen.getByRole('menu')).toBeVisible();
    expect(button).toHaveAttribute('aria-expanded', 'true');
  });

  it('does not open while its row is busy', () => {
    const { button } = renderMenu(true);
    expect(button).toBeDisabled();
  });
});
