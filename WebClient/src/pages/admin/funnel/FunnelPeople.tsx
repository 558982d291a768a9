import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataList } from '../../../components/DataList';
import { Modal } from '../../../components/Modal';
import { ExportButton } from '../ExportButton';
import { formatDateTime } from '../format';
import { exportFunnelPeople, funnelPeopleQuery } from './funnelApi';
import { stoppedLabel } from './funnelFormat';
import type { FunnelPerson, FunnelScope, FunnelStep } from './funnelTypes';

/** When the person took their furthest step (moved, if nothing since). */
function lastStepAt(person: FunnelPerson): string | null | undefined {
  switch (person.step) {
    case 'returned':
      return person.returnedAt;
    case 'signed-in':
      return person.firstSignInAt;
    case 'enrolled':
      return person.enrolledAt;
    case 'activated':
      return person.activatedAt;
    default:
      return person.movedAt;
  }
}

interface Props {
  scope: FunnelScope;
  step: FunnelStep;
  /** "March wave", "Northwind Traders": whose funnel. */
  title: string;
  onClose: () => void;
}

/** The drill-down: the people stopped at one step, paged, with since when, and the same list as a CSV file. */
export function FunnelPeople({ scope, step, title, onClose }: Props) {
  const [page, setPage] = useState(1);
  const people = useQuery(funnelPeopleQuery(scope, step, page));
  return (
    <Modal title={`${stoppedLabel(step)} · ${title}`} onClose={onClose} className="drawer">
      <div className="toolbar">
        <ExportButton download={() => exportFunnelPeople(scope, step)} />
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <DataList
        query={people}
        loading="Loading the people…"
        empty="Nobody is at this step any more."
        rows={(data) => data.items}
        pager={(data) => ({ page, pageSize: data.pageSize, total: data.total, noun: ['person', 'people'], onPage: setPage })}
      >
        {(rows) => (
          <table className="funnel-people" aria-label={stoppedLabel(step)}>
            <thead>
              <tr>
                <th scope="col">Name and e-mail</th>
                <th scope="col">Client</th>
                <th scope="col">Moved</th>
                <th scope="col">At this step since</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => {
                const since = lastStepAt(person);
                return (
                  <tr key={`${person.endUserId}-${person.batchId}`}>
                    <td>
                      {person.name}
                      <br />
                      <span className="hint">{person.email}</span>
                    </td>
                    <td>{person.clientName}</td>
                    <td>{person.movedAt ? formatDateTime(person.movedAt) : '—'}</td>
                    <td>{since ? formatDateTime(since) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </DataList>
    </Modal>
  );
}
