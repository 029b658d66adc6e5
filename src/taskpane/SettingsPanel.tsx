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
import {
  formFromSettings,
  settingFields,
  settingsFromForm,
  validateSettings,
  type SettingField,
  type SettingsForm,
  type SettingsOutcome,
} from '../app/settingsForm';
import type { SettingKey, Settings } from '../domain/settings';
import { PANE } from '../i18n/ui';
import { describeError } from './outcomeText';
import { usePaneStyles } from './styles';

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
function ChoiceSelect({
  value,
  labels,
  busy,
  onChange,
}: {
  value: string;
  labels: Readonly<Record<string, string>>;
  busy: boolean;
  onChange: (value: string) => void;
}): React.JSX.Element {
  const choices = Object.keys(labels);
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

type SetField = (key: SettingKey, value: string) => void;

/** A field's editor, as its entry in the settings table says. */
function FieldEditor({
  field,
  value,
  busy,
  set,
}: {
  field: SettingField;
  value: string;
  busy: boolean;
  set: SetField;
}): React.JSX.Element {
  const onChange = (v: string): void => set(field.key, v);
  switch (field.editor) {
    case 'select':
      return <ChoiceSelect value={value} labels={field.choices} busy={busy} onChange={onChange} />;
    case 'textarea':
      return (
        <Textarea
          value={value}
          resize="vertical"
          rows={3}
          onChange={(_, d) => onChange(d.value)}
          disabled={busy}
        />
      );
    case 'number':
      return (
        <Input value={value} inputMode="numeric" onChange={(_, d) => onChange(d.value)} disabled={busy} />
      );
    case 'input':
      return <Input value={value} onChange={(_, d) => onChange(d.value)} disabled={busy} />;
  }
}

/** The fields in the form's order, neighbouring number fields side by side on one row. */
function fieldRows(fields: readonly SettingField[]): SettingField[][] {
  const rows: SettingField[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (f.editor === 'number' && last?.[0].editor === 'number') last.push(f);
    else rows.push([f]);
  }
  return rows;
}

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
  const field = (f: SettingField, className?: string): React.JSX.Element => (
    <Field
      key={f.key}
      className={className}
      label={f.label}
      hint={errors[f.key] ? undefined : f.hint}
      validationState={errors[f.key] ? 'error' : 'none'}
      validationMessage={errors[f.key]}
      required={f.required}
    >
      <FieldEditor field={f} value={form[f.key]} busy={busy} set={set} />
    </Field>
  );
  return (
    <>
      {fieldRows(settingFields()).map((row) =>
        row[0].editor === 'number' ? (
          <div key={row[0].key} className={styles.fields}>
            {row.map((f) => field(f, styles.grow))}
          </div>
        ) : (
          field(row[0])
        ),
      )}
    </>
  );
}
