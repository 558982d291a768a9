import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  /** Extra class for the dialog box, e.g. `drawer` for a side panel. */
  className?: string;
}

/**
 * Makes everything on the page except `element` (and its ancestors) inert, and returns how to undo
 * it. Elements that were inert already stay so.
 */
function inertOutside(element: HTMLElement): () => void {
  const changed: Element[] = [];
  for (let node: HTMLElement | null = element; node && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling === node || sibling.hasAttribute('inert')) continue;
      sibling.setAttribute('inert', '');
      changed.push(sibling);
    }
  }
  return () => changed.forEach((sibling) => sibling.removeAttribute('inert'));
}

/**
 * A modal dialog named by its title. Everything else on the page is `inert` while it is open, so
 * focus and clicks stay inside; Escape calls onClose; focus returns where it was on close.
 */
export function Modal({ title, children, onClose, className }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    const restore = dialog?.parentElement ? inertOutside(dialog.parentElement) : undefined;
    dialog?.focus();
    return () => {
      restore?.();
      previous?.focus();
    };
  }, []);

  return (
    <div className="backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={['dialog', className].filter(Boolean).join(' ')}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onClose) {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
