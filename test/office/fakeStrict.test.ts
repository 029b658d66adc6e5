/**
 * Where Excel is strict, the fake is too (issue 9, item 4): each behaviour below is documented by Microsoft
 * (docs/office-js.md names the page or issue) and the Office adapter's own tests run against it.
 */
import { createFakeExcel } from '../fake-excel';
import { wireRequest } from '../fake-excel/context';
import { rejection } from '../support/fakeOffice';

describe('fake Excel: strict where Excel is', () => {
  it('merge keeps only the value of the top-left cell, for each row with across', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [
      ['giữ', 'mất', 'mất'],
      ['giữ 2', 'mất', 'mất'],
    ]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1:C1').merge();
      ws.getRange('A2:C2').merge(true);
      await context.sync();
    });
    expect(excel.sheet('A').values('A1:C2')).toEqual([
      ['giữ', null, null],
      ['giữ 2', null, null],
    ]);
    expect(excel.sheet('A').merges()).toEqual(['A1:C1', 'A2:C2']);
  });

  it('refuses to read more than 5,000,000 cells with RangeExceedsLimit, whatever their size', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [['x']]);
    const error = await rejection(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('A').getRange('A1:E1000001');
        range.load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('RangeExceedsLimit');
  });

  it('refuses to delete a very hidden sheet (InvalidOperation), and deletes it once made visible', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Hiện');
    excel.addUserSheet('Ẩn sâu');
    excel.state.sheets[1].visibility = 'VeryHidden';
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ẩn sâu').delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidOperation');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Ẩn sâu');
      ws.visibility = 'Visible';
      ws.delete();
      await context.sync();
    });
    expect(excel.sheetNames()).toEqual(['Hiện']);
  });

  it('clears data validation only from the cells of the range, keeping the rule elsewhere', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1:C10').dataValidation.rule = {
        wholeNumber: { operator: 'Between', formula1: 1, formula2: 9 },
      };
      await context.sync();
      ws.getRange('B1:B10').dataValidation.clear();
      await context.sync();
    });
    expect(
      excel
        .sheet('A')
        .validations()
        .map((v) => v.range),
    ).toEqual(['A1:A10', 'C1:C10']);
  });

  it('autofitRows sizes a row by its unmerged cells only, and a row given a height is custom', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [
      ['ghi chú dài', null, null, null, null],
      ['dòng thường', null, null, null, null],
      ['ghi chú dài', null, null, null, 'bản sao'],
    ]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1:D1').merge();
      ws.getRange('A3:D3').merge();
      ws.getRange('E3').format.wrapText = true;
      ws.getRange('1:3').format.rowHeight = 60;
      ws.getRange('A1:E3').format.autofitRows();
      await context.sync();
    });
    const s = excel.sheet('A');
    // Merged text takes no part in the fit (office-js#1840): row 1 is fitted to nothing, one line …
    expect(s.rowFit(1)).toEqual([]);
    expect(s.rowHeight(1)).toBeUndefined(); // … and no longer the height it had
    expect(s.rowFit(2)).toEqual([{ cell: 'A2', wrap: false, width: 48 }]);
    // … and a row with an unmerged wrapped copy of its merged text is as tall as the copy.
    expect(s.rowFit(3)).toEqual([{ cell: 'E3', wrap: true, width: 48 }]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('A').getRange('2:2').format.rowHeight = 30;
      context.workbook.worksheets.getItem('A').getRange('3:3').format.useStandardHeight = true;
      await context.sync();
    });
    // A row given a height keeps it, whatever its text ("Wrap text does not adjust row height").
    expect(s.rowFit(2)).toBeNull();
    expect(s.rowHeight(2)).toBe(30);
    expect(s.rowFit(3)).toBeNull(); // the standard height: not a fit either
  });

  it('fills a formula written into one cell of an empty table column down the column (calculated column)', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [
      ['Số', 'Gấp đôi', 'Ghi chú'],
      [1, null, 'có'],
      [2, null, null],
      [3, null, null],
    ]);
    excel.addTable('A', 'Bang', 'A1:C4');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('B2').formulas = [['=A2*2']];
      ws.getRange('C3').formulas = [['=A3']]; // the column holds a value already: no fill
      await context.sync();
    });
    const s = excel.sheet('A');
    expect([s.formula('B2'), s.formula('B3'), s.formula('B4')]).toEqual(['=A2*2', '=A3*2', '=A4*2']);
    expect([s.value('C2'), s.formula('C3'), s.formula('C4')]).toEqual(['có', '=A3', null]);
  });

  it('fails a sync in cell-edit mode, or waits for the edit to end with delayForCellEdit', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    excel.enterCellEdit();
    const batch = async (context: Excel.RequestContext): Promise<void> => {
      context.workbook.worksheets.getItem('A').getRange('A1').values = [[1]];
      await context.sync();
    };
    expect((await rejection(excel.run(batch))).code).toBe('InvalidOperationInCellEditMode');

    const waiting = excel.run(batch, { delayForCellEdit: true });
    await new Promise((r) => setImmediate(r));
    expect(excel.waitingForEdit).toBe(1);
    expect(excel.sheet('A').value('A1')).toBeNull();
    excel.exitCellEdit();
    await waiting;
    expect(excel.sheet('A').value('A1')).toBe(1);

    excel.honourDelayForCellEdit(false); // an Excel that does not know the option
    excel.enterCellEdit();
    const error = await rejection(excel.run(batch, { delayForCellEdit: true }));
    expect(error.code).toBe('InvalidOperationInCellEditMode');
  });

  it('fails every sync with InactiveWorkbook while another workbook has the focus', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    excel.setInactive(true);
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
      }),
    );
    expect(error.code).toBe('InactiveWorkbook');
  });

  it('lets a test change the workbook between two syncs, as a user would', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    excel.beforeSync(1, () => excel.addUserSheet('Mới'));
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
        context.workbook.worksheets.add('Mới');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemAlreadyExists');
  });

  it('refuses to add, delete, rename, move or hide sheets of a workbook whose structure is protected', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [['x']]);
    excel.addUserSheet('B');
    excel.protectWorkbook();
    const attempts: ((ws: Excel.WorksheetCollection) => void)[] = [
      (ws) => void ws.add('C'),
      (ws) => ws.getItem('B').delete(),
      (ws) => void (ws.getItem('B').name = 'D'),
      (ws) => void (ws.getItem('B').position = 0),
      (ws) => void (ws.getItem('B').visibility = 'Hidden'),
    ];
    for (const attempt of attempts) {
      const error = await rejection(
        excel.run(async (context) => {
          attempt(context.workbook.worksheets);
          await context.sync();
        }),
      );
      expect(error.code).toBe('AccessDenied');
    }
    await excel.run(async (context) => {
      const protection = context.workbook.protection;
      protection.load('protected');
      context.workbook.worksheets.getItem('A').getRange('A1').values = [['vẫn ghi được ô']];
      await context.sync();
      expect(protection.protected).toBe(true);
    });
    expect(excel.sheet('A').value('A1')).toBe('vẫn ghi được ô');
  });

  it('does not apply a fit to pages until the Page Layout tab has been opened (office-js#1860); a scale applies', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    const set = (zoom: Excel.PageLayoutZoomOptions): Promise<void> =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').pageLayout.zoom = zoom;
        await context.sync();
      });
    await set({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(excel.sheet('A').pageLayout.zoom).toEqual({ scale: 100 });
    await set({ scale: 72 });
    expect(excel.sheet('A').pageLayout.zoom).toEqual({ scale: 72 });
    excel.openPageLayoutTab();
    await set({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(excel.sheet('A').pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect((await rejection(set({ scale: 5 }))).code).toBe('InvalidArgument');
  });

  it('reads the used range inside a range, a null object where it holds nothing', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet(
      'A',
      [
        [null, 'b'],
        [null, null],
        [null, 'c'],
      ],
      { origin: 'A2' },
    );
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      const inside = ws.getRange('A1:D3').getUsedRangeOrNullObject(true);
      const none = ws.getRange('F1:G9').getUsedRangeOrNullObject(true);
      inside.load('address,values');
      none.load('address');
      await context.sync();
      expect(inside.address).toBe('A!B2');
      expect(inside.values).toEqual([['b']]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it('measures each request in the shape Office.js sends: actions and the object paths they act on', () => {
    const body = wireRequest(
      [
        { kind: 'create', id: 2, method: 'getItem', parent: 1, args: ['A'] },
        { kind: 'set', id: 2, property: 'name', value: 'B' },
        { kind: 'load', id: 2, select: ['position'] },
      ],
      (id) =>
        id === 1 ? { type: 'global', name: '' } : { type: 'method', name: 'getItem', parent: 1, args: ['A'] },
    );
    expect(body).toEqual({
      Actions: [
        { Id: 1, ActionType: 1, ObjectPathId: 2, Name: '' },
        { Id: 2, ActionType: 4, ObjectPathId: 2, Name: 'Name', ArgumentInfo: { Arguments: ['B'] } },
        { Id: 3, ActionType: 2, ObjectPathId: 2, Name: '', QueryInfo: { Select: ['position'], Expand: [] } },
      ],
      ObjectPaths: {
        '1': { Id: 1, ObjectPathType: 1, Name: '' },
        '2': {
          Id: 2,
          ObjectPathType: 3,
          Name: 'GetItem',
          ParentObjectPathId: 1,
          ArgumentInfo: { Arguments: ['A'] },
        },
      },
    });
  });
  it('creates a workbook only from Base64 of an .xlsx (a zip), leaving the open one as it was', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [['giữ']]);
    const zip = Buffer.from('PK\u0003\u0004rest of the package').toString('base64');
    await excel.createWorkbook(zip);
    expect(Buffer.from(excel.createdWorkbooks[0]).toString('latin1')).toBe(
      'PK\u0003\u0004rest of the package',
    );
    for (const bad of ['not base64!', Buffer.from('plain text').toString('base64')]) {
      const error = await rejection(excel.createWorkbook(bad));
      expect(error.code).toBe('InvalidArgument');
    }
    expect(excel.createdWorkbooks).toHaveLength(1);
    expect(excel.sheetNames()).toEqual(['A']);
    expect(excel.sheet('A').values()).toEqual([['giữ']]);
  });
});
