import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  /** Stable across renders (Disable and Enable may share one). */
  key: string;
  /** The item's words, also its accessible name: "Disable", "Reset MFA". */
  label: string;
  danger?: boolean;
  onSelect: () => void;
}

interface Props {
  /** The button's and the menu's accessible name: "Actions for Ada Lovelace". */
  label: string;
  actions: readonly MenuAction[];
  disabled?: boolean;
}

/**
 * A row's actions behind one small button (the WAI-ARIA menu button pattern): Enter, Space or the
 * arrows open it, the arrows, Home and End move between items, Escape closes it and gives the focus
 * back to the button, Tab or a click elsewhere closes it. It opens over the page (position: fixed,
 * following its button as things scroll), so a table that scrolls sideways does not cut it off.
 */
export function ActionsMenu({ label, actions, disabled = false }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState<{ top: number; right: number }>({ top: 0, right: 0 });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  /** Under the button, right edges aligned; again whenever the page or the table scrolls. */
  function placeUnderButton() {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) setPlace({ top: rect.bottom + 2, right: Math.max(0, window.innerWidth - rect.right) });
  }

  function show(index: number) {
    placeUnderButton();
    setActive(index);
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus({ preventScroll: true });
  }, [open, active]);

  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    // The menu follows its button when the page or the table scrolls (capture: any scroller).
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', placeUnderButton);
    window.addEventListener('scroll', placeUnderButton, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', placeUnderButton);
      window.removeEventListener('scroll', placeUnderButton, true);
    };
  }, [open]);

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 0 : actions.length - 1);
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = actions.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  }

  function select(action: MenuAction) {
    // The focus goes back to the button first, so a dialog the action opens returns it there.
    close(true);
    action.onSelect();
  }

  return (
    <div className="actions-menu">
      <button
        ref={buttonRef}
        type="button"
        className="small"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKeyDown}
      >
        Actions <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu"
          style={{ top: place.top, right: place.right }}
          onKeyDown={onMenuKeyDown}
        >
          {actions.map((action, index) => (
            <button
              key={action.key}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className={action.danger ? 'danger' : undefined}
              onClick={() => select(action)}
              onFocus={() => setActive(index)}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
