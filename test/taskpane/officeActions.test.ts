/**
 * The pane's own Office.js calls (everything else goes through the workbook adapter, tested on its own):
 * registering and removing the change handlers, and selecting a cell. A small fake request context records
 * handlers and syncs.
 */
import {
  selectCellInExcel,
  subscribeToWorkbookChanges,
  type ExcelRunIn,
} from '../../src/taskpane/officeActions';
import type { ExcelRun } from '../../src/workbook/office/excelRun';

type Handler = (args: object) => Promise<void>;

class FakeEvent {
  handlers: Handler[] = [];
  constructor(readonly context: FakeContext) {}
  add(handler: Handler) {
    this.handlers.push(handler);
    return {
      context: this.context,
      remove: () => {
        this.context.queued.push(() => {
          this.handlers = this.handlers.filter((h) => h !== handler);
        });
      },
    };
  }
  async fire(args: object) {
    await Promise.all(this.handlers.map((h) => h(args)));
  }
}

class FakeContext {
  syncs = 0;
  /** What Excel does with onNameChanged below ExcelApi 1.17: the sync that registers it fails. */
  hasNameChanged = true;
  queued: (() => void)[] = [];
  activated: string[] = [];
  selected: string[] = [];
  sheetNames = ['Nhiệm vụ'];
  readonly worksheets = {
    onChanged: new FakeEvent(this),
    onAdded: new FakeEvent(this),
    onDeleted: new FakeEvent(this),
    nameChanged: new FakeEvent(this),
    get onNameChanged(): FakeEvent {
      const context = this.nameChanged.context;
      if (!context.hasNameChanged) context.failNextSync = 'ApiNotFound';
      return this.nameChanged;
    },
    getItemOrNullObject: (name: string) => ({
      isNullObject: !this.sheetNames.includes(name),
      activate: () => this.activated.push(name),
      getRange: (address: string) => ({ select: () => this.selected.push(`${name}!${address}`) }),
    }),
  };
  readonly workbook = { worksheets: this.worksheets };
  failNextSync: string | undefined;
  async sync() {
    this.syncs += 1;
    if (this.failNextSync) throw Object.assign(new Error(this.failNextSync), { code: this.failNextSync });
    this.queued.splice(0).forEach((f) => f());
  }
}

function fakeExcel() {
  const context = new FakeContext();
  // The fake stands in for Excel.RequestContext, of which it has only what the pane uses.
  const asExcel = context as unknown as Excel.RequestContext;
  const run: ExcelRun = (batch) => batch(asExcel);
  const runIn = jest.fn<ReturnType<ExcelRunIn>, Parameters<ExcelRunIn>>((ctx, batch) => {
    expect(ctx).toBe(context);
    return batch(asExcel);
  });
  return { context, run, runIn };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('subscribeToWorkbookChanges', () => {
  it('registers for cell changes and added or deleted sheets in one sync', async () => {
    const { context, run, runIn } = fakeExcel();
    const onChange = jest.fn();
    await subscribeToWorkbookChanges(onChange, run, runIn);
    expect(context.syncs).toBe(1);
    expect(context.worksheets.onChanged.handlers).toHaveLength(1);
    await context.worksheets.onChanged.fire({ triggerSource: 'Unknown', address: 'H5' });
    await context.worksheets.onAdded.fire({ worksheetId: '{1}' });
    await context.worksheets.onDeleted.fire({ worksheetId: '{2}' });
    // An older host says nothing about the trigger: the change counts.
    await context.worksheets.onChanged.fire({ address: 'H6' });
    expect(onChange).toHaveBeenCalledTimes(4);
  });

  it('ignores the add-in’s own writes, which the pane follows up itself', async () => {
    const { context, run, runIn } = fakeExcel();
    const onChange = jest.fn();
    await subscribeToWorkbookChanges(onChange, run, runIn);
    await context.worksheets.onChanged.fire({ triggerSource: 'ThisLocalAddin' });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes its handlers in the context that added them, once', async () => {
    const { context, run, runIn } = fakeExcel();
    const stop = await subscribeToWorkbookChanges(jest.fn(), run, runIn);
    stop();
    stop();
    await flush();
    expect(runIn).toHaveBeenCalledTimes(1);
    expect(context.syncs).toBe(2);
    expect(context.worksheets.onChanged.handlers).toHaveLength(0);
    expect(context.worksheets.onAdded.handlers).toHaveLength(0);
    expect(context.worksheets.onDeleted.handlers).toHaveLength(0);
  });

  it('swallows a failed removal (the pane is closing anyway)', async () => {
    const { run } = fakeExcel();
    const runIn: ExcelRunIn = async () => Promise.reject(new Error('InvalidObjectPath'));
    const stop = await subscribeToWorkbookChanges(jest.fn(), run, runIn);
    expect(() => stop()).not.toThrow();
    await flush();
  });
});

describe('subscribeToWorkbookChanges and sheet renames', () => {
  it('listens to renames (onNameChanged) where ExcelApi 1.17 exists', async () => {
    const { context, run, runIn } = fakeExcel();
    const onChange = jest.fn();
    const supported = jest.fn((_name: string, version: string) => version === '1.17');
    await subscribeToWorkbookChanges(onChange, run, runIn, supported);
    expect(supported).toHaveBeenCalledWith('ExcelApi', '1.17');
    expect(context.syncs).toBe(1);
    await context.worksheets.nameChanged.fire({ nameBefore: 'Nhiệm vụ', nameAfter: 'Nhiệm vụ cũ' });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('does not ask for onNameChanged on an older Excel, where its registration would fail', async () => {
    const { context, run, runIn } = fakeExcel();
    context.hasNameChanged = false;
    const onChange = jest.fn();
    await subscribeToWorkbookChanges(onChange, run, runIn, () => false);
    expect(context.worksheets.nameChanged.handlers).toHaveLength(0);
    expect(context.worksheets.onChanged.handlers).toHaveLength(1);
    // The fake holds what the guard prevents: registering anyway fails the sync.
    await expect(subscribeToWorkbookChanges(onChange, run, runIn, () => true)).rejects.toThrow('ApiNotFound');
  });
});

describe('selectCellInExcel', () => {
  it('activates the sheet and selects the cell', async () => {
    const { context, run } = fakeExcel();
    await selectCellInExcel('Nhiệm vụ', 'C12', run);
    expect(context.activated).toEqual(['Nhiệm vụ']);
    expect(context.selected).toEqual(['Nhiệm vụ!C12']);
    expect(context.syncs).toBe(2);
  });

  it('throws when the sheet is gone', async () => {
    const { context, run } = fakeExcel();
    await expect(selectCellInExcel('Báo cáo', 'A1', run)).rejects.toThrow('Worksheet not found');
    expect(context.selected).toEqual([]);
  });
});
