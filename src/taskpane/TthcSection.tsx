/**
 * The overview's TTHC part: the latest month's and the report period's on-time rate of the one-stop shop's
 * dossiers, the fields with late dossiers (each takes the user to its row of "Hồ sơ TTHC"), the rows the sheet
 * cannot read; or, where the workbook has no such sheet, the button that adds it.
 */
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import type { TthcOverview } from '../domain/overview';
import { PANE } from '../i18n/ui';
import { percentOneDecimal } from './format';
import { ItemList, type ListItem } from './ItemList';
import { PaneSection } from './PaneSection';
import { usePaneStyles } from './styles';

export interface TthcSectionProps {
  /** Undefined: the workbook has no "Hồ sơ TTHC". */
  tthc: TthcOverview | undefined;
  year: number;
  busy: boolean;
  /** The A1 cell of a row to select (its field). */
  cellOf: (row: number) => string;
  onSelectRow: (cell: string) => void;
  onAddSheet: () => void;
}

function Rate({
  label,
  rate,
  onTime,
  resolved,
}: {
  label: string;
  rate: number | null;
  onTime: number;
  resolved: number;
}): React.JSX.Element {
  return (
    <Field
      label={label}
      hint={
        rate === null
          ? PANE.tthcNothingResolved
          : PANE.tthcRateHint(onTime, resolved, percentOneDecimal(rate))
      }
    >
      <ProgressBar value={rate ?? 0} max={1} thickness="large" color="success" />
    </Field>
  );
}

export function TthcSection({
  tthc,
  year,
  busy,
  cellOf,
  onSelectRow,
  onAddSheet,
}: TthcSectionProps): React.JSX.Element {
  const section = { id: 'tthc-heading', heading: PANE.tthcHeading };
  if (!tthc)
    return (
      <PaneSection {...section} hint={PANE.tthcMissing}>
        <div>
          <Button appearance="secondary" disabled={busy} onClick={onAddSheet}>
            {PANE.tthcAdd}
          </Button>
        </div>
      </PaneSection>
    );
  if (!tthc.present)
    return (
      <PaneSection {...section}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{PANE.tthcUnreadable}</MessageBarBody>
        </MessageBar>
      </PaneSection>
    );
  const toLate = (f: TthcOverview['lateFields'][number]): ListItem => ({
    key: `late-${f.row}-${f.field}`,
    title: f.frequent ? `${f.field} · ${PANE.tthcFrequent}` : f.field,
    meta: PANE.tthcLateMeta(f.late, PANE.tthcMonths(f.lateMonths), f.pendingLate),
    action: PANE.goToTthcRow(f.row),
    onActivate: () => onSelectRow(cellOf(f.row)),
  });
  const toError = (e: TthcOverview['dataErrorRows'][number]): ListItem => ({
    key: `error-${e.row}`,
    title: PANE.tthcErrorRow(e.row, e.month, e.field),
    meta: PANE.tthcErrorMeta,
    action: PANE.goToTthcRow(e.row),
    onActivate: () => onSelectRow(cellOf(e.row)),
  });
  return (
    <PaneSection {...section}>
      <TthcFigures
        tthc={tthc}
        year={year}
        onOpen={() => onSelectRow(cellOf(tthc.firstRow))}
        toLate={toLate}
      />
      {tthc.dataErrorRows.length > 0 && (
        <ItemList
          id="tthc-errors-heading"
          heading={PANE.tthcErrorsHeading(tthc.dataErrorRows.length)}
          items={tthc.dataErrorRows.map(toError)}
          tone="danger"
          level="h3"
        />
      )}
    </PaneSection>
  );
}

/**
 * The latest month's rate, the report period's, and the fields with late dossiers; or, before any month has
 * figures, the button that opens the sheet.
 */
function TthcFigures({
  tthc,
  year,
  onOpen,
  toLate,
}: {
  tthc: TthcOverview;
  year: number;
  onOpen: () => void;
  toLate: (f: TthcOverview['lateFields'][number]) => ListItem;
}): React.JSX.Element {
  const styles = usePaneStyles();
  if (tthc.latestMonth === null)
    return (
      <>
        <Text className={styles.hint}>{PANE.tthcNoFigures(year)}</Text>
        <div>
          <Button appearance="subtle" size="small" onClick={onOpen}>
            {PANE.tthcOpenSheet}
          </Button>
        </div>
      </>
    );
  return (
    <>
      <Rate
        label={PANE.tthcMonthLabel(tthc.latestMonth, year)}
        rate={tthc.latestRate}
        onTime={tthc.latestOnTime}
        resolved={tthc.latestResolved}
      />
      {tthc.periodMonths.length > 0 && (
        <Rate
          label={PANE.tthcPeriodLabel(tthc.period.subject, PANE.tthcMonths(tthc.periodMonths))}
          rate={tthc.periodRate}
          onTime={tthc.periodOnTime}
          resolved={tthc.periodResolved}
        />
      )}
      {tthc.leftOutFields.length > 0 && <Text size={200}>{PANE.tthcLeftOut(tthc.leftOutFields)}</Text>}
      <ItemList
        id="tthc-late-heading"
        heading={PANE.tthcLateHeading(tthc.lateFields.length)}
        items={tthc.lateFields.map(toLate)}
        empty={PANE.tthcNoLate}
        tone="danger"
        level="h3"
      />
    </>
  );
}
