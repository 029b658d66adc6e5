/** The fake Excel API behaves like Excel where the adapter's correctness depends on it. */
import { createFakeExcel } from '../fake-excel';
import { rejection } from '../support/fakeOffice';

describe('fake Excel: proxies and sync', () => {
  it('throws PropertyNotLoaded when a property is read before load() and sync()', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Dữ liệu', [['a']]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Dữ liệu');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      ws.load('name');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(ws.name).toBe('Dữ liệu');
      expect(() => ws.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('loads nested paths through collections and navigation properties', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    excel.addUserSheet('B');
    excel.protect('B');
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name,items/protection/protected');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([
        ['A', false],
        ['B', true],
      ]);
    });
  });

  it('resolves getItem at sync: a missing sheet fails with ItemNotFound then, not when queued', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    const error = await rejection(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Không có');
        ws.getRange('A1').values = [[1]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  it('gives null objects for getItemOrNullObject, readable after sync', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      const present = context.workbook.worksheets.getItemOrNullObject('a');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('rejects arrays whose shape does not match the range (InvalidArgument at sync)', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    for (const [property, value] of [
      ['values', [[1, 2]]],
      ['formulas', [['=1'], ['=2'], ['=3']]],
      ['numberFormat', [['@', '@']]],
    ] as const) {
      const error = await rejection(
        excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem('A').getRange('A1:B2');
          (range as unknown as Record<string, unknown>)[property] = value;
          await context.sync();
        }),
      );
      expect(error.code).toBe('InvalidArgument');
    }
    expect(excel.sheet('A').usedRange()).toBeNull();
  });

  it('refuses writes to a protected sheet with AccessDenied at sync, and stops the batch there', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Khóa', [['cũ']]);
    excel.addUserSheet('Mở');
    excel.protect('Khóa');
    const error = await rejection(
      excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem('Mở').getRange('A1').values = [['trước']];
        sheets.getItem('Khóa').getRange('A1').values = [['mới']];
        sheets.getItem('Mở').getRange('A2').values = [['sau']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(excel.sheet('Khóa').value('A1')).toBe('cũ');
    expect(excel.sheet('Mở').value('A1')).toBe('trước');
    expect(excel.sheet('Mở').value('A2')).toBeNull();
  });

  it('parses strings written through values like typing, unless the cell is formatted as text', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    const texts = ['=1+1', '-5', '+84', '- Tổ chức', '@tên', '001', 'TRUE', '#N/A', 'bình thường'];
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1:I1').values = [texts];
      ws.getRange('A2:I2').numberFormat = [texts.map(() => '@')];
      ws.getRange('A2:I2').values = [texts];
      await context.sync();
    });
    const s = excel.sheet('A');
    expect(s.formula('A1')).toBe('=1+1');
    expect(s.value('B1')).toBe(-5);
    expect(s.value('C1')).toBe(84);
    expect(s.formula('D1')).toBe('=- Tổ chức');
    expect(s.formula('E1')).toBe('=@tên');
    expect(s.value('F1')).toBe(1);
    expect(s.value('G1')).toBe(true);
    expect(s.value('H1')).toEqual({ error: '#N/A' });
    expect(s.value('I1')).toBe('bình thường');
    expect(s.values('A2:I2')).toEqual([texts]);
    expect(texts.map((_, i) => s.formula(`${String.fromCharCode(65 + i)}2`))).toEqual(texts.map(() => null));
  });

  it('leaves a cell unchanged where the input array holds null (Office null input)', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [['giữ', 'đổi']], { numberFormats: { A1: '0.00' } });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('A').getRange('A1:B1');
      range.values = [[null, 'mới']];
      range.numberFormat = [[null, '@']];
      await context.sync();
    });
    expect(excel.sheet('A').values('A1:B1')).toEqual([['giữ', 'mới']]);
    expect(excel.sheet('A').numberFormat('A1')).toBe('0.00');
    expect(excel.sheet('A').numberFormat('B1')).toBe('@');
  });

  it('counts syncs, operations and the JSON bytes each sync carried', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    const text = 'x'.repeat(10_000);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1').values = [[text]];
      await context.sync();
      ws.load('name');
      await context.sync();
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.operationCount).toBe(4); // getItem, getRange, set values, load
    // The request in Office.js's shape: 3 actions and their object paths around the 10,000 characters.
    expect(excel.payloads[0]).toBeGreaterThan(10_000 + 300);
    expect(excel.payloads[0]).toBeLessThan(10_000 + 800);
    expect(excel.payloads[1]).toBeLessThan(400);
    expect(excel.responses[1]).toBeGreaterThan(0);
  });

  it('refuses to end a batch with operations never synced', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRange('A1').values = [[1]];
      }),
    );
    expect(error.message).toMatch(/never synced/);
  });

  it('resolves a table address without a sheet name on the active sheet, as Office.js documents', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Đang mở', [['a', 'b']]);
    excel.addUserSheet('Khác', [['c', 'd']]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Khác').tables.add('A1:B2', true);
      await context.sync();
    });
    expect(excel.sheet('Đang mở').tables()).toHaveLength(1);
    expect(excel.sheet('Khác').tables()).toHaveLength(0);
  });

  it('fills a formula down with its relative references moved, and new conditional formats go on top', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      const first = ws.getRange('C2');
      first.formulas = [['=IF(A2="x",$B$1&"A2",\'Cài đặt\'!$B$6+B2)']];
      first.autoFill('C2:C4', 'FillCopy');
      ws.getRange('A1:A3').conditionalFormats.add('Custom').custom.rule.formula = '=A1=1';
      ws.getRange('A1:A3').conditionalFormats.add('Custom').custom.rule.formula = '=A1=2';
      await context.sync();
    });
    const s = excel.sheet('A');
    expect(s.formula('C4')).toBe('=IF(A4="x",$B$1&"A2",\'Cài đặt\'!$B$6+B4)');
    expect(s.conditionalFormats().map((c) => c.custom.formula)).toEqual(['=A1=2', '=A1=1']);
  });

  it('finds formula cells as RangeAreas: an address of rectangles, a null object when none, ItemNotFound when required', async () => {
    // Excel on a computer: no limit on the cells of one operation, so a whole sheet may be searched.
    const excel = createFakeExcel({ maxOperationCells: Infinity });
    excel.addUserSheet('Có công thức', [[1, 2, null, 'x']], {
      formulas: { C1: '=A1+B1', C2: '=A2', C3: '=A3', E5: '=1', F5: '=2', A7: '=3' },
    });
    excel.addUserSheet('Không có', [['chỉ chữ', 5]]);
    excel.addUserSheet('Trống');
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const found = sheets.getItem('Có công thức').getUsedRange().getSpecialCellsOrNullObject('Formulas');
      found.load('address,areaCount,cellCount');
      const part = sheets.getItem('Có công thức').getRange('C2:F9').getSpecialCellsOrNullObject('Formulas');
      part.load('address');
      const constants = sheets.getItem('Có công thức').getRange().getSpecialCellsOrNullObject('Constants');
      constants.load('address');
      const none = sheets.getItem('Không có').getRange().getSpecialCellsOrNullObject('Formulas');
      none.load('address');
      const blank = sheets.getItem('Trống').getRange().getSpecialCellsOrNullObject('Formulas');
      blank.load('address');
      expect(() => found.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(found.isNullObject).toBe(false);
      expect(found.address).toBe("'Có công thức'!C1:C3,'Có công thức'!E5:F5,'Có công thức'!A7");
      expect([found.areaCount, found.cellCount]).toEqual([3, 6]);
      expect(part.address).toBe("'Có công thức'!C2:C3,'Có công thức'!E5:F5");
      expect(constants.address).toBe("'Có công thức'!A1:B1,'Có công thức'!D1");
      expect(none.isNullObject).toBe(true);
      expect(blank.isNullObject).toBe(true);
      expect(() => none.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(excel.responses[0]).toBeGreaterThan(100); // the addresses count in the measured response
    const required = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets
          .getItem('Không có')
          .getRange()
          .getSpecialCells('Formulas')
          .load('address');
        await context.sync();
      }),
    );
    expect(required.code).toBe('ItemNotFound');
    const unsupported = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Không có').getRange().getSpecialCellsOrNullObject('Blanks');
        await context.sync();
      }),
    );
    expect(unsupported.code).toBe('NotImplemented');
  });

  it('keeps one visible sheet: deleting the last one fails', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Duy nhất');
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Duy nhất').delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidOperation');
  });

  it('refuses requests and responses over the size limit, like Excel on the web', async () => {
    const excel = createFakeExcel({ maxRequestBytes: 1000, maxResponseBytes: 1000 });
    excel.addUserSheet('A', [['x'.repeat(2000)]]);
    const big = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRange('B1').values = [['y'.repeat(2000)]];
        await context.sync();
      }),
    );
    expect(big.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.sheet('A').value('B1')).toBeNull();
    const answer = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRange('A1').load('values');
        await context.sync();
      }),
    );
    expect(answer.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('returns nothing from a sync whose response was refused, and lets the batch go on', async () => {
    const excel = createFakeExcel({ maxResponseBytes: 1000 });
    excel.addUserSheet('A', [['x'.repeat(2000)], ['nhỏ']]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('A');
      sheet.load('name');
      const big = sheet.getRange('A1:A2');
      big.load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => big.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const small = sheet.getRange('A2');
      small.load('values');
      await context.sync();
      expect(small.values).toEqual([['nhỏ']]);
    });
  });

  it('enforces Excel cell limits: 32,767 characters of text, 8,192 of formula', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    const write = (value: string): Promise<{ code?: string }> =>
      rejection(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('A').getRange('A1').values = [[value]];
          await context.sync();
        }),
      );
    expect((await write('x'.repeat(32_768))).code).toBe('InvalidArgument');
    expect((await write(`=${'1+'.repeat(4100)}1`)).code).toBe('FormulaLengthExceedsLimit');
  });
});

describe('fake Excel: deleting, renaming and emptying sheets', () => {
  /** A user's dashboard over "Tổng hợp" and "Report", with a CF and a dropdown that use them too. */
  async function dashboardWorkbook(): Promise<ReturnType<typeof createFakeExcel>> {
    const excel = createFakeExcel();
    excel.addUserSheet('Tổng hợp', [['a']]);
    excel.addUserSheet('Report', [[1], [2], [3]]);
    excel.addUserSheet('Bảng điều khiển', [], {
      formulas: {
        A1: "='Tổng hợp'!C20",
        A2: '=SUM(Report!A1:A3)',
        A3: "=IF('tổng HỢP'!A1=\"'Tổng hợp'!A1\",MyReport!A1,report!$B$2)",
        A4: '=SUM(A1:A3)',
      },
    });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Bảng điều khiển');
      ws.getRange('B1:B3').conditionalFormats.add('Custom').custom.rule.formula = "=B1>'Tổng hợp'!$A$1";
      ws.getRange('C1:C3').dataValidation.rule = {
        list: { inCellDropDown: true, source: '=Report!$A$1:$A$3' },
      };
      await context.sync();
    });
    return excel;
  }

  it('turns every reference to a deleted sheet into #REF!, as Excel does, and leaves the rest alone', async () => {
    const excel = await dashboardWorkbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Tổng hợp').delete();
      context.workbook.worksheets.getItem('Report').delete();
      await context.sync();
    });
    const s = excel.sheet('Bảng điều khiển');
    expect(['A1', 'A2', 'A3', 'A4'].map((c) => s.formula(c))).toEqual([
      '=#REF!C20',
      '=SUM(#REF!A1:A3)',
      '=IF(#REF!A1="\'Tổng hợp\'!A1",MyReport!A1,#REF!$B$2)',
      '=SUM(A1:A3)',
    ]);
    expect(s.conditionalFormats()[0].custom.formula).toBe('=B1>#REF!$A$1');
    expect(s.validations()[0].rule).toEqual({ list: { inCellDropDown: true, source: '=#REF!$A$1:$A$3' } });
  });

  it('makes the references follow a renamed sheet, as Excel does', async () => {
    const excel = await dashboardWorkbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Report').name = 'Báo cáo';
      context.workbook.worksheets.getItem('Tổng hợp').name = 'Summary';
      await context.sync();
    });
    const s = excel.sheet('Bảng điều khiển');
    expect(['A1', 'A2', 'A3'].map((c) => s.formula(c))).toEqual([
      '=Summary!C20',
      "=SUM('Báo cáo'!A1:A3)",
      "=IF(Summary!A1=\"'Tổng hợp'!A1\",MyReport!A1,'Báo cáo'!$B$2)",
    ]);
    expect(s.validations()[0].rule).toEqual({
      list: { inCellDropDown: true, source: "='Báo cáo'!$A$1:$A$3" },
    });
  });

  it('refuses, as Excel on the web does, an operation on more than 33,554,000 cells (OperationCellsExceedLimit)', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [['x', 1]]);
    const attempt = (operation: (ws: Excel.Worksheet) => void) =>
      excel.run(async (context) => {
        operation(context.workbook.worksheets.getItem('A'));
        await context.sync();
      });
    const refused = expect.objectContaining({ code: 'OperationCellsExceedLimit' });
    await expect(attempt((ws) => ws.getRange().clear('All'))).rejects.toEqual(refused);
    await expect(attempt((ws) => ws.getRange().unmerge())).rejects.toEqual(refused);
    await expect(attempt((ws) => (ws.getRange().format.font.name = 'Arial'))).rejects.toEqual(refused);
    await expect(attempt((ws) => ws.getRange().conditionalFormats.clearAll())).rejects.toEqual(refused);
    await expect(attempt((ws) => ws.getRange().dataValidation.clear())).rejects.toEqual(refused);
    await expect(attempt((ws) => (ws.getRange('A:AF').format.columnWidth = 10))).rejects.toEqual(refused); // 32 columns
    await expect(attempt((ws) => (ws.getRange('1:2048').format.rowHeight = 10))).rejects.toEqual(refused);
    await expect(
      attempt((ws) => {
        ws.getRange().getSpecialCellsOrNullObject('Formulas').load('address');
      }),
    ).rejects.toEqual(refused);
    // Within the limit: 31 whole columns, 2,047 whole rows, a whole column, a whole row.
    await attempt((ws) => {
      ws.getRange('A:AE').format.columnWidth = 10;
      ws.getRange('1:2047').format.rowHeight = 10;
      ws.getRange('A:A').rowHidden = false;
      ws.getRange('1:1').columnHidden = false;
    });
    expect(excel.sheet('A').columnWidth(30)).toBe(10);
    // Excel on a computer has no such limit.
    const desktop = createFakeExcel({ maxOperationCells: Infinity });
    desktop.addUserSheet('A', [['x', 1]]);
    await desktop.run(async (context) => {
      context.workbook.worksheets.getItem('A').getRange().clear('All');
      await context.sync();
    });
    expect(desktop.sheet('A').usedRange()).toBeNull();
  });

  it("gives the smallest range holding two ranges (getBoundingRect), and a blank sheet's used range as A1", async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A', [[null, null, 'x']]);
    excel.addUserSheet('Trống');
    await excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem('A');
      const box = a.getRange('B5:C6').getBoundingRect(a.getUsedRange(false));
      box.load('address');
      const blank = context.workbook.worksheets.getItem('Trống').getUsedRange(false);
      blank.load('address');
      await context.sync();
      expect(box.address).toBe('A!B1:C6');
      expect(blank.address).toBe("'Trống'!A1");
    });
  });

  it('empties a sheet with clear, unmerge, clearAll, DataValidation.clear, standard sizes and unhiding, each a measured operation', async () => {
    // Excel on a computer: the whole sheet is one range (on the web that is over the cell limit, above).
    const excel = createFakeExcel({ maxOperationCells: Infinity });
    const view = excel.addUserSheet('A', [['x', 1]], {
      formulas: { C3: '=A1' },
      numberFormats: { B1: '0%' },
    });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange().format.font.name = 'Times New Roman';
      ws.getRange('A1:B1').merge();
      ws.getRange('A2').format.rowHeight = 30;
      ws.getRange('B:B').format.columnWidth = 100;
      ws.getRange('A1:B2').conditionalFormats.add('Custom').custom.rule.formula = '=A1=1';
      ws.getRange('A1:A2').dataValidation.rule = {
        wholeNumber: { operator: 'Between', formula1: 1, formula2: 9 },
      };
      ws.getRange('4:5').rowHidden = true;
      ws.getRange('D:D').columnHidden = true;
      await context.sync();
    });
    expect(view.merges()).toEqual(['A1:B1']);
    expect(view.state.hiddenRows).toEqual(new Set([3, 4]));
    excel.resetStats();

    await excel.run(async (context) => {
      const all = context.workbook.worksheets.getItem('A').getRange();
      all.unmerge();
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      all.clear('All');
      all.format.useStandardHeight = true;
      all.format.useStandardWidth = true;
      all.rowHidden = false;
      all.columnHidden = false;
      await context.sync();
    });

    expect(excel.syncCount).toBe(1);
    expect(excel.operationCount).toBe(10); // getItem, getRange and the eight calls and sets
    expect(view.usedRange()).toBeNull();
    expect(view.state.layers).toEqual([]);
    expect(view.merges()).toEqual([]);
    expect(view.conditionalFormats()).toEqual([]);
    expect(view.validations()).toEqual([]);
    expect(view.rowHeight(2)).toBeUndefined();
    expect(view.columnWidth(1)).toBeUndefined();
    expect(view.state.hiddenRows.size + view.state.hiddenColumns.size).toBe(0);
  });

  it('clears only what it is asked to, where it is asked to', async () => {
    const excel = createFakeExcel();
    const view = excel.addUserSheet('A', [['x', 'y']], { numberFormats: { 'A1:B1': '@' } });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1:B1').format.fill.color = '#FFC7CE';
      ws.getRange('A1:B1').merge();
      ws.getRange('A1:B1').conditionalFormats.add('Custom').custom.rule.formula = '=A1=1';
      await context.sync();
      ws.getRange('A1').clear('Formats');
      ws.getRange('B1').clear('Contents');
      await context.sync();
    });
    expect(view.values('A1:B1')).toEqual([['x', null]]);
    expect(view.format('A1')).toMatchObject({ numberFormat: 'General' });
    expect(view.format('A1').fill).toBeUndefined();
    expect(view.format('B1')).toMatchObject({ numberFormat: '@', fill: '#FFC7CE' });
    // clear() leaves merges and conditional formats to unmerge() and clearAll(), which say so.
    expect(view.merges()).toEqual(['A1:B1']);
    const partial = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRange('A1').conditionalFormats.clearAll();
        await context.sync();
      }),
    );
    expect(partial.code).toBe('NotImplemented');
  });
});
