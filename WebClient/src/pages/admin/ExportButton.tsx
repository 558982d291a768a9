import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { failureOf } from './adminApi';

/** "Export CSV": downloads what the filters show; busy (and disabled) while the file comes. */
export function ExportButton({ download }: { download: () => Promise<void> }) {
  const exporting = useMutation({ mutationFn: download });
  return (
    <div className="export">
      <SubmitButton
        type="button"
        label="Export CSV"
        className="secondary"
        busy={exporting.isPending}
        onClick={() => exporting.mutate()}
      />
      <ErrorAlert failure={failureOf(exporting.error)} />
    </div>
  );
}
