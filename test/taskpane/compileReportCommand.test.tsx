/** @jest-environment jsdom */
import type { ActionOutcome } from '../../src/app/types';
import {
  runCompileReportCommand,
  type CompileReportCommandDeps,
} from '../../src/commands/compileReportCommand';
import { readNotice, renderNotice } from '../../src/commands/notice';
import { noticeUrl } from '../../src/commands/officeNotice';
import { COMMAND } from '../../src/i18n/ui';
import type { WorkbookPort } from '../../src/workbook/port';

const port: WorkbookPort = {
  read: jest.fn(async () => ({ sheets: [], contents: {} })),
  apply: jest.fn(async () => undefined),
};

function fakeDeps(overrides: Partial<CompileReportCommandDeps> = {}) {
  return {
    port,
    compileReport: jest.fn(async (): Promise<ActionOutcome> => ({
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
    const deps = fakeDeps();
    const event = { completed: jest.fn() };
    const outcome = await runCompileReportCommand(event, deps);
    expect(deps.compileReport).toHaveBeenCalledWith(port, { asOf: '2026-06-05' });
    expect(deps.notify).toHaveBeenCalledWith(outcome);
    expect(outcome).toEqual({ ok: true, message: 'Đã tổng hợp báo cáo.', sheet: 'Báo cáo', cell: 'A1' });
    expect(event.completed).toHaveBeenCalledTimes(1);
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
    expect(deps.notify).toHaveBeenCalledWith(failed);
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
    expect(deps.notify).toHaveBeenCalledWith(outcome);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
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
