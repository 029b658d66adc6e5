/** @jest-environment jsdom */
/**
 * docs/extending.md, "To add a setting", in the pane: a setting added to the settings' table alone (a jest
 * module mock of settingsTable.ts) is a field of the pane's Cài đặt form, with its label and hint, filled from
 * the sheet and saved with what the user typed.
 */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { planSettings, type Settings } from '../../src/domain/settings';
import { SettingsPanel } from '../../src/taskpane/SettingsPanel';
import { PANE } from '../../src/i18n/ui';

jest.mock('../../src/domain/settingsTable', () => {
  const actual = jest.requireActual<typeof import('../../src/domain/settingsTable')>(
    '../../src/domain/settingsTable',
  );
  const mockPhone = {
    label: 'Số điện thoại liên hệ',
    hint: 'Số điện thoại ghi ở cuối báo cáo (để trống nếu không ghi)',
    kind: 'optionalText',
    default: () => '',
    required: false,
    read: (raw: unknown) => String(raw ?? '').trim(),
    toCell: (v: string) => v,
    numberFormat: '@',
    check: () => undefined,
    pane: { editor: 'input', order: 12, toText: (v: string) => v, fromText: (t: string) => t.trim() },
    report: 'the footer, under the signature',
  };
  return { ...actual, SETTINGS_TABLE: { ...actual.SETTINGS_TABLE, contactPhone: mockPhone } };
});

it('shows the new setting as a field, filled from the sheet, and saves what is typed', async () => {
  const settings = { ...planSettings(2026), contactPhone: '0296 3 841 234' } as Settings;
  const save = jest.fn(async (s: Settings) => ({ ok: true, message: '', settings: s }));
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel
        active
        busy={false}
        reloadKey={0}
        load={async () => ({ ok: true, message: '', settings })}
        save={save}
        feedback={null}
      />
    </FluentProvider>,
  );
  const field = await screen.findByRole('textbox', { name: /Số điện thoại liên hệ/ });
  expect(field).toHaveProperty('value', '0296 3 841 234');
  expect(screen.getByText('Số điện thoại ghi ở cuối báo cáo (để trống nếu không ghi)')).toBeTruthy();
  fireEvent.change(field, { target: { value: ' 0909 123 456 ' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: PANE.saveSettings }));
  });
  expect(save).toHaveBeenCalledWith({ ...settings, contactPhone: '0909 123 456' });
});
