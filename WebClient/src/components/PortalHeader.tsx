import type { CSSProperties, ReactNode } from 'react';

interface Props {
  /** What the banner says on the left; the portal's own name unless a partner's brand is known. */
  brand?: ReactNode;
  style?: CSSProperties;
  children?: ReactNode;
}

/** The portal's banner: its name (or the partner's brand), and whatever actions the page adds (e.g. Log out). */
export function PortalHeader({ brand = 'End User Portal', style, children }: Props) {
  return (
    <header className="portal-header" style={style}>
      <p className="brand">{brand}</p>
      {children}
    </header>
  );
}
