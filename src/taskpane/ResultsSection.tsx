/**
 * The overview's results editor: pick a quarter and a task, type what was done in the quarter and what is
 * planned for the next, and write them into that row of "Kết quả theo kỳ" (the same cells the officer can type
 * into on the sheet). Like the TTHC section beside it, it only asks its actions: it never touches Excel.
 */
import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import type { ResultsFormEntry, ResultsFormOutcome, ResultsFormRow } from '../app/resultsForm';
import type { Quarter } from '../domain/periods';
import { quarterCellText } from '../domain/resultsSheet';
import { RESULTS_PANE } from '../i18n/ui';
import { PaneSection } from './PaneSection';

export interface ResultsSectionProps {
  /** The quarter shown first (today's). */
  initialQuarter: Quarter;
  busy: boolean;
  load: () => Promise<ResultsFormOutcome>;
  save: (entry: ResultsFormEntry) => Promise<ResultsFormOutcome>;
  /** Shows a cell of "Kết quả theo kỳ". */
  onSelectCell: (cell: string) => void;
  /** Changes when the workbook was read again (the overview's refresh): the rows are read again too. */
  refreshKey?: unknown;
}

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** The sheet's rows, read when the section opens and again at each refresh of the overview. */
function useResultsRows(
  load: ResultsSectionProps['load'],
  refreshKey: unknown,
): {
  rows: ResultsFormRow[] | undefined;
  setRows: (rows: ResultsFormRow[]) => void;
  outcome: ResultsFormOutcome | undefined;
  setOutcome: (o: ResultsFormOutcome) => void;
} {
  const [rows, setRows] = React.useState<ResultsFormRow[] | undefined>(undefined);
  const [outcome, setOutcome] = React.useState<ResultsFormOutcome | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    void load().then((o) => {
      if (!live) return;
      setRows(o.rows);
      if (!o.ok) setOutcome(o);
    });
    return () => {
      live = false;
    };
  }, [load, refreshKey]);
  return { rows, setRows, outcome, setOutcome };
}

/** The row picked in a quarter and the words typed for it (kept through a fresh read while being typed). */
function useRowForm(rows: ResultsFormRow[] | undefined, quarter: Quarter) {
  const [row, setRow] = React.useState<number | undefined>(undefined);
  const [result, setResult] = React.useState('');
  const [planned, setPlanned] = React.useState('');
  /** The officer has typed since the row was shown: a fresh read does not wipe it. */
  const [dirty, setDirty] = React.useState(false);
  const inQuarter = (rows ?? []).filter((r) => r.quarter === quarter);
  const picked = inQuarter.find((r) => r.row === row) ?? inQuarter[0];
  const pick = (r: ResultsFormRow | undefined): void => {
    setRow(r?.row);
    setResult(r?.result ?? '');
    setPlanned(r?.planned ?? '');
    setDirty(false);
  };
  // Another quarter shows its row's words; a fresh read too, unless the officer is typing.
  React.useEffect(() => pick(picked), [quarter]);
  React.useEffect(() => {
    if (!dirty) pick(picked);
  }, [rows]);
  const type = (k: 'result' | 'planned', text: string): void => {
    (k === 'result' ? setResult : setPlanned)(text);
    setDirty(true);
  };
  return { inQuarter, picked, pick, result, planned, type, clean: () => setDirty(false) };
}

/** Writes the picked row's two texts; saved, or refused because the row changed, the form shows the sheet as it is. */
function useSaveRow(
  save: ResultsSectionProps['save'],
  form: ReturnType<typeof useRowForm>,
  quarter: Quarter,
  done: (outcome: ResultsFormOutcome) => void,
): { saving: boolean; onSave: () => Promise<void> } {
  const [saving, setSaving] = React.useState(false);
  const { picked } = form;
  const onSave = async (): Promise<void> => {
    if (!picked) return;
    setSaving(true);
    try {
      const o = await save({
        row: picked.row,
        quarter,
        task: picked.task,
        result: form.result,
        planned: form.planned,
        was: { result: picked.result, planned: picked.planned },
      });
      form.clean();
      done(o);
    } finally {
      setSaving(false);
    }
  };
  return { saving, onSave };
}

function QuarterSelect({
  quarter,
  onChange,
}: {
  quarter: Quarter;
  onChange: (q: Quarter) => void;
}): React.JSX.Element {
  return (
    <Field label={RESULTS_PANE.quarter}>
      <Select value={String(quarter)} onChange={(_, d) => onChange(Number(d.value) as Quarter)}>
        {QUARTERS.map((q) => (
          <option key={q} value={q}>
            {quarterCellText(q)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ResultsSection(props: ResultsSectionProps): React.JSX.Element {
  const { busy, load, save, onSelectCell, refreshKey } = props;
  const { rows, setRows, outcome, setOutcome } = useResultsRows(load, refreshKey);
  const [quarter, setQuarter] = React.useState<Quarter>(props.initialQuarter);
  const form = useRowForm(rows, quarter);
  const { saving, onSave } = useSaveRow(save, form, quarter, (o) => {
    setOutcome(o);
    if (o.rows) setRows(o.rows);
  });

  const section = { id: 'results-heading', heading: RESULTS_PANE.heading, hint: RESULTS_PANE.hint };
  if (!rows)
    return (
      <PaneSection {...section}>
        {outcome ? <Outcome outcome={outcome} /> : <Spinner size="tiny" label={RESULTS_PANE.loading} />}
      </PaneSection>
    );
  return (
    <PaneSection {...section}>
      <QuarterSelect quarter={quarter} onChange={setQuarter} />
      {form.inQuarter.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{RESULTS_PANE.noTasks}</MessageBarBody>
        </MessageBar>
      ) : (
        <RowEditor
          form={form}
          quarter={quarter}
          disabled={busy || saving}
          onSave={() => void onSave()}
          onSelectCell={onSelectCell}
        />
      )}
      {outcome && <Outcome outcome={outcome} />}
    </PaneSection>
  );
}

/** The task picked in the quarter, its two texts, and the buttons. */
function RowEditor({
  form,
  quarter,
  disabled,
  onSave,
  onSelectCell,
}: {
  form: ReturnType<typeof useRowForm>;
  quarter: Quarter;
  disabled: boolean;
  onSave: () => void;
  onSelectCell: (cell: string) => void;
}): React.JSX.Element {
  const { inQuarter, picked } = form;
  return (
    <>
      <Field label={RESULTS_PANE.task}>
        <Select
          value={String(picked?.row ?? '')}
          onChange={(_, d) => form.pick(inQuarter.find((r) => r.row === Number(d.value)))}
        >
          {inQuarter.map((r) => (
            <option key={r.row} value={r.row}>
              {RESULTS_PANE.taskOption(r.section, r.task, r.result !== '' || r.planned !== '')}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={RESULTS_PANE.result}>
        <Textarea
          value={form.result}
          resize="vertical"
          rows={3}
          onChange={(_, d) => form.type('result', d.value)}
        />
      </Field>
      <Field label={RESULTS_PANE.planned(quarter === 4)}>
        <Textarea
          value={form.planned}
          resize="vertical"
          rows={2}
          onChange={(_, d) => form.type('planned', d.value)}
        />
      </Field>
      <div>
        <Button appearance="primary" disabled={disabled || !picked} onClick={onSave}>
          {RESULTS_PANE.save}
        </Button>{' '}
        <Button appearance="subtle" disabled={!picked} onClick={() => picked && onSelectCell(picked.cell)}>
          {RESULTS_PANE.openRow}
        </Button>
      </div>
    </>
  );
}

function Outcome({ outcome }: { outcome: ResultsFormOutcome }): React.JSX.Element {
  return (
    <MessageBar intent={outcome.ok ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>{outcome.message}</MessageBarBody>
    </MessageBar>
  );
}
