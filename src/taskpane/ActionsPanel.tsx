import * as React from 'react';
import {
  Button,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { IsoDate } from '../domain/dates';
import { fixable, type ConfirmedFix } from '../app/fixCells';
import type { CheckResult, Problem } from '../domain/problems';
import { PANE } from '../i18n/ui';
import { SETTING_HINT, SETTING_LABEL, SHEET } from '../i18n/vi';
import type { Identity } from '../domain/settings';
import type { ReportRequest, RolloverView } from './actions';
import { usePeriodAsOf } from './periodFields';

const ReportDocxOffer = React.lazy(
  () => import(/* webpackChunkName: "report-docx-offer" */ './ReportDocxOffer'),
);
const ConsolidateForm = React.lazy(
  () => import(/* webpackChunkName: "consolidate-form" */ './ConsolidateForm'),
);
import type { ConsolidateFormProps } from './ConsolidateForm';
import type { Place } from './notice';
import { yearChoices } from './format';
import { ItemList, type ListItem } from './ItemList';
import { PaneSection } from './PaneSection';
import { RolloverResult } from './RolloverResult';
import { usePaneStyles } from './styles';

export interface InitFormProps {
  year: number;
  currentYear: number;
  busy: boolean;
  onYearChange: (year: number) => void;
  /**
   * Whose tracker it is: the unit, place and signer's name the new Cài đặt gets. Asked for (askNames) unless the
   * workbook is known to have a tracker already, whose Cài đặt is the user's.
   */
  askNames: boolean;
  identity: Identity;
  onIdentityChange: (identity: Identity) => void;
  onInit: () => void;
}

/** The names a new tracker needs from the user, in the form's order. */
const IDENTITY_FIELDS = ['unitName', 'place', 'signerName'] as const;

/**
 * Year picker, the commune's unit, place and signer, and "Khởi tạo bảng theo dõi": in the Thao tác tab, and in
 * the overview of an empty workbook. A new tracker never borrows another commune's name: the three are asked
 * for, and a click with one blank marks it instead of writing.
 */
export function InitForm({
  year,
  currentYear,
  busy,
  onYearChange,
  askNames,
  identity,
  onIdentityChange,
  onInit,
}: InitFormProps): React.JSX.Element {
  const styles = usePaneStyles();
  const [tried, setTried] = React.useState(false);
  const blank = (k: (typeof IDENTITY_FIELDS)[number]): boolean => (identity[k] ?? '').trim() === '';
  return (
    <div className={styles.section}>
      {(askNames ? IDENTITY_FIELDS : []).map((k) => (
        <Field
          key={k}
          label={SETTING_LABEL[k]}
          hint={SETTING_HINT[k]}
          required
          validationState={tried && blank(k) ? 'error' : 'none'}
          validationMessage={tried && blank(k) ? PANE.initNameRequired : undefined}
        >
          <Input
            value={identity[k] ?? ''}
            disabled={busy}
            onChange={(_, data) => onIdentityChange({ ...identity, [k]: data.value })}
          />
        </Field>
      ))}
      <div className={styles.row}>
        <Field label={PANE.yearLabel}>
          <Select
            value={String(year)}
            onChange={(_, data) => onYearChange(Number(data.value))}
            disabled={busy}
          >
            {yearChoices(currentYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setTried(true);
            if (askNames && IDENTITY_FIELDS.some(blank)) return;
            onInit();
          }}
        >
          {PANE.initButton}
        </Button>
      </div>
    </div>
  );
}

export interface ActionsPanelProps {
  today: IsoDate;
  busy: boolean;
  init: Omit<InitFormProps, 'busy'>;
  onCheck: () => void;
  /** The last check's problems, or null before any check. */
  check: CheckResult | null;
  /** The workbook changed after the last check. */
  checkStale: boolean;
  onSelectProblem: (problem: Problem) => void;
  /** Writes the fixes the user confirmed. */
  onFix: (confirmed: ConfirmedFix[]) => void;
  onReport: (request: ReportRequest) => void;
  /** A report was made in this pane: its Word document can be downloaded. */
  reportReady: boolean;
  /** Downloads the last report as a Word document (.docx). */
  onDownloadDocx: () => void;
  onConsolidate: ConsolidateFormProps['onConsolidate'];
  /** Builds next year's workbook from this one. */
  onRollover: () => void;
  /** The last "Chuyển sang năm mới": its file to download and the rows it carried; null before any. */
  rollover: RolloverView | null;
  /** Selects a row of this workbook's tracker (a carried row where it was). */
  onSelectRow: (row: number) => void;
  /** The spinner and outcome of the work that reports at a place (next to its button). */
  feedback: (place: Place) => React.ReactNode;
}

function problemItems(problems: Problem[], onSelect: (p: Problem) => void): ListItem[] {
  return problems.map((problem, i) => ({
    key: `${problem.sheet}!${problem.cell}#${problem.code}#${i}`,
    title: PANE.problemAt(problem.sheet, problem.cell),
    meta: problem.message,
    action: PANE.goToCell(problem.sheet, problem.cell),
    onActivate: () => onSelect(problem),
  }));
}

function ReportForm({
  today,
  busy,
  onReport,
}: Pick<ActionsPanelProps, 'today' | 'busy' | 'onReport'>): React.JSX.Element {
  const styles = usePaneStyles();
  const { fields, read } = usePeriodAsOf(today, busy);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const request = read();
    if (request) onReport(request);
  };

  return (
    <form className={styles.section} onSubmit={submit} noValidate>
      {fields}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {PANE.reportButton}
        </Button>
      </div>
    </form>
  );
}

/**
 * "Sửa tự động": the cells whose fix is certain, listed (cell, what it holds, what it will show) before
 * anything is written; one click writes them, "Hủy" closes the list.
 */
function FixForm({
  check,
  busy,
  onFix,
}: {
  check: CheckResult;
  busy: boolean;
  onFix: (confirmed: ConfirmedFix[]) => void;
}): React.JSX.Element | null {
  const styles = usePaneStyles();
  const [open, setOpen] = React.useState(false);
  const fixes = React.useMemo(() => fixable([...check.errors, ...check.warnings]), [check]);
  if (fixes.length === 0) return null;
  if (!open)
    return (
      <div>
        <Button disabled={busy} onClick={() => setOpen(true)}>
          {PANE.fixButton(fixes.length)}
        </Button>
      </div>
    );
  return (
    <PaneSection id="fix-heading" heading={PANE.fixHeading(fixes.length)} hint={PANE.fixHint} level="h3">
      <ul aria-labelledby="fix-heading">
        {fixes.map((f) => (
          <li key={`${f.sheet}!${f.cell}`}>
            <Text>
              {PANE.fixItem(
                f.sheet === SHEET.tracker ? f.cell : `${f.sheet}!${f.cell}`,
                f.fix.was,
                f.fix.becomes,
              )}
            </Text>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            onFix(fixes);
          }}
        >
          {PANE.fixConfirm}
        </Button>
        <Button disabled={busy} onClick={() => setOpen(false)}>
          {PANE.fixCancel}
        </Button>
      </div>
    </PaneSection>
  );
}

/** "Chuyển sang năm mới": the button, its outcome, then the new workbook and the rows it carried. */
function RolloverSection(props: ActionsPanelProps): React.JSX.Element {
  const { rollover, busy } = props;
  return (
    <PaneSection id="rollover-heading" heading={PANE.rolloverHeading} hint={PANE.rolloverHint}>
      <div>
        <Button disabled={busy} onClick={props.onRollover}>
          {PANE.rolloverButton}
        </Button>
      </div>
      {props.feedback('rollover')}
      {rollover?.ok && <RolloverResult rollover={rollover} onSelectRow={props.onSelectRow} />}
    </PaneSection>
  );
}

/** "Kiểm tra dữ liệu": the button, its outcome, the fixes offered and the problems found. */
function CheckSection(props: ActionsPanelProps): React.JSX.Element {
  const { busy, check } = props;
  return (
    <PaneSection id="check-heading" heading={PANE.checkHeading} hint={PANE.checkHint}>
      <div>
        <Button disabled={busy} onClick={props.onCheck}>
          {PANE.checkButton}
        </Button>
      </div>
      {props.feedback('check')}
      {check && props.checkStale && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{PANE.checkStale}</MessageBarBody>
        </MessageBar>
      )}
      {check && check.errors.length + check.warnings.length === 0 && <Text>{PANE.noProblems}</Text>}
      {/* Offered even when the workbook changed since: the action writes only cells that still hold what was shown. */}
      {check && <FixForm check={check} busy={busy} onFix={props.onFix} />}
      {check && (
        <ItemList
          id="errors-heading"
          heading={PANE.errorsHeading(check.errors.length)}
          items={problemItems(check.errors, props.onSelectProblem)}
          tone="danger"
          limit={10}
        />
      )}
      {check && (
        <ItemList
          id="warnings-heading"
          heading={PANE.warningsHeading(check.warnings.length)}
          items={problemItems(check.warnings, props.onSelectProblem)}
          tone="warning"
          limit={10}
        />
      )}
    </PaneSection>
  );
}

export function ActionsPanel(props: ActionsPanelProps): React.JSX.Element {
  const styles = usePaneStyles();
  const { busy } = props;
  return (
    <div className={styles.section}>
      <CheckSection {...props} />

      <Divider />

      <PaneSection id="report-heading" heading={PANE.reportHeading} hint={PANE.reportHint}>
        <ReportForm today={props.today} busy={busy} onReport={props.onReport} />
        {props.feedback('report')}
        {/* Its words load with it, once a report is made: the pane's first JavaScript stays as it was. */}
        {props.reportReady && (
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <ReportDocxOffer busy={busy} onDownload={props.onDownloadDocx} />
          </React.Suspense>
        )}
      </PaneSection>

      <Divider />

      <RolloverSection {...props} />

      <Divider />

      <PaneSection id="consolidate-heading" heading={PANE.consolidateHeading}>
        {/* The form, its words and the progress list load apart: the pane's first JavaScript stays as it was. */}
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <ConsolidateForm today={props.today} busy={busy} onConsolidate={props.onConsolidate} />
        </React.Suspense>
        {props.feedback('consolidate')}
      </PaneSection>

      <Divider />

      <PaneSection id="init-heading" heading={PANE.initHeading} hint={PANE.initHint}>
        <InitForm {...props.init} busy={busy} />
        {props.feedback('init')}
      </PaneSection>
    </div>
  );
}
