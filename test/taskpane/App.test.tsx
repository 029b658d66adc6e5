/** @jest-environment jsdom */
import { emptyCounts } from '../../src/domain/rollup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CheckResult } from '../../src/domain/problems';
import { CONSOLIDATION_PANE } from '../../src/i18n/consolidation';
import { ACTION_NAME, OUTCOME, PANE } from '../../src/i18n/ui';
import { SETTING_LABEL } from '../../src/i18n/vi';
import { App, type PaneTab } from '../../src/taskpane/App';
import type { CheckView, PaneActions, RolloverView } from '../../src/taskpane/actions';
import { TextDecoder, TextEncoder } from 'node:util';
import { saveBytes } from '../../src/taskpane/download';
import { writeDemo } from '../../src/app/demo';
import type { ReportContent } from '../../src/domain/report';
import { buildReportDocument } from '../../src/domain/reportText';
import { DOCX } from '../../src/i18n/docx';
import { MemoryPort } from '../support/memoryPort';
import { expectedParagraphs, openDocx, paragraphsOf } from '../support/docxXml';
import {
  deferred,
  fakeActions,
  NO_TRACKER,
  readyView,
  sampleOverview,
  sampleTthc,
  type FakeActions,
} from './fakes';
import { settle } from '../support/pane';

jest.mock('../../src/taskpane/download', () => ({ saveBytes: jest.fn() }));

function renderPane(actions: PaneActions, initialTab?: PaneTab) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} initialTab={initialTab} />
    </FluentProvider>,
  );
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const panel = (name: string) => screen.getByRole('tabpanel', { name });

const problems: CheckResult = {
  errors: [
    {
      severity: 'error',
      code: 'doneWithoutDate',
      sheet: 'Nhiệm vụ',
      cell: 'I4',
      message: 'Chưa có Ngày hoàn thành.',
    },
  ],
  warnings: [
    {
      severity: 'warning',
      code: 'dateWithoutDone',
      sheet: 'Nhiệm vụ',
      cell: 'H5',
      message: 'Trạng thái chưa là "Hoàn thành".',
    },
  ],
};

describe('the overview', () => {
  it('shows a spinner while the tracker is read', async () => {
    const pending = deferred<ReturnType<typeof readyView>>();
    renderPane(fakeActions({ loadOverview: jest.fn(() => pending.promise) }));
    expect(screen.getByText(PANE.loadingOverview)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: PANE.title })).toBeTruthy();
    await act(async () => pending.resolve(readyView()));
    expect(screen.queryByText(PANE.loadingOverview)).toBeNull();
  });

  it('offers to create the tracker in an empty workbook, then shows it', async () => {
    const actions = fakeActions({
      loadOverview: jest
        .fn<ReturnType<PaneActions['loadOverview']>, []>()
        .mockResolvedValueOnce(NO_TRACKER)
        .mockResolvedValue(readyView()),
    });
    renderPane(actions);
    await settle();
    const overview = panel('Tổng quan');
    expect(within(overview).getByText(PANE.noTrackerTitle)).toBeTruthy();
    fireEvent.change(within(overview).getByLabelText('Năm theo dõi'), { target: { value: '2027' } });
    // Whose tracker it is comes from the user: with a name left blank, nothing is written and the field says so.
    await act(async () => fireEvent.click(within(overview).getByRole('button', { name: PANE.initButton })));
    expect(actions.initTracker).not.toHaveBeenCalled();
    expect(within(overview).getAllByText(PANE.initNameRequired)).toHaveLength(3);
    const names = { unitName: 'UBND xã Hội An', place: 'Hội An', signerName: 'Lê Văn Tám' };
    for (const [key, value] of Object.entries(names))
      fireEvent.change(
        within(overview).getByRole('textbox', { name: new RegExp(SETTING_LABEL[key as keyof typeof names]) }),
        {
          target: { value },
        },
      );
    await act(async () => fireEvent.click(within(overview).getByRole('button', { name: PANE.initButton })));
    expect(actions.initTracker).toHaveBeenCalledWith(2027, names);
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
    // The outcome shows at the top: the form it came from is gone now that the tracker exists.
    expect(screen.getByText('Đã tạo bảng theo dõi.')).toBeTruthy();
    expect(within(overview).queryByText(PANE.noTrackerTitle)).toBeNull();
    await act(async () => fireEvent.click(button('Mở trang "Nhiệm vụ"')));
    expect(actions.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'A1');
  });

  it('counts tasks by deadline state, shows progress, the next report and the late and soon-due tasks', async () => {
    renderPane(fakeActions());
    await settle();
    const counts = screen.getByRole('list', { name: PANE.countsLabel });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Quá hạn: 2',
      'Sắp đến hạn: 1',
      'Hoàn thành quá hạn: 2',
      'Hoàn thành đúng hạn: 10',
      'Trong hạn: 16',
      'Thường xuyên: 17',
    ]);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByText(PANE.progressHint(9, 13, '69%'))).toBeTruthy();
    expect(screen.getByText('Báo cáo 6 tháng đầu năm 2026 — hạn 05/06/2026, còn 3 ngày')).toBeTruthy();
    const late = screen.getByRole('region', { name: 'Quá hạn (2)' });
    const items = within(late).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Rà soát thủ tục hành chính (tháng 01/2026)Công chức Văn phòng – Thống kê · Hạn 05/02/2026 · trễ 117 ngày',
      'Rà soát thủ tục hành chính (tháng 02/2026)Công chức Văn phòng – Thống kê · Hạn 05/03/2026 · trễ 89 ngày',
    ]);
    const soon = screen.getByRole('region', { name: 'Sắp đến hạn (1)' });
    expect(within(soon).getByRole('button').textContent).toContain('Hạn 05/06/2026 · còn 3 ngày');
  });

  it('selects a task’s row when it is clicked; each task is a native button, so Enter and Space work', async () => {
    const actions = fakeActions();
    renderPane(actions);
    await settle();
    const item = within(screen.getByRole('region', { name: 'Quá hạn (2)' })).getAllByRole('button')[1];
    expect(item.tagName).toBe('BUTTON');
    expect(item.getAttribute('type')).toBe('button');
    expect(item.getAttribute('title')).toBe(PANE.goToTask(13));
    await act(async () => fireEvent.click(item));
    expect(actions.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'C13');
  });

  it('says so when a cell cannot be selected', async () => {
    const actions = fakeActions({
      selectCell: jest.fn(async () => Promise.reject(new Error('ItemNotFound'))),
    });
    renderPane(actions);
    await settle();
    await act(async () =>
      fireEvent.click(within(screen.getByRole('region', { name: 'Sắp đến hạn (1)' })).getByRole('button')),
    );
    expect(screen.getByText(PANE.selectFailed('Nhiệm vụ', 'C30'))).toBeTruthy();
  });

  it('shows a failed read as an error, in Vietnamese', async () => {
    renderPane(
      fakeActions({ loadOverview: jest.fn(async () => Promise.reject(new Error('RichApi.Error'))) }),
    );
    await settle();
    expect(screen.getByText(PANE.overviewFailedTitle)).toBeTruthy();
    expect(screen.getByText(PANE.unexpectedError('RichApi.Error'))).toBeTruthy();
  });

  it('shows what the application says when the tracker cannot be read', async () => {
    const message = 'Không ghi được vào sổ làm việc. Hãy lưu tệp, mở lại và thử lại.';
    renderPane(fakeActions({ loadOverview: jest.fn(async () => ({ ok: false, message })) }));
    await settle();
    expect(screen.getByText(message)).toBeTruthy();
  });

  it('lists the rows showing Lỗi dữ liệu, each a button to its row', async () => {
    const overview = {
      ...readyView().overview!,
      dataErrors: [
        {
          ...readyView().overview!.overdue[0],
          row: 40,
          task: 'Họp Ban điều hành (Quý II/2026)',
          state: 'dataError' as const,
        },
      ],
    };
    renderPane(fakeActions({ loadOverview: jest.fn(async () => readyView(overview)) }));
    await settle();
    const region = screen.getByRole('region', { name: PANE.dataErrorsHeading(1) });
    expect(within(region).getByRole('button').textContent).toContain('Họp Ban điều hành (Quý II/2026)');
  });

  it('tells a tracker without tasks to run the check', async () => {
    const overview = {
      ...readyView().overview!,
      counts: emptyCounts(),
      rate: null,
      rateOnTime: 0,
      rateDue: 0,
      overdue: [],
      dueSoon: [],
    };
    renderPane(fakeActions({ loadOverview: jest.fn(async () => readyView(overview)) }));
    await settle();
    expect(screen.getByText(PANE.noTasks)).toBeTruthy();
    expect(screen.getByText(PANE.noOverdue)).toBeTruthy();
    expect(screen.getByText(PANE.noDueSoon)).toBeTruthy();
  });

  describe('Hồ sơ TTHC', () => {
    it('shows the latest month’s and the period’s on-time rate and the late fields, each taking the user to its row', async () => {
      const actions = fakeActions({
        loadOverview: jest.fn(async () => readyView({ ...sampleOverview(), tthc: sampleTthc() })),
      });
      renderPane(actions);
      await settle();
      const section = screen.getByRole('region', { name: PANE.tthcHeading });
      expect(within(section).getByText('Tỷ lệ giải quyết đúng hạn tháng 5/2026')).toBeTruthy();
      expect(
        within(section).getByText(
          '39/40 hồ sơ đã giải quyết được giải quyết trước hạn hoặc đúng hạn (97,5%)',
        ),
      ).toBeTruthy();
      expect(
        within(section).getByText('Tỷ lệ giải quyết đúng hạn, báo cáo 6 tháng đầu năm 2026 (tháng 1–5)'),
      ).toBeTruthy();
      // 196/199 is 98,5%: one decimal, as the report writes it.
      expect(within(section).getByText(/\(98,5%\)$/)).toBeTruthy();
      const late = within(section).getByRole('region', { name: PANE.tthcLateHeading(1) });
      const item = within(late).getByRole('button', { name: /Đất đai · thường xuyên trễ hạn/ });
      expect(item.textContent).toContain(
        'giải quyết quá hạn 3 hồ sơ (tháng 3, 5) · đang giải quyết quá hạn 1 hồ sơ',
      );
      await act(async () => fireEvent.click(item));
      expect(actions.selectCell).toHaveBeenCalledWith('Hồ sơ TTHC', 'B52');
      const errors = within(section).getByRole('region', { name: PANE.tthcErrorsHeading(1) });
      await act(async () =>
        fireEvent.click(within(errors).getByRole('button', { name: /Dòng 30 · tháng 3 · Hộ tịch/ })),
      );
      expect(actions.selectCell).toHaveBeenCalledWith('Hồ sơ TTHC', 'B30');
    });

    it('names the fields the report leaves out of its figures, as the report does', async () => {
      const actions = fakeActions({
        loadOverview: jest.fn(async () =>
          readyView({ ...sampleOverview(), tthc: { ...sampleTthc(), leftOutFields: ['Hộ tịch'] } }),
        ),
      });
      renderPane(actions);
      await settle();
      const section = screen.getByRole('region', { name: PANE.tthcHeading });
      expect(within(section).getByText(PANE.tthcLeftOut(['Hộ tịch']))).toBeTruthy();
      expect(PANE.tthcLeftOut(['Hộ tịch'])).toContain('Chưa tính lĩnh vực Hộ tịch');
    });

    it('says when no figures were typed yet, and opens the sheet', async () => {
      const none = {
        ...sampleTthc(),
        latestMonth: null,
        latestRate: null,
        periodMonths: [],
        lateFields: [],
        dataErrorRows: [],
      };
      const actions = fakeActions({
        loadOverview: jest.fn(async () => readyView({ ...sampleOverview(), tthc: none })),
      });
      renderPane(actions);
      await settle();
      const section = screen.getByRole('region', { name: PANE.tthcHeading });
      expect(within(section).getByText(PANE.tthcNoFigures(2026))).toBeTruthy();
      expect(within(section).queryByRole('progressbar')).toBeNull();
      await act(async () =>
        fireEvent.click(within(section).getByRole('button', { name: PANE.tthcOpenSheet })),
      );
      expect(actions.selectCell).toHaveBeenCalledWith('Hồ sơ TTHC', 'B2');
    });

    it('offers to add the sheet to a tracker that has none', async () => {
      const actions = fakeActions();
      renderPane(actions);
      await settle();
      const section = screen.getByRole('region', { name: PANE.tthcHeading });
      expect(within(section).getByText(PANE.tthcMissing)).toBeTruthy();
      await act(async () => fireEvent.click(within(section).getByRole('button', { name: PANE.tthcAdd })));
      expect(actions.initTracker).toHaveBeenCalledTimes(1);
      expect(actions.loadOverview).toHaveBeenCalledTimes(2);
    });
  });
});

describe('change events', () => {
  let actions: FakeActions;

  beforeEach(() => {
    jest.useFakeTimers();
    actions = fakeActions();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  async function advance(ms: number): Promise<void> {
    await act(async () => {
      jest.advanceTimersByTime(ms);
    });
  }

  it('turn a burst of edits into one read, 800 ms after the last one', async () => {
    renderPane(actions);
    await settle();
    expect(actions.loadOverview).toHaveBeenCalledTimes(1);
    expect(actions.subscribeToChanges).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      actions.emitChange();
      await advance(100);
    }
    expect(actions.loadOverview).toHaveBeenCalledTimes(1);
    await advance(699);
    expect(actions.loadOverview).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
    await advance(5000);
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
  });

  it('still refresh during an endless stream of edits, at most every few seconds', async () => {
    renderPane(actions);
    await settle();
    for (let i = 0; i < 100; i++) {
      actions.emitChange();
      await advance(200);
    }
    // 20 s of edits every 200 ms: a read at least every 6.4 s (8 × 800 ms), never one per edit.
    const reads = actions.loadOverview.mock.calls.length - 1;
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(reads).toBeLessThanOrEqual(4);
  });

  it('never overlap reads: a change during a read queues exactly one more', async () => {
    const first = deferred<ReturnType<typeof readyView>>();
    const second = deferred<ReturnType<typeof readyView>>();
    actions.loadOverview
      .mockResolvedValueOnce(readyView())
      .mockReturnValueOnce(first.promise)
      .mockReturnValueOnce(second.promise)
      .mockResolvedValue(readyView());
    renderPane(actions);
    await settle();
    actions.emitChange();
    await advance(800);
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
    actions.emitChange();
    await advance(800);
    actions.emitChange();
    await advance(800);
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
    await act(async () => first.resolve(readyView()));
    expect(actions.loadOverview).toHaveBeenCalledTimes(3);
    await act(async () => second.resolve(readyView()));
    expect(actions.loadOverview).toHaveBeenCalledTimes(3);
  });

  it('wait while the pane’s own work runs, then read once', async () => {
    const check = deferred<CheckView>();
    actions.checkTracker.mockReturnValueOnce(check.promise);
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    actions.emitChange();
    actions.emitChange();
    await advance(2000);
    expect(actions.loadOverview).toHaveBeenCalledTimes(1);
    await act(async () =>
      check.resolve({ ok: true, message: 'Không có lỗi.', result: { errors: [], warnings: [] } }),
    );
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
  });

  it('mark an earlier check as stale', async () => {
    actions.checkTracker.mockResolvedValue({
      ok: false,
      message: 'Tìm thấy 1 lỗi và 1 cảnh báo.',
      result: problems,
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    expect(screen.queryByText(PANE.checkStale)).toBeNull();
    actions.emitChange();
    await advance(800);
    expect(screen.getByText(PANE.checkStale)).toBeTruthy();
  });

  it('stop when the pane goes away', async () => {
    const { unmount } = renderPane(actions);
    await settle();
    unmount();
    expect(actions.unsubscribe).toHaveBeenCalledTimes(1);
    actions.emitChange();
    await advance(1000);
    expect(actions.loadOverview).toHaveBeenCalledTimes(1);
  });

  it('are optional: without them the pane still works', async () => {
    actions.subscribeToChanges.mockRejectedValue(new Error('ExcelApi 1.9 missing'));
    renderPane(actions);
    await settle();
    expect(screen.getByText(PANE.progressHint(9, 13, '69%'))).toBeTruthy();
  });
});

describe('the actions', () => {
  it('runs one piece of work at a time, with a spinner, whatever is clicked', async () => {
    const pending = deferred<{ ok: boolean; message: string }>();
    const actions = fakeActions({ compileReport: jest.fn(() => pending.promise) });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => {
      fireEvent.click(button(PANE.reportButton));
      fireEvent.click(button(PANE.reportButton)); // a double click
    });
    expect(actions.compileReport).toHaveBeenCalledTimes(1);
    expect(screen.getByText(PANE.working.report)).toBeTruthy();
    for (const name of [PANE.initButton, PANE.checkButton, PANE.reportButton]) {
      expect((within(panel('Thao tác')).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(
        true,
      );
    }
    fireEvent.click(button(PANE.checkButton));
    expect(actions.checkTracker).not.toHaveBeenCalled();
    await act(async () => pending.resolve({ ok: true, message: 'Đã tổng hợp báo cáo.' }));
    expect(screen.queryByText(PANE.working.report)).toBeNull();
    expect((button(PANE.reportButton) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a report’s notes under its message, and a busy workbook as a warning', async () => {
    const actions = fakeActions({
      compileReport: jest
        .fn()
        .mockResolvedValueOnce({
          ok: true,
          message: 'Đã tổng hợp báo cáo.',
          sheet: 'Báo cáo 6 tháng 2026',
          notes: ['Ngày tính số liệu sau hôm nay.', 'Trang "Tổng hợp": không tô màu được.'],
        })
        .mockResolvedValueOnce({ ok: false, reason: 'busy', message: OUTCOME.busy(ACTION_NAME.report) }),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(screen.getByText(PANE.outcomeTitle.warning)).toBeTruthy();
    expect(screen.getByText('Ngày tính số liệu sau hôm nay.')).toBeTruthy();
    expect(screen.getByText('Trang "Tổng hợp": không tô màu được.')).toBeTruthy();
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(screen.getByText(OUTCOME.busy(ACTION_NAME.report))).toBeTruthy();
    expect(screen.getByText(PANE.outcomeTitle.warning)).toBeTruthy();
    expect(screen.queryByText(PANE.outcomeTitle.error)).toBeNull();
  });

  it('lists errors and warnings apart; a click selects the problem’s cell', async () => {
    const actions = fakeActions({
      checkTracker: jest.fn(async () => ({
        ok: false,
        message: 'Tìm thấy 1 lỗi và 1 cảnh báo.',
        result: problems,
      })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    expect(screen.getByText('Tìm thấy 1 lỗi và 1 cảnh báo.')).toBeTruthy();
    expect(screen.getByText(PANE.checkTitle.error)).toBeTruthy();
    const errors = screen.getByRole('region', { name: 'Lỗi (1)' });
    const warnings = screen.getByRole('region', { name: 'Cảnh báo (1)' });
    expect(within(errors).getByRole('button').textContent).toBe('Nhiệm vụ!I4Chưa có Ngày hoàn thành.');
    expect(within(warnings).getByRole('button').textContent).toBe(
      'Nhiệm vụ!H5Trạng thái chưa là "Hoàn thành".',
    );
    await act(async () => fireEvent.click(within(warnings).getByRole('button')));
    expect(actions.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'H5');
  });

  it('offers the certain fixes, lists them before writing, writes on confirmation and checks again', async () => {
    const fix = { value: 46101, numberFormat: 'dd/mm/yyyy', was: '20/3/2026', becomes: '20/03/2026' };
    const withFix = {
      errors: [
        {
          severity: 'error' as const,
          code: 'dateAsText',
          sheet: 'Nhiệm vụ',
          cell: 'I2',
          message: 'Ngày dạng chữ.',
          fix,
        },
      ],
      warnings: [],
    };
    const actions = fakeActions({
      checkTracker: jest
        .fn()
        .mockResolvedValueOnce({ ok: false, message: 'Tìm thấy 1 lỗi và 0 cảnh báo.', result: withFix })
        .mockResolvedValueOnce({ ok: true, message: 'Không có lỗi.', result: { errors: [], warnings: [] } }),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    await act(async () => fireEvent.click(button(PANE.fixButton(1))));
    // Nothing is written until the list is confirmed.
    expect(actions.fixCells).not.toHaveBeenCalled();
    expect(screen.getByText(PANE.fixItem('I2', '20/3/2026', '20/03/2026'))).toBeTruthy();
    await act(async () => fireEvent.click(button(PANE.fixConfirm)));
    await settle();
    expect(actions.fixCells).toHaveBeenCalledWith([{ sheet: 'Nhiệm vụ', cell: 'I2', fix }]);
    expect(actions.checkTracker).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Đã sửa 1 ô ở trang "Nhiệm vụ".')).toBeTruthy();
    expect(screen.queryByText(PANE.fixButton(1))).toBeNull();
  });

  it('names the sheet of a fix outside Nhiệm vụ (a count stored as text on Hồ sơ TTHC)', async () => {
    const fix = { value: 12, numberFormat: '0', was: '12', becomes: '12' };
    const actions = fakeActions({
      checkTracker: jest.fn(async () => ({
        ok: false,
        message: 'Tìm thấy 1 lỗi và 0 cảnh báo.',
        result: {
          errors: [
            {
              severity: 'error' as const,
              code: 'tthcCountAsText',
              sheet: 'Hồ sơ TTHC',
              cell: 'D5',
              message: 'Số dạng chữ.',
              fix,
            },
          ],
          warnings: [],
        },
      })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    await act(async () => fireEvent.click(button(PANE.fixButton(1))));
    expect(screen.getByText(PANE.fixItem('Hồ sơ TTHC!D5', '12', '12'))).toBeTruthy();
  });

  it('writes nothing when the fix list is cancelled', async () => {
    const fix = { value: 'Hoàn thành', was: 'Hoàn thành\u00a0', becomes: 'Hoàn thành' };
    const actions = fakeActions({
      checkTracker: jest.fn(async () => ({
        ok: false,
        message: 'Tìm thấy 1 lỗi.',
        result: {
          errors: [
            {
              severity: 'error' as const,
              code: 'unknownStatus',
              sheet: 'Nhiệm vụ',
              cell: 'H3',
              message: 'x',
              fix,
            },
          ],
          warnings: [],
        },
      })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    await act(async () => fireEvent.click(button(PANE.fixButton(1))));
    expect(screen.getByText('H3: «Hoàn thành⍽» → Hoàn thành')).toBeTruthy();
    await act(async () => fireEvent.click(button(PANE.fixCancel)));
    expect(actions.fixCells).not.toHaveBeenCalled();
  });

  it('says so when a check finds nothing', async () => {
    const actions = fakeActions({
      checkTracker: jest.fn(async () => ({
        ok: true,
        message: 'Đã kiểm tra 48 dòng.',
        result: { errors: [], warnings: [] },
      })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    expect(screen.getByText(PANE.noProblems)).toBeTruthy();
    expect(screen.getByText(PANE.checkTitle.success)).toBeTruthy();
  });

  it('compiles the chosen period as of the chosen day, and offers to open the report', async () => {
    const actions = fakeActions();
    renderPane(actions, 'actions');
    await settle();
    const period = screen.getByLabelText(PANE.periodLabel) as HTMLSelectElement;
    expect(period.value).toBe('2026-Q2');
    expect(period.selectedOptions[0].textContent).toBe('Quý II/2026');
    expect(Array.from(period.options).map((o) => o.textContent)).toContain('Quý IV/2025');
    const reportSection = screen.getByRole('region', { name: PANE.reportHeading });
    expect(within(reportSection).getByText('Báo cáo 6 tháng đầu năm 2026, hạn nộp 05/06/2026')).toBeTruthy();
    const asOf = screen.getByLabelText(PANE.asOfLabel) as HTMLInputElement;
    expect(asOf.value).toBe('02/06/2026');

    fireEvent.change(asOf, { target: { value: '31/02/2026' } });
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(screen.getByText(PANE.asOfInvalid)).toBeTruthy();
    expect(actions.compileReport).not.toHaveBeenCalled();

    fireEvent.change(period, { target: { value: '2026-Q1' } });
    fireEvent.change(asOf, { target: { value: '5/4/2026' } });
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(actions.compileReport).toHaveBeenCalledWith({
      period: { year: 2026, quarter: 1 },
      asOf: '2026-04-05',
    });
    expect(screen.getByText('Đã tổng hợp báo cáo.')).toBeTruthy();
    await act(async () => fireEvent.click(button('Mở trang "Báo cáo 6 tháng 2026"')));
    expect(actions.selectCell).toHaveBeenCalledWith('Báo cáo 6 tháng 2026', 'A1');
  });

  it('shows an error with its sheet and cell, and goes there', async () => {
    const message = 'Không đọc được bảng theo dõi: Thiếu cột "Tình trạng hạn".';
    const actions = fakeActions({
      compileReport: jest.fn(async () => ({ ok: false, message, sheet: 'Nhiệm vụ', cell: 'A1' })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByText(PANE.outcomeTitle.error)).toBeTruthy();
    expect(screen.getByText(PANE.location('Nhiệm vụ', 'A1'))).toBeTruthy();
    await act(async () => fireEvent.click(button(PANE.goToProblem('A1'))));
    expect(actions.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'A1');
    fireEvent.click(button(PANE.dismiss));
    expect(screen.queryByText(message)).toBeNull();
  });

  it('refuses politely to create a second tracker, next to the button', async () => {
    const message =
      'Bảng theo dõi đã có sẵn ở trang "Nhiệm vụ". Không khởi tạo lại để không làm mất dữ liệu đã nhập.';
    const actions = fakeActions({
      initTracker: jest.fn(async () => ({ ok: false, message, sheet: 'Nhiệm vụ' })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () =>
      fireEvent.click(within(panel('Thao tác')).getByRole('button', { name: PANE.initButton })),
    );
    const section = screen.getByRole('region', { name: PANE.initHeading });
    expect(within(section).getByText(message)).toBeTruthy();
    expect(actions.loadOverview).toHaveBeenCalledTimes(1);
  });

  it('builds next year’s workbook: says what it carried, lists the rows, offers the file', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const pending = deferred<RolloverView>();
    const actions = fakeActions({ rolloverTracker: jest.fn(() => pending.promise) });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.rolloverButton)));
    const section = screen.getByRole('region', { name: PANE.rolloverHeading });
    expect(within(section).getByText(PANE.working.rollover)).toBeTruthy();
    expect((button(PANE.checkButton) as HTMLButtonElement).disabled).toBe(true);
    await act(async () =>
      pending.resolve({
        ok: true,
        message: 'Đã tạo bảng theo dõi năm 2027.',
        notes: ['1 dòng có lỗi dữ liệu được chuyển nguyên trạng.'],
        from: 2026,
        to: 2027,
        carried: [
          {
            row: 40,
            newRow: 50,
            task: 'Khảo sát, lắp đặt hệ thống camera',
            deadline: '2026-06-30',
            state: 'overdue',
            dataError: false,
          },
        ],
        file: { bytes, name: 'ke-hoach-cchc-2027.xlsx' },
        opened: false,
      }),
    );
    expect(within(section).getByText('Đã tạo bảng theo dõi năm 2027.')).toBeTruthy();
    expect(within(section).getByText('1 dòng có lỗi dữ liệu được chuyển nguyên trạng.')).toBeTruthy();
    const carried = within(section).getByRole('region', { name: PANE.carriedHeading(1, 2026) });
    expect(within(carried).getByText('Khảo sát, lắp đặt hệ thống camera')).toBeTruthy();
    expect(
      within(carried).getByText(`${PANE.carriedRow(40, 50)} · ${PANE.taskDeadline('30/06/2026')} · Quá hạn`),
    ).toBeTruthy();
    await act(async () => fireEvent.click(within(carried).getByRole('button')));
    expect(actions.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'A40');
    fireEvent.click(
      within(section).getByRole('button', { name: PANE.rolloverDownloadButton('ke-hoach-cchc-2027.xlsx') }),
    );
    expect(saveBytes).toHaveBeenCalledWith(bytes, 'ke-hoach-cchc-2027.xlsx');
  });

  it('shows a refused rollover as an error, with no file', async () => {
    const message = 'Không chuyển được sang năm mới: Thiếu cột "Trạng thái".';
    const actions = fakeActions({
      rolloverTracker: jest.fn(async () => ({ ok: false, message, sheet: 'Nhiệm vụ', cell: 'A1' })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.rolloverButton)));
    const section = screen.getByRole('region', { name: PANE.rolloverHeading });
    expect(within(section).getByText(message)).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /Tải tệp/ })).toBeNull();
  });

  it('lists what this Excel could not write as designed', async () => {
    const actions = fakeActions({
      compileReport: jest.fn(async () => ({
        ok: true,
        message: 'Đã tổng hợp.',
        sheet: 'Tổng hợp',
        notes: ['Trang "Tổng hợp": chưa hỗ trợ thiết lập trang in.'],
      })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(screen.getByText(PANE.outcomeTitle.warning)).toBeTruthy();
    expect(screen.getByText('Trang "Tổng hợp": chưa hỗ trợ thiết lập trang in.')).toBeTruthy();
  });

  it('turns an action that throws into a Vietnamese message', async () => {
    const actions = fakeActions({
      checkTracker: jest.fn(async () => Promise.reject(new Error('RichApi.Error'))),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.checkButton)));
    expect(screen.getByText(PANE.unexpectedError('RichApi.Error'))).toBeTruthy();
    expect((button(PANE.checkButton) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the settings form', () => {
  it('reads Cài đặt when the tab is first shown', async () => {
    const actions = fakeActions();
    renderPane(actions);
    await settle();
    expect(actions.loadSettings).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('tab', { name: PANE.tabs.settings })));
    expect(actions.loadSettings).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText(/Tên đơn vị/) as HTMLInputElement).value).toBe('UBND xã Long Điền A');
    expect((screen.getByLabelText(/Nơi nhận khác/) as HTMLTextAreaElement).value).toBe(
      'BĐH, TGV BĐH CCHC xã',
    );
  });

  it('validates field by field before saving, then saves and refreshes the overview', async () => {
    const actions = fakeActions();
    renderPane(actions, 'settings');
    await settle();
    const settings = within(panel('Cài đặt'));
    fireEvent.change(settings.getByLabelText(/Năm theo dõi/), { target: { value: '20x6' } });
    fireEvent.change(settings.getByLabelText(/Họ tên người ký/), { target: { value: '  ' } });
    await act(async () => fireEvent.click(button(PANE.saveSettings)));
    expect(actions.saveSettings).not.toHaveBeenCalled();
    expect(screen.getByText('Năm phải là số từ 1990 đến 2100.')).toBeTruthy();
    expect(screen.getByText('Không được để trống.')).toBeTruthy();

    fireEvent.change(settings.getByLabelText(/Năm theo dõi/), { target: { value: '2026' } });
    fireEvent.change(settings.getByLabelText(/Họ tên người ký/), { target: { value: 'Nguyễn Văn A' } });
    fireEvent.change(settings.getByLabelText(/Số ngày cảnh báo/), { target: { value: '10' } });
    fireEvent.change(settings.getByLabelText(/Nơi nhận khác/), {
      target: { value: 'BĐH CCHC xã\nTGV BĐH CCHC xã\n' },
    });
    fireEvent.change(settings.getByLabelText(/Cách tính kỳ báo cáo/), { target: { value: 'decree09' } });
    await act(async () => fireEvent.click(button(PANE.saveSettings)));
    expect(actions.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({
        year: 2026,
        warningDays: 10,
        signerName: 'Nguyễn Văn A',
        otherRecipients: ['BĐH CCHC xã', 'TGV BĐH CCHC xã'],
        periodMode: 'decree09',
      }),
    );
    expect(screen.getByText('Đã lưu cài đặt vào trang "Cài đặt".')).toBeTruthy();
    expect(actions.loadOverview).toHaveBeenCalledTimes(2);
    await act(async () => fireEvent.click(button('Mở trang "Cài đặt"')));
    expect(actions.selectCell).toHaveBeenCalledWith('Cài đặt', 'A1');
  });

  it('says what to do when there is no Cài đặt sheet yet', async () => {
    const message = 'Chưa có trang "Cài đặt". Hãy bấm "Khởi tạo bảng theo dõi" trước.';
    renderPane(fakeActions({ loadSettings: jest.fn(async () => ({ ok: false, message })) }), 'settings');
    await settle();
    await waitFor(() => expect(screen.getByText(message)).toBeTruthy());
  });
});

describe('"Tổng hợp nhiều xã"', () => {
  const file = (name: string): File => new File([new Uint8Array([80, 75])], name, { lastModified: 0 });

  it('takes the files picked, shows what became of each as it goes, then the outcome with the sheet to open', async () => {
    const progress = deferred<void>();
    const actions = fakeActions({
      consolidate: jest.fn(async (_request, onFile) => {
        onFile({ index: 1, total: 2, file: 'xa-a.xlsx', unit: 'UBND xã Long Điền A' });
        await progress.promise;
        onFile({ index: 2, total: 2, file: 'hong.xlsx', reason: 'Không đọc được tệp.' });
        return {
          ok: true,
          message: 'Đã tổng hợp 1 xã vào trang "Tổng hợp các xã".',
          sheet: 'Tổng hợp các xã',
          cell: 'A1',
        };
      }),
    });
    renderPane(actions, 'actions');
    await settle();
    const section = screen.getByRole('region', { name: PANE.consolidateHeading });
    const go = within(section).getByRole('button', { name: CONSOLIDATION_PANE.button }) as HTMLButtonElement;
    expect(go.disabled).toBe(true); // nothing picked yet
    expect(within(section).getByText(CONSOLIDATION_PANE.picked(0))).toBeTruthy();
    const input = within(section).getByTestId('consolidate-files') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    fireEvent.change(input, { target: { files: [file('xa-a.xlsx'), file('hong.xlsx')] } });
    expect(within(section).getByText(CONSOLIDATION_PANE.picked(2))).toBeTruthy();
    fireEvent.change(within(section).getByLabelText(CONSOLIDATION_PANE.periodLabel), {
      target: { value: '2026-Q1' },
    });
    fireEvent.change(within(section).getByLabelText(CONSOLIDATION_PANE.asOfLabel), {
      target: { value: '5/4/2026' },
    });
    await act(async () => fireEvent.click(go));
    const request = actions.consolidate.mock.calls[0][0];
    expect(request.period).toEqual({ year: 2026, quarter: 1 });
    expect(request.asOf).toBe('2026-04-05');
    expect(request.files.map((f) => f.name)).toEqual(['xa-a.xlsx', 'hong.xlsx']);
    // While it runs: the first file's fate, one of two read, the other actions waiting.
    expect(within(section).getByText(CONSOLIDATION_PANE.progressLabel(1, 2))).toBeTruthy();
    expect(within(section).getByText(CONSOLIDATION_PANE.used('UBND xã Long Điền A'))).toBeTruthy();
    expect((button(PANE.reportButton) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => progress.resolve());
    expect(within(section).getByText(CONSOLIDATION_PANE.progressLabel(2, 2))).toBeTruthy();
    expect(within(section).getByText(CONSOLIDATION_PANE.notUsed('Không đọc được tệp.'))).toBeTruthy();
    expect(screen.getByText('Đã tổng hợp 1 xã vào trang "Tổng hợp các xã".')).toBeTruthy();
    await act(async () => fireEvent.click(button('Mở trang "Tổng hợp các xã"')));
    expect(actions.selectCell).toHaveBeenCalledWith('Tổng hợp các xã', 'A1');
  });
});

describe('"Tải báo cáo Word (.docx)"', () => {
  let content: ReportContent;
  beforeAll(async () => {
    // Every browser has TextEncoder (the docx package writes its XML with it); jsdom does not.
    Object.assign(globalThis, { TextEncoder, TextDecoder });
    const demo = await writeDemo(new MemoryPort(), { now: new Date('2026-11-29T03:00:00Z') });
    content = demo.content!;
  });

  it('is offered once the report is made, and downloads that report as a Word document', async () => {
    const actions = fakeActions({
      compileReport: jest.fn(async () => ({
        ok: true,
        message: 'Đã tổng hợp báo cáo.',
        sheet: 'Báo cáo 9 tháng 2026',
        cell: 'A1',
        content,
      })),
    });
    renderPane(actions, 'actions');
    await settle();
    expect(screen.queryByRole('button', { name: DOCX.downloadButton })).toBeNull();
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    (saveBytes as jest.Mock).mockClear();
    const download = await screen.findByRole('button', { name: DOCX.downloadButton });
    await act(async () => fireEvent.click(download));
    // The renderer loads on the press (a dynamic import), then writes the document.
    await waitFor(() => expect(saveBytes).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    const [bytes, name, type] = (saveBytes as jest.Mock).mock.calls[0] as [Uint8Array, string, string];
    expect(name).toBe('bao-cao-cchc-xa-long-dien-a-9-thang-nam-2026.docx');
    expect(type).toBe(DOCX.mimeType);
    // A .docx package (a ZIP) whose document is this report's.
    const pkg = await openDocx(bytes);
    const text = paragraphsOf(await pkg.part('word/document.xml'))
      .map((p) => p.text)
      .filter((t) => t !== '');
    expect(text).toEqual(expectedParagraphs(buildReportDocument(content)));
    expect(screen.getByText(DOCX.downloaded(name))).toBeTruthy();
  });

  it('is not offered after a report that failed', async () => {
    const actions = fakeActions({
      compileReport: jest.fn(async () => ({ ok: false, message: 'Không đọc được bảng theo dõi.' })),
    });
    renderPane(actions, 'actions');
    await settle();
    await act(async () => fireEvent.click(button(PANE.reportButton)));
    expect(screen.queryByRole('button', { name: DOCX.downloadButton })).toBeNull();
  });
});
