/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ActionOutcome } from '../../src/app/types';
import type { CheckResult } from '../../src/domain/problems';
import { PANE } from '../../src/i18n/ui';
import { App, noticeFor, yearChoices } from '../../src/taskpane/App';
import type { CheckView, PaneActions } from '../../src/taskpane/actions';

/** A promise the test settles by hand, to look at the pane while an action is still running. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeActions(overrides: Partial<PaneActions> = {}): jest.Mocked<PaneActions> {
  return {
    initTracker: jest.fn(async () => ({ ok: true, message: 'Đã tạo bảng theo dõi.' })),
    checkTracker: jest.fn(async (): Promise<CheckView> => ({ ok: true, message: 'Không có lỗi.' })),
    compileReport: jest.fn(async () => ({ ok: true, message: 'Đã tổng hợp báo cáo.' })),
    selectCell: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<PaneActions>;
}

function renderPane(actions: PaneActions) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} currentYear={2026} />
    </FluentProvider>,
  );
}

const button = (name: string) => screen.getByRole('button', { name });

describe('App', () => {
  it('shows its Vietnamese labels, and a year picker centred on the current year', () => {
    renderPane(fakeActions());
    expect(
      screen.getByRole('heading', { level: 1, name: 'Kế hoạch CCHC – UBND xã Long Điền A' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Khởi tạo bảng theo dõi' })).toBeTruthy();
    expect(button('Khởi tạo bảng theo dõi')).toBeTruthy();
    expect(button('Kiểm tra dữ liệu')).toBeTruthy();
    expect(button('Tổng hợp báo cáo')).toBeTruthy();
    const year = screen.getByLabelText('Năm theo dõi') as HTMLSelectElement;
    expect(year.value).toBe('2026');
    expect(Array.from(year.options).map((o) => o.value)).toEqual([
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
    ]);
    expect(yearChoices(2026)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029]);
  });

  it('initialises the tracker for the chosen year', async () => {
    const actions = fakeActions();
    renderPane(actions);
    fireEvent.change(screen.getByLabelText('Năm theo dõi'), { target: { value: '2027' } });
    await act(async () => fireEvent.click(button('Khởi tạo bảng theo dõi')));
    expect(actions.initTracker).toHaveBeenCalledWith(2027);
    expect(screen.getByText('Đã tạo bảng theo dõi.')).toBeTruthy();
    expect(screen.getByText(PANE.outcomeTitle.success)).toBeTruthy();
  });

  it('disables every action and shows a spinner while work runs, so nothing starts twice', async () => {
    const pending = deferred<ActionOutcome>();
    const actions = fakeActions({ compileReport: jest.fn(() => pending.promise) });
    renderPane(actions);

    await act(async () => {
      fireEvent.click(button('Tổng hợp báo cáo'));
      fireEvent.click(button('Tổng hợp báo cáo')); // a double click
    });
    expect(actions.compileReport).toHaveBeenCalledTimes(1);
    expect(screen.getByText(PANE.working.report)).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    for (const name of ['Khởi tạo bảng theo dõi', 'Kiểm tra dữ liệu', 'Tổng hợp báo cáo']) {
      expect((button(name) as HTMLButtonElement).disabled).toBe(true);
    }
    expect((screen.getByLabelText('Năm theo dõi') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(button('Kiểm tra dữ liệu'));
    expect(actions.checkTracker).not.toHaveBeenCalled();

    await act(async () => pending.resolve({ ok: true, message: 'Đã tổng hợp báo cáo.' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((button('Tổng hợp báo cáo') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('Đã tổng hợp báo cáo.')).toBeTruthy();
  });

  it('shows an error outcome in a message bar', async () => {
    const message = 'Trang "Nhiệm vụ" đang được khóa (bảo vệ trang tính).';
    const actions = fakeActions({ compileReport: jest.fn(async () => ({ ok: false, message })) });
    renderPane(actions);
    await act(async () => fireEvent.click(button('Tổng hợp báo cáo')));
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByText(PANE.outcomeTitle.error)).toBeTruthy();

    fireEvent.click(button(PANE.dismiss));
    expect(screen.queryByText(message)).toBeNull();
  });

  it('turns an action that throws into a Vietnamese error message', async () => {
    const actions = fakeActions({
      initTracker: jest.fn(async () => Promise.reject(new Error('RichApi.Error'))),
    });
    renderPane(actions);
    await act(async () => fireEvent.click(button('Khởi tạo bảng theo dõi')));
    expect(screen.getByText(PANE.unexpectedError('RichApi.Error'))).toBeTruthy();
    expect((button('Khởi tạo bảng theo dõi') as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists errors and warnings apart, and selects the cell of a problem when it is clicked', async () => {
    const result: CheckResult = {
      errors: [
        {
          severity: 'error',
          code: 'unknownStatus',
          sheet: 'Nhiệm vụ',
          cell: 'H12',
          message: 'Trạng thái "Xong" không hợp lệ.',
        },
      ],
      warnings: [
        {
          severity: 'warning',
          code: 'dueSoon',
          sheet: 'Nhiệm vụ',
          cell: 'G7',
          message: 'Nhiệm vụ sắp đến hạn.',
        },
      ],
    };
    const actions = fakeActions({
      checkTracker: jest.fn(async () => ({ ok: true, message: 'Tìm thấy 1 lỗi và 1 cảnh báo.', result })),
    });
    renderPane(actions);
    await act(async () => fireEvent.click(button('Kiểm tra dữ liệu')));

    expect(screen.getByText('Tìm thấy 1 lỗi và 1 cảnh báo.')).toBeTruthy();
    expect(screen.getByText(PANE.outcomeTitle.warning)).toBeTruthy();
    const errors = screen.getByRole('region', { name: 'Lỗi (1)' });
    const warnings = screen.getByRole('region', { name: 'Cảnh báo (1)' });
    const errorItem = within(errors).getByRole('button');
    expect(errorItem.textContent).toBe('Nhiệm vụ!H12 — Trạng thái "Xong" không hợp lệ.');
    expect(within(warnings).getByRole('button').textContent).toBe('Nhiệm vụ!G7 — Nhiệm vụ sắp đến hạn.');

    await act(async () => fireEvent.click(errorItem));
    expect(actions.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'H12');
  });

  it('says so when a check finds nothing, and when a cell cannot be selected', async () => {
    const result: CheckResult = {
      errors: [{ severity: 'error', code: 'emptyTask', sheet: 'Cũ', cell: 'C3', message: 'Thiếu nội dung.' }],
      warnings: [],
    };
    const actions = fakeActions({
      checkTracker: jest
        .fn<Promise<CheckView>, []>()
        .mockResolvedValueOnce({ ok: true, message: 'Đã kiểm tra.', result: { errors: [], warnings: [] } })
        .mockResolvedValueOnce({ ok: true, message: 'Tìm thấy 1 lỗi.', result }),
      selectCell: jest.fn(async () => Promise.reject(new Error('ItemNotFound'))),
    });
    renderPane(actions);
    await act(async () => fireEvent.click(button('Kiểm tra dữ liệu')));
    expect(screen.getByText(PANE.noProblems)).toBeTruthy();

    await act(async () => fireEvent.click(button('Kiểm tra dữ liệu')));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Cũ!C3/ })));
    expect(screen.getByText(PANE.selectFailed('Cũ', 'C3'))).toBeTruthy();
  });
});

describe('noticeFor', () => {
  it('maps outcomes to message bar intents', () => {
    expect(noticeFor({ ok: false, message: 'x' }).intent).toBe('error');
    expect(noticeFor({ ok: true, message: 'x' }).intent).toBe('success');
    expect(noticeFor({ ok: true, message: 'x', result: { errors: [], warnings: [] } }).intent).toBe(
      'success',
    );
    const warning = { severity: 'warning' as const, code: 'c', sheet: 's', cell: 'A1', message: 'm' };
    expect(noticeFor({ ok: true, message: 'x', result: { errors: [], warnings: [warning] } }).intent).toBe(
      'warning',
    );
  });
});
