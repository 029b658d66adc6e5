/** The period and as-of fields the report form and the consolidation form share. */
import * as React from 'react';
import { Field, Input, Select } from '@fluentui/react-components';
import { formatVnDate, parseDateText, type IsoDate } from '../domain/dates';
import { reportPeriod } from '../domain/periods';
import { PANE } from '../i18n/ui';
import type { ReportRequest } from './actions';
import { defaultPeriodId, periodChoices } from './format';
import { usePaneStyles } from './styles';

/** The period and the as-of day of a report or a consolidation, read when the form is sent. */
export function usePeriodAsOf(
  today: IsoDate,
  busy: boolean,
  labels: { period: string; asOf: string } = { period: PANE.periodLabel, asOf: PANE.asOfLabel },
) {
  const styles = usePaneStyles();
  const choices = React.useMemo(() => periodChoices(today), [today]);
  const [periodId, setPeriodId] = React.useState(() => defaultPeriodId(today));
  const [asOfText, setAsOfText] = React.useState(() => formatVnDate(today));
  const [asOfError, setAsOfError] = React.useState(false);
  const choice = choices.find((c) => c.id === periodId) ?? choices[4];
  const period = reportPeriod(choice.year, choice.quarter);

  /** The request, or null (and the field marked) when the day cannot be read. */
  const read = (): ReportRequest | null => {
    const parsed = parseDateText(asOfText);
    if (!parsed.ok) {
      setAsOfError(true);
      return null;
    }
    setAsOfError(false);
    return { period: { year: choice.year, quarter: choice.quarter }, asOf: parsed.iso };
  };

  const fields = (
    <div className={styles.fields}>
      <Field
        className={styles.grow}
        label={labels.period}
        hint={PANE.periodHint(period.subject, formatVnDate(period.due))}
      >
        <Select value={periodId} onChange={(_, data) => setPeriodId(data.value)} disabled={busy}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        className={styles.grow}
        label={labels.asOf}
        hint={asOfError ? undefined : PANE.asOfHint}
        validationState={asOfError ? 'error' : 'none'}
        validationMessage={asOfError ? PANE.asOfInvalid : undefined}
      >
        <Input
          value={asOfText}
          placeholder={PANE.asOfPlaceholder}
          inputMode="numeric"
          autoComplete="off"
          disabled={busy}
          onChange={(_, data) => {
            setAsOfText(data.value);
            if (asOfError) setAsOfError(false);
          }}
        />
      </Field>
    </div>
  );
  return { fields, read };
}
