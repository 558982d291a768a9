import type { ReactNode } from 'react';

/**
 * A level of the navigation (Settings, Account Administration, Users): its heading and what is
 * under it. The links themselves are in the left navigation, once, so each name is one link.
 */
export function SectionPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <title>{`${title} · Admin · End User Portal`}</title>
      <h1>{title}</h1>
      <div className="section-intro">{children}</div>
    </>
  );
}
