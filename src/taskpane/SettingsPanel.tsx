import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type { SettingsOutcome } from '../app/settingsForm';
import { REQUIRED_SETTINGS, validateSettings } from '../app/settingsForm';
import { formatVnDate, parseDateText } from '../domain/dates';
import type { PeriodMode, SettingKey, Settings, Signer } from '../domain/settings';
import { PANE } from '../i18n/ui';
import { PERIOD_MODE_LABEL, SETTING_HINT, SETTING_LABEL, SIGNER_LABEL } from '../i18n/vi';
import { describeError } from './outcomeText';
import { usePaneStyles } from './styles';

/** The form's values: what the user typed, as typed (numbers and dates stay text until saved). */
type SettingsForm = Record<Exclude<SettingKey, 'periodMode' | 'signer'>, string> & {
  periodMode: PeriodMode;
  signer: Signer;
};

function formFromSettings(s: Settings): SettingsForm {
  return {
    unitName: s.unitName,
    recipient: s.recipient,
    place: s.place,
    year: String(s.year),
    warningDays: String(s.warningDays),
    signer: s.signer,
    signerName: s.signerName,
    otherRecipients: s.otherRecipients.join('\n'),
    periodMode: s.periodMode,
    planNumber: s.planNumber,
    planDate: s.planDate ? formatVnDate(s.planDate) : '',
  };
}

/** Whole numbers only: anything else becomes NaN, which validateSettings reports. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}

function settingsFromForm(f: SettingsForm): Settings {
  return {
    unitName: f.unitName,
    recipient: f.recipient,
    place: f.place,
    year: wholeNumber(f.year),
    warningDays: wholeNumber(f.warningDays),
    signer: f.signer,
    signerName: f.signerName,
    otherRecipients: f.otherRecipients
      .split(/[\n;]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    periodMode: f.periodMode,
    planNumber: f.planNumber.trim(),
    planDate: planDateOf(f.planDate),
  };
}

/** The plan's date as typed: blank → null; dd/mm/yyyy → ISO; anything else → a value validateSettings refuses. */
function planDateOf(text: string): string | null {
  if (text.trim() === '') return null;
  const parsed = parseDateText(text);
  return parsed.ok ? parsed.iso : text;
}

type Errors = Partial<Record<SettingKey, string>>;

type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; form: SettingsForm; dirty: boolean }
  | { status: 'unavailable'; message: string };

export interface SettingsPanelProps {
  /** Whether the tab is shown: the sheet is read the first time it is. */
  active: boolean;
  busy: boolean;
  /** Changes when the workbook's sheets were re-created (after "Khởi tạo"): read again unless edited. */
  reloadKey: number;
  load: () => Promise<SettingsOutcome>;
  /** Saves through the pane's single-work guard; undefined when the save did not run. */
  save: (settings: Settings) => Promise<SettingsOutcome | undefined>;
  /** The spinner and outcome of a save, shown under the buttons. */
  feedback: React.ReactNode;
}

const TEXT_FIELDS = ['unitName', 'recipient', 'place', 'signerName', 'planNumber', 'planDate'] as const;

export function SettingsPanel({
  active,
  busy,
  reloadKey,
  load,
  save,
  feedback,
}: SettingsPanelProps): React.JSX.Element {
  const styles = usePaneStyles();
  const { state, setState, errors, setErrors, read } = useSettingsForm(active, reloadKey, load);

  if (state.status === 'idle' || state.status === 'loading') {
    return <Spinner size="small" labelPosition="after" label={PANE.loadingSettings} />;
  }
  if (state.status === 'unavailable') {
    return (
      <div className={styles.section}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
        <div>
          <Button onClick={() => void read()} disabled={busy}>
            {PANE.reloadSettings}
          </Button>
        </div>
      </div>
    );
  }

  const form = state.form;
  const set: SetField = (key, value) => {
    setState({ status: 'ready', form: { ...form, [key]: value }, dirty: true });
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const settings = settingsFromForm(form);
    const found = validateSettings(settings);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const outcome = await save(settings);
    if (!outcome) return;
    if (outcome.ok) setState({ status: 'ready', form, dirty: false });
    else if (outcome.fieldErrors) setErrors(outcome.fieldErrors);
  };

  return (
    <form
      className={styles.section}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="settings-heading"
    >
      <Subtitle2 as="h2" id="settings-heading">
        {PANE.settingsHeading}
      </Subtitle2>
      <Text className={styles.hint}>{PANE.settingsHint}</Text>
      <SettingsFields form={form} errors={errors} busy={busy} set={set} />
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {PANE.saveSettings}
        </Button>
        <Button onClick={() => void read()} disabled={busy}>
          {PANE.reloadSettings}
        </Button>
      </div>
      {feedback}
    </form>
  );
}

/**
 * The form's state: read from the sheet the first time the tab is shown, and again when the sheets were made
 * anew, unless the user has typed something.
 */
function useSettingsForm(
  active: boolean,
  reloadKey: number,
  load: SettingsPanelProps['load'],
): {
  state: LoadState;
  setState: (state: LoadState) => void;
  errors: Errors;
  setErrors: (errors: Errors) => void;
  read: () => Promise<void>;
} {
  const [state, setState] = React.useState<LoadState>({ status: 'idle' });
  const [errors, setErrors] = React.useState<Errors>({});
  const loadedKey = React.useRef<number | undefined>(undefined);

  const read = React.useCallback(async () => {
    setState({ status: 'loading' });
    setErrors({});
    try {
      const outcome = await load();
      setState(
        outcome.ok && outcome.settings
          ? { status: 'ready', form: formFromSettings(outcome.settings), dirty: false }
          : { status: 'unavailable', message: outcome.message },
      );
    } catch (error) {
      setState({ status: 'unavailable', message: PANE.unexpectedError(describeError(error)) });
    }
  }, [load]);

  React.useEffect(() => {
    if (!active || loadedKey.current === reloadKey) return;
    if (state.status === 'ready' && state.dirty) return; // never throw away what the user typed
    loadedKey.current = reloadKey;
    void read();
  }, [active, reloadKey, read, state]);

  return { state, setState, errors, setErrors, read };
}

/** A setting picked from a short list: an option for each label, in the labels' order. */
function ChoiceSelect<V extends string>({
  value,
  labels,
  busy,
  onChange,
}: {
  value: V;
  labels: Readonly<Record<V, string>>;
  busy: boolean;
  onChange: (value: V) => void;
}): React.JSX.Element {
  const choices = Object.keys(labels) as V[]; // the keys of a Record<V, …>
  return (
    <Select
      value={value}
      onChange={(_, d) => onChange(choices.find((c) => c === d.value) ?? value)}
      disabled={busy}
    >
      {choices.map((c) => (
        <option key={c} value={c}>
          {labels[c]}
        </option>
      ))}
    </Select>
  );
}

type SetField = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => void;

/** The settings' fields, each with its label, hint or error. */
function SettingsFields({
  form,
  errors,
  busy,
  set,
}: {
  form: SettingsForm;
  errors: Errors;
  busy: boolean;
  set: SetField;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const fieldProps = (key: SettingKey) => ({
    label: SETTING_LABEL[key],
    hint: errors[key] ? undefined : key === 'otherRecipients' ? PANE.otherRecipientsHint : SETTING_HINT[key],
    validationState: errors[key] ? ('error' as const) : ('none' as const),
    validationMessage: errors[key],
    required: REQUIRED_SETTINGS.has(key),
  });
  return (
    <>
      {TEXT_FIELDS.slice(0, 3).map((key) => (
        <Field key={key} {...fieldProps(key)}>
          <Input value={form[key]} onChange={(_, d) => set(key, d.value)} disabled={busy} />
        </Field>
      ))}
      <div className={styles.fields}>
        {(['year', 'warningDays'] as const).map((key) => (
          <Field key={key} className={styles.grow} {...fieldProps(key)}>
            <Input
              value={form[key]}
              inputMode="numeric"
              onChange={(_, d) => set(key, d.value)}
              disabled={busy}
            />
          </Field>
        ))}
      </div>
      <Field {...fieldProps('signer')}>
        <ChoiceSelect
          value={form.signer}
          labels={SIGNER_LABEL}
          busy={busy}
          onChange={(v) => set('signer', v)}
        />
      </Field>
      {TEXT_FIELDS.slice(3).map((key) => (
        <Field key={key} {...fieldProps(key)}>
          <Input value={form[key]} onChange={(_, d) => set(key, d.value)} disabled={busy} />
        </Field>
      ))}
      <Field {...fieldProps('otherRecipients')}>
        <Textarea
          value={form.otherRecipients}
          resize="vertical"
          rows={3}
          onChange={(_, d) => set('otherRecipients', d.value)}
          disabled={busy}
        />
      </Field>
      <Field {...fieldProps('periodMode')}>
        <ChoiceSelect
          value={form.periodMode}
          labels={PERIOD_MODE_LABEL}
          busy={busy}
          onChange={(v) => set('periodMode', v)}
        />
      </Field>
    </>
  );
}
