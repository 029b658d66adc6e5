/**
 * "Tổng hợp nhiều xã" in the pane: the period, the day, the communes' workbooks (picked many at once), and
 * while it runs what became of each file. Loaded apart from the pane's first JavaScript (ActionsPanel).
 */
import * as React from 'react';
import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import type { FileProgress } from '../app/consolidate';
import { CONSOLIDATION_PANE } from '../i18n/consolidation';
import type { IsoDate } from '../domain/dates';
import type { ConsolidateRequest, PickedFile } from './actions';
import { usePeriodAsOf } from './periodFields';
import { usePaneStyles } from './styles';

export interface ConsolidateFormProps {
  today: IsoDate;
  busy: boolean;
  /** Consolidates the communes' workbooks the user picked into this workbook, telling what became of each. */
  onConsolidate: (request: ConsolidateRequest, onFile: (progress: FileProgress) => void) => Promise<void>;
}

export default function ConsolidateForm({
  today,
  busy,
  onConsolidate,
}: ConsolidateFormProps): React.JSX.Element {
  const styles = usePaneStyles();
  const { fields, read } = usePeriodAsOf(today, busy, {
    period: CONSOLIDATION_PANE.periodLabel,
    asOf: CONSOLIDATION_PANE.asOfLabel,
  });
  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const picker = React.useRef<HTMLInputElement>(null);
  /** What became of each file of the consolidation running or last run, in order. */
  const [progress, setProgress] = React.useState<{ total: number; files: FileProgress[] } | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const request = read();
    if (!request) return;
    const total = files.length;
    setProgress({ total, files: [] });
    void onConsolidate({ ...request, files }, (p) =>
      setProgress((now) => ({ total, files: [...(now?.files ?? []), p] })),
    );
  };
  const done = progress?.files.length ?? 0;
  return (
    <form className={styles.section} onSubmit={submit} noValidate>
      <Text className={styles.hint}>{CONSOLIDATION_PANE.hint}</Text>
      {fields}
      <Field label={CONSOLIDATION_PANE.pickLabel} hint={CONSOLIDATION_PANE.picked(files.length)}>
        <div className={styles.row}>
          <input
            ref={picker}
            type="file"
            multiple
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            aria-label={CONSOLIDATION_PANE.pickLabel}
            data-testid="consolidate-files"
            onChange={(event) => setFiles(Array.from(event.currentTarget.files ?? []))}
          />
          <Button disabled={busy} onClick={() => picker.current?.click()}>
            {CONSOLIDATION_PANE.pickButton}
          </Button>
        </div>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={busy || files.length === 0}>
          {CONSOLIDATION_PANE.button}
        </Button>
      </div>
      {progress && (
        <div className={styles.section}>
          <Field label={CONSOLIDATION_PANE.progressLabel(done, progress.total)} validationState="none">
            <ProgressBar value={progress.total === 0 ? 0 : done / progress.total} />
          </Field>
          {done > 0 && (
            <ol className={styles.list} aria-label={CONSOLIDATION_PANE.progressHeading}>
              {progress.files.map((f) => (
                <li key={f.index}>
                  <Text className={styles.itemTitle}>{f.file}</Text>{' '}
                  <Text className={styles.itemMeta}>
                    {f.unit !== undefined
                      ? CONSOLIDATION_PANE.used(f.unit)
                      : CONSOLIDATION_PANE.notUsed(f.reason ?? '')}
                  </Text>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </form>
  );
}
