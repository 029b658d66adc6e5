/** @jest-environment jsdom */
import type { ActionOutcome } from '../../src/app/types';
import { memoryLock } from '../../src/commands/actionLock';
import {
  COMMAND_BUDGET_MS,
  COMMAND_LIFETIME_MS,
  NOTICE_RESERVE_MS,
  runCompileReportCommand,
  type CompileReportCommandDeps,
} from '../../src/commands/compileReportCommand';
import { readNotice, renderNotice } from '../../src/commands/notice';
import { clip, noticeUrl, showNoticeDialog } from '../../src/commands/officeNotice';
import { ACTION_NAME, COMMAND, OUTCOME } from '../../src/i18n/ui';
import { REPORT } from '../../src/i18n/vi';
import type { WorkbookPort } from '../../src/workbook/port';

const port: WorkbookPort = {
  read: jest.fn(async () => ({ sheets: [], contents: {} })),
  apply: jest.fn(async () => undefined),
};

function fakeDeps(overrides: Partial<CompileReportCommandDeps> = {}) {
  return {
    port,
    compileReport: jest.fn(async (): Promise<ActionOutcome & { dataErrorRows?: number }> => ({
      ok: true,
      message: 'Đã tổng hợp báo cáo.',
      sheet: 'Báo cáo',
      cell: 'A1',
    })),
    notify: jest.fn(async () => undefined),
    today: () => '2026-06-05',
    ...overrides,
  };
}

describe('runCompileReportCommand', () => {
  it('runs the report as of today, notifies the outcome and completes the event', async () => {
    const deps = fakeDeps({ now: () => 1_000_000 });
    const event = { completed: jest.fn() };
    const outcome = await runCompileReportCommand(event, deps);
    expect(deps.compileReport).toHaveBeenCalledWith(port, { asOf: '2026-06-05' });
    expect(deps.notify).toHaveBeenCalledWith(outcome, 1_000_000 + COMMAND_BUDGET_MS);
    expect(outcome).toEqual({ ok: true, message: 'Đã tổng hợp báo cáo.', sheet: 'Báo cáo', cell: 'A1' });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('tells the user on success, too: the report’s own words (its sheet, period and rows with data errors), and every warning once', async () => {
    const warned: WorkbookPort = { ...port, lastWarnings: ['Trang "Tổng hợp": không tô màu được.'] };
    const deps = fakeDeps({
      port: warned,
      compileReport: jest.fn(async () => ({
        ok: true,
        message: REPORT.written('Báo cáo 6 tháng 2026', '6 tháng đầu năm 2026', 3),
        sheet: 'Báo cáo 6 tháng 2026',
        cell: 'A1',
        dataErrorRows: 3,
        warnings: ['Ngày tính số liệu sau hôm nay.', 'Trang "Tổng hợp": không tô màu được.'],
      })),
    });
    const notice = await runCompileReportCommand({ completed: jest.fn() }, deps);
    expect(notice.ok).toBe(true);
    expect(notice.message.split('\n')).toEqual([
      REPORT.written('Báo cáo 6 tháng 2026', '6 tháng đầu năm 2026', 3),
      '• Ngày tính số liệu sau hôm nay.',
      '• Trang "Tổng hợp": không tô màu được.',
    ]);
    expect(notice.message).toContain('"Báo cáo 6 tháng 2026"');
    expect(notice.message).toContain('6 tháng đầu năm 2026');
    expect(notice.message).toContain('3 dòng');
    expect(deps.notify).toHaveBeenCalledWith(notice, expect.any(Number));
  });

  it('completes the event only after the user has seen the notice', async () => {
    let closeNotice!: () => void;
    const deps = fakeDeps({ notify: jest.fn(() => new Promise<void>((resolve) => (closeNotice = resolve))) });
    const event = { completed: jest.fn() };
    const running = runCompileReportCommand(event, deps);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(event.completed).not.toHaveBeenCalled();
    closeNotice();
    await running;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('shows a failed outcome as it is and still completes', async () => {
    const failed = { ok: false, message: 'Trang "Nhiệm vụ" đang được khóa (bảo vệ trang tính).' };
    const deps = fakeDeps({ compileReport: jest.fn(async () => failed) });
    const event = { completed: jest.fn() };
    await expect(runCompileReportCommand(event, deps)).resolves.toEqual(failed);
    expect(deps.notify).toHaveBeenCalledWith(failed, expect.any(Number));
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('turns a thrown error into a Vietnamese message, and completes even if notifying fails too', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const deps = fakeDeps({
      compileReport: jest.fn(async () => Promise.reject(new Error('GeneralException'))),
      notify: jest.fn(async () => Promise.reject(new Error('dialog blocked'))),
    });
    const event = { completed: jest.fn() };
    const outcome = await runCompileReportCommand(event, deps);
    expect(outcome).toEqual({ ok: false, message: COMMAND.unexpectedError('') });
    // The technical detail goes to the developer tools, not to the user.
    expect(outcome.message).toMatch(/^Đã xảy ra lỗi không mong muốn khi tổng hợp báo cáo\./);
    expect(outcome.message).not.toContain('GeneralException');
    expect(deps.notify).toHaveBeenCalledWith(outcome, expect.any(Number));
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('says the report is still waiting, and completes, before Office’s five minutes are up', async () => {
    jest.useFakeTimers();
    try {
      const start = Date.now();
      const deps = fakeDeps({
        compileReport: jest.fn(() => new Promise<ActionOutcome>(() => undefined)), // Excel never answers
        now: () => Date.now(),
      });
      const event = { completed: jest.fn() };
      const running = runCompileReportCommand(event, deps);
      await jest.advanceTimersByTimeAsync(COMMAND_BUDGET_MS - NOTICE_RESERVE_MS - 1);
      expect(deps.notify).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      const notice = await running;
      expect(notice).toEqual({ ok: false, message: COMMAND.stillWaiting });
      expect(deps.notify).toHaveBeenCalledWith(notice, start + COMMAND_BUDGET_MS);
      expect(event.completed).toHaveBeenCalledTimes(1);
      expect(Date.now() - start).toBeLessThan(COMMAND_LIFETIME_MS);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not start while another action of the add-in holds the workbook, and says which', async () => {
    const lock = memoryLock();
    let finish!: () => void;
    const pane = lock.run('settings', () => new Promise<void>((resolve) => (finish = resolve)));
    const deps = fakeDeps({ lock });
    const notice = await runCompileReportCommand({ completed: jest.fn() }, deps);
    expect(notice).toEqual({ ok: false, reason: 'busy', message: OUTCOME.busy(ACTION_NAME.settings) });
    expect(deps.compileReport).not.toHaveBeenCalled();
    finish();
    await pane;
    await runCompileReportCommand({ completed: jest.fn() }, deps);
    expect(deps.compileReport).toHaveBeenCalledTimes(1);
  });
});

describe('the notice dialog in Excel', () => {
  type Handler = () => void;
  function fakeOffice(open: boolean) {
    const dialog = { close: jest.fn(), handlers: new Map<string, Handler>() };
    const displayDialogAsync = jest.fn(
      (
        _url: string,
        _opts: object,
        callback: (r: { status: string; value?: unknown; error?: unknown }) => void,
      ) =>
        callback(
          open
            ? {
                status: 'succeeded',
                value: {
                  close: dialog.close,
                  addEventHandler: (t: string, h: Handler) => dialog.handlers.set(t, h),
                },
              }
            : { status: 'failed', error: { code: 12007 } },
        ),
    );
    (globalThis as { Office?: unknown }).Office = {
      context: { ui: { displayDialogAsync } },
      AsyncResultStatus: { Failed: 'failed', Succeeded: 'succeeded' },
      EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    };
    return { dialog, displayDialogAsync };
  }
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.useRealTimers();
  });

  it('closes itself when the time left before the command’s deadline runs out', async () => {
    jest.useFakeTimers();
    const { dialog } = fakeOffice(true);
    let closed = false;
    void showNoticeDialog('success', 'Xong', 90_000).then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(89_999);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
    expect(dialog.close).toHaveBeenCalled();
  });

  it('resolves when the user closes it, and at once when there is no time left or it cannot open', async () => {
    const { dialog } = fakeOffice(true);
    const shown = showNoticeDialog('error', 'Lỗi', 60_000);
    dialog.handlers.get('message')?.();
    await shown;
    expect(dialog.close).toHaveBeenCalledTimes(1);
    const none = fakeOffice(true);
    await showNoticeDialog('error', 'Lỗi', 0);
    expect(none.displayDialogAsync).not.toHaveBeenCalled();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fakeOffice(false);
    await showNoticeDialog('error', 'Lỗi', 60_000);
    error.mockRestore();
  });

  it('keeps a long notice under the URL budget, cut at a line end', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `• Ghi chú số ${i} về trang tính.`);
    const text = clip(lines.join('\n'));
    expect(text.length).toBeLessThanOrEqual(1500);
    expect(text.endsWith('trang tính.…')).toBe(true);
  });
});

describe('the notice dialog', () => {
  it('carries its message through the query string, Vietnamese intact', () => {
    const message = 'Không tìm thấy trang "Nhiệm vụ". Hãy bấm "Khởi tạo bảng theo dõi" & thử lại?';
    const url = noticeUrl('https://localhost:3000/commands.html?_host_Info=Excel', 'error', message);
    expect(url.startsWith('https://localhost:3000/notice.html?')).toBe(true);
    expect(readNotice(new URL(url).search)).toEqual({
      kind: 'error',
      title: COMMAND.noticeTitle.error,
      message,
    });
  });

  it('reads anything unexpected as an error with a placeholder message', () => {
    expect(readNotice('?kind=<script>')).toEqual({
      kind: 'error',
      title: COMMAND.noticeTitle.error,
      message: COMMAND.noMessage,
    });
    expect(readNotice('?kind=success&message=Xong').kind).toBe('success');
  });

  it('renders the message as text, and closes through its button', () => {
    document.body.innerHTML = '<h1 id="title"></h1><p id="message"></p><button id="close"></button>';
    const onClose = jest.fn();
    renderNotice(
      document,
      { kind: 'error', title: COMMAND.noticeTitle.error, message: '<b>Lỗi</b>' },
      onClose,
    );
    expect(document.title).toBe(COMMAND.noticeTitle.error);
    expect(document.getElementById('message')?.textContent).toBe('<b>Lỗi</b>');
    expect(document.querySelector('b')).toBeNull();
    const close = document.getElementById('close') as HTMLButtonElement;
    expect(close.textContent).toBe('Đóng');
    close.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
