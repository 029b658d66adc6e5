import { reportPeriod } from '../../src/domain/periods';
import { buildReport, reportJson, type ReportContent } from '../../src/domain/report';
import { readTthc, TTHC_COLUMN_KEYS, type TthcRead } from '../../src/domain/tthc';
import { REPORT_TEXT, SHEET, TTHC_HEADERS } from '../../src/i18n/vi';
import { planSettings } from '../../src/domain/settings';
import type { Problem } from '../../src/domain/problems';
import type { Task } from '../../src/domain/tracker';
import { buildReportSheet, GRID, MAX_LISTED, paginate, type Row } from '../../src/sheets/reportSheet';
import { wrappedLines } from '../../src/sheets/textLayout';
import { makeTask } from '../support/task';

const task = (row: number, deadline: string | null, over: Partial<Task> = {}): Task =>
  makeTask(row, { section: 'II.3', task: `Họp định kỳ số ${row}`, deadline, ...over });

const content = (tasks: Task[], over: Partial<Parameters<typeof buildReport>[0]> = {}): ReportContent =>
  buildReport({
    tasks,
    settings: planSettings(2026),
    period: reportPeriod(2026, 2),
    asOf: '2026-06-05',
    trackerSheet: 'Nhiệm vụ',
    ...over,
  });

const texts = (c: ReportContent): string[] =>
  buildReportSheet(c, 'Báo cáo 6 tháng 2026')
    .cells.flat()
    .filter((v): v is string => typeof v === 'string')
    .map((s) => s.replace(/^\u00a0+/, ''));

describe('the report sheet', () => {
  it('names at most 30 overdue tasks of a section and sums up the rest', () => {
    const tasks = Array.from({ length: 250 }, (_, i) => task(i + 2, '2026-02-01'));
    const c = content(tasks);
    expect(c.overdue).toHaveLength(250);
    const text = texts(c);
    // Named once, in their section (II sums them up by lead body), at most 30 of them.
    expect(text.filter((t) => t.startsWith('- Họp định kỳ số')).length).toBe(MAX_LISTED.overduePerSection);
    expect(text.join('\n')).toContain('Còn 250 nhiệm vụ quá hạn chưa hoàn thành (đã nêu tại mục I)');
    expect(text).toContain('- … và 220 nhiệm vụ khác (xem trang "Nhiệm vụ").');
  });

  it('prints on A4 portrait with Nghị định 30 margins, one page wide, numbered from page 2', () => {
    const spec = buildReportSheet(content([task(2, '2026-02-01')]), 'Báo cáo 6 tháng 2026');
    expect(spec.page).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      header: { center: '&"Times New Roman,Regular"&13&P', differentFirstPage: true },
      firstPageNumber: 1,
    });
    expect(spec.page!.printArea).toMatch(/^A1:AJ\d+$/);
    expect(spec.defaultFont).toEqual({ name: 'Times New Roman', size: 13 });
    // A snapshot of values: the only formulas are the copies of the places for the officer's words, right of
    // the print area (one per place, each its row's text), which let Excel fit those rows to what is typed.
    const places = (spec.conditionalFormats ?? []).map((c) => Number(c.range.slice(1)));
    expect(places.length).toBeGreaterThan(0);
    expect(spec.autoHeightRows).toEqual(places);
    expect(spec.formulas).toEqual(
      places.map((n) => ({ cell: `AK${n}`, formula: `=$A${n}&""`, result: spec.cells[n - 1][0] })),
    );
    expect(spec.columnWidths).toHaveLength(GRID + 1);
    // The copy is as wide in Excel (7 px a character) as the grid's 36 columns of 16 px.
    expect(spec.columnWidths![GRID] * 7).toBeCloseTo(GRID * 16, 6);
  });

  it('writes no sentence with a string of zeros, and figures as x/y', () => {
    const c = content([
      task(2, '2026-03-31', {
        status: 'done',
        completedOn: '2026-03-20',
        evidence: 'Biên bản họp ngày 20/3/2026',
      }),
      task(3, '2026-04-30'),
      task(4, '2026-09-30'),
      task(5, null),
    ]);
    const text = texts(c).join('\n');
    expect(text).toContain('Trong kỳ có 2 nhiệm vụ có thời hạn và 1 nhiệm vụ thực hiện thường xuyên.');
    expect(text).toContain(
      'Đến ngày 05/06/2026, đã hoàn thành 1/2 nhiệm vụ đến hạn (đều đúng hạn); còn 1 nhiệm vụ quá hạn chưa hoàn thành.',
    );
    expect(text).toContain('Tỷ lệ hoàn thành đúng hạn đạt 50% (1/2 nhiệm vụ đến hạn');
    expect(text).toContain('- Họp định kỳ số 2: Biên bản họp ngày 20/3/2026 (hoàn thành ngày 20/03/2026).');
    expect(text).toContain(
      '- Họp định kỳ số 3 (chủ trì: Công chức Văn phòng – Thống kê; hạn 30/04/2026, quá hạn 36 ngày).',
    );
    expect(text).not.toMatch(/\b0 \(|: 0\b|quá hạn 0|đúng hạn 0/);
  });

  it('never names a row with a data error in the signed text; lists it below the print area', () => {
    const rows = [task(2, '2026-02-01', { lead: '' }), task(3, '2026-02-01')];
    const errors: Problem[] = [
      {
        severity: 'error',
        code: 'emptyLead',
        sheet: 'Nhiệm vụ',
        cell: 'D2',
        message: 'Thiếu cơ quan chủ trì (ô D2).',
      },
    ];
    const c = content(rows, { errors });
    expect(c.dataErrors).toEqual([
      {
        row: 2,
        task: 'Họp định kỳ số 2',
        problems: [{ cell: 'D2', message: 'Thiếu cơ quan chủ trì (ô D2).' }],
      },
    ]);
    // Counted and named as the sheet shows it (one count for I.1 and II.1), listed below for the officer.
    expect(c.overdue.map((o) => o.task.row)).toEqual([2, 3]);
    expect(c.figures.overdue).toBe(2);
    const spec = buildReportSheet(c, 'Báo cáo 6 tháng 2026');
    const printed = Number(/(\d+)$/.exec(spec.page!.printArea!)![1]);
    const inPrint = spec.cells
      .slice(0, printed)
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(inPrint.join('\n')).not.toContain('chủ trì: ;');
    expect(inPrint.join('\n')).toContain('- Họp định kỳ số 2 (hạn 01/02/2026, quá hạn 124 ngày).');
    expect(inPrint.join('\n')).toContain('Còn 2 nhiệm vụ quá hạn chưa hoàn thành (đã nêu tại mục I)');
    expect(inPrint.join('\n')).not.toMatch(/lỗi dữ liệu|chưa tổng hợp được/iu);
    const below = spec.cells
      .slice(printed)
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(below[0]).toContain('1 dòng');
    expect(below.join('\n')).toContain('Dòng 2: Họp định kỳ số 2');
  });

  it('has the four blocks of a periodic report and marked places for what only people can write', () => {
    const text = texts(content([task(2, '2026-02-01')]));
    for (const h of [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI (Quý III/2026)',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ])
      expect(text).toContain(h);
    expect(text.filter((t) => t.startsWith('[Nhập'))).toHaveLength(2);
    // Marked while they hold their hint: a conditional format comparing the cell to it, no fixed fill.
    const spec = buildReportSheet(content([task(2, '2026-02-01')]), 'Báo cáo 6 tháng 2026');
    expect(spec.conditionalFormats).toHaveLength(2);
    for (const cf of spec.conditionalFormats ?? []) {
      const row = Number(/^A(\d+)$/.exec(cf.range)![1]);
      expect(cf.formula).toBe(`=$A$${row}="${String(spec.cells[row - 1][0])}"`);
      expect(cf.fill).toBe('FFF2CC');
      const styled = (spec.styles ?? []).filter((s) => s.range.startsWith(`A${row}:`));
      expect(styled.every((s) => s.style.fill === undefined && !s.style.font?.italic)).toBe(true);
    }
  });

  it('cites the plan by number and date from Cài đặt, and by its title when they are blank', () => {
    const cited = texts(
      content([], {
        settings: { ...planSettings(2026), planNumber: '125/KH-UBND', planDate: '2023-03-15' },
      }),
    ).join('\n');
    expect(cited).toContain(
      'Thực hiện Kế hoạch số 125/KH-UBND ngày 15 tháng 3 năm 2023 của Ủy ban nhân dân xã Long Điền A về nâng cao chất lượng',
    );
    const plain = texts(content([])).join('\n');
    expect(plain).toContain(
      'Thực hiện Kế hoạch nâng cao chất lượng, hiệu quả công tác cải cách hành chính trên địa bàn xã Long Điền A, Ủy ban nhân dân xã Long Điền A báo cáo',
    );
    expect(plain).not.toContain('số ,');
  });

  it('draws the rules: under the commune 1/3–1/2 of its name, under the motto as long as the motto, centred', () => {
    const spec = buildReportSheet(content([]), 'Báo cáo 6 tháng 2026');
    const rules = (spec.styles ?? []).filter((s) => s.style.border?.top && !s.style.border.left);
    const span = (range: string): [number, number] => {
      const [a, b] = range.split(':').map((r) => r.replace(/\d+$/, ''));
      const col = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return [col(a), col(b)];
    };
    const [issuer, motto, subject] = rules.map((r) => span(r.range));
    // 13-column left block; "XÃ LONG ĐIỀN A" is 109 pt wide at 13 pt bold (measured in LibreOffice's PDF).
    const share = ((issuer[1] - issuer[0] + 1) * 12.5) / 109;
    expect(share).toBeGreaterThanOrEqual(1 / 3);
    expect(share).toBeLessThanOrEqual(1 / 2);
    expect(issuer[0] + issuer[1]).toBe(12); // centred on the 13 columns
    expect(motto[1] - motto[0] + 1).toBe(13); // 159 pt of motto over 12.5 pt columns
    expect(motto[0] + motto[1]).toBe(13 + 35); // centred on columns 13…35
    expect(subject[0] + subject[1]).toBe(35);
  });

  it('gives every text a row tall enough for its wrapped lines, so no heading overflows its cell', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      task(i + 2, '2026-02-01', { task: `Nhiệm vụ có nội dung dài ${'rất '.repeat(i)}cần báo cáo ${i}` }),
    );
    const spec = buildReportSheet(content(many), 'Báo cáo 6 tháng 2026');
    const merged = new Map<number, number>();
    for (const m of spec.merges ?? []) {
      const [a, b] = m.split(':');
      const row = Number(/\d+$/.exec(a)![0]);
      const cols = (l: string): number =>
        [...l.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      if (a.replace(/\d+$/, '') === 'A') merged.set(row, cols(b) - cols(a) + 1);
    }
    spec.cells.forEach((cells, i) => {
      const text = cells[0];
      const span = merged.get(i + 1);
      if (typeof text !== 'string' || span === undefined) return;
      const style = (spec.styles ?? []).filter((s) => s.range.startsWith(`A${i + 1}:`)).pop()?.style;
      const pt = style?.font?.size ?? 13;
      // Wrapped at Excel's narrower column width (12 pt a grid column, 3 pt of cell padding), 1.15 em a line.
      const lines = wrappedLines(text, span * 12 - 3, pt, style?.font?.bold ? 'bold' : 'regular');
      expect({ row: i + 1, fits: spec.rowHeights![i + 1] >= lines * pt * 1.15 }).toEqual({
        row: i + 1,
        fits: true,
      });
    });
  });

  it('breaks pages so that the table and the signature block never split', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      task(i + 2, '2026-02-01', { task: `Nhiệm vụ ${i} ${'x '.repeat(60)}` }),
    );
    const spec = buildReportSheet(content(many), 'Báo cáo 6 tháng 2026');
    const breaks = spec.page!.rowBreaks!;
    expect(breaks.length).toBeGreaterThan(0);
    const heights = spec.rowHeights!;
    const printed = Number(/(\d+)$/.exec(spec.page!.printArea!)![1]);
    // Each page (between breaks) fits the printable height of A4 less the margins.
    const starts = [1, ...breaks, printed + 1];
    for (let i = 0; i + 1 < starts.length; i++) {
      let h = 0;
      for (let r = starts[i]; r < starts[i + 1]; r++) h += heights[r];
      expect(h).toBeLessThanOrEqual(841.9 - 2 * 56.7);
    }
    // The signature block (Nơi nhận … the name) is on one page.
    const nơiNhận = spec.cells.findIndex((r) => r[0] === 'Nơi nhận:') + 1;
    const name = spec.cells.findIndex((r) => r.includes('Trương Minh Sơn')) + 1;
    expect(breaks.filter((b) => b > nơiNhận && b <= name)).toEqual([]);
  });
});

describe('the report’s TTHC part', () => {
  const header = TTHC_COLUMN_KEYS.map((k) => TTHC_HEADERS[k]);
  /** A balanced row: online dossiers, `late` of them resolved late, the rest on time; a reason if given. */
  const tthcRow = (month: number, field: string, online: number, late = 0, reason: string | null = null) =>
    TTHC_COLUMN_KEYS.map((k) =>
      k === 'month'
        ? month
        : k === 'field'
          ? field
          : k === 'online'
            ? online
            : k === 'late'
              ? late
              : k === 'onTime'
                ? online - late
                : k === 'lateReason'
                  ? reason
                  : null,
    );
  const tthcRead = (rows: ReturnType<typeof tthcRow>[]): TthcRead =>
    readTthc({ name: SHEET.tthc, values: [header, ...rows], formulas: [] }, 2026);
  const withTthc = (rows: ReturnType<typeof tthcRow>[], errors: Problem[] = []): ReportContent =>
    content([task(2, '2026-02-01')], { tthc: { read: tthcRead(rows) }, errors });

  it('says in one sentence that there are no figures, with no table, when none were typed', () => {
    const c = withTthc([]);
    const text = texts(c);
    expect(text).toContain('3. Kết quả giải quyết hồ sơ thủ tục hành chính');
    expect(text).toContain(REPORT_TEXT.tthcNone);
    expect(text.join('\n')).not.toContain(REPORT_TEXT.tthcTableHeader.receivedGroup);
    // A workbook without the sheet says the same.
    expect(texts(content([task(2, '2026-02-01')]))).toContain(REPORT_TEXT.tthcNone);
  });

  it('states the period’s figures, tabulates the fields that have any, and names the often-late field with its reasons', () => {
    const c = withTthc([
      tthcRow(1, 'Hộ tịch', 1200),
      tthcRow(2, 'Hộ tịch', 30),
      tthcRow(3, 'Đất đai', 10, 2, 'Chờ đo đạc.'),
      tthcRow(5, 'Đất đai', 8, 1, 'Cán bộ nghỉ ốm'),
      tthcRow(8, 'Đất đai', 8, 1, 'ngoài kỳ'),
    ]);
    expect(c.tthc.figures.months).toEqual([1, 2, 3, 5]);
    const text = texts(c);
    const all = text.join('\n');
    expect(all).toContain(
      'Các tháng 1, 2, 3, 5 năm 2026 (tháng 4 chưa có số liệu), số hồ sơ thủ tục hành chính nhận giải quyết là 1.248 hồ sơ (tiếp nhận mới 1.248, trong đó trực tuyến 1.248).',
    );
    expect(all).toContain(
      'Đã giải quyết 1.248 hồ sơ (đúng hạn 1.245, quá hạn 3); không còn hồ sơ đang giải quyết.',
    );
    expect(all).toContain(
      'Tỷ lệ giải quyết hồ sơ đúng hạn đạt 99,8% (1.245/1.248 hồ sơ đã giải quyết là trước hạn hoặc đúng hạn).',
    );
    expect(all).not.toContain('đã giải quyết được giải quyết');
    expect(all).toContain(
      'Trong kỳ có 3 hồ sơ thủ tục hành chính giải quyết quá hạn (lĩnh vực Đất đai: 3 hồ sơ).',
    );
    expect(all).toContain(
      'Lĩnh vực Đất đai thường xuyên có hồ sơ giải quyết quá hạn (3 hồ sơ, trong các tháng 3 và 5).',
    );
    // The reasons, in II.2, each attributed to its field and month; the month after the period is not there.
    expect(all).toContain('- Lĩnh vực Đất đai, tháng 3: Chờ đo đạc.');
    expect(all).toContain('- Lĩnh vực Đất đai, tháng 5: Cán bộ nghỉ ốm.');
    expect(all).not.toContain('ngoài kỳ');
    expect(text).not.toContain(REPORT_TEXT.causesPlaceholder);
    expect(all).toContain(
      'Tập trung khắc phục tình trạng giải quyết hồ sơ thủ tục hành chính quá hạn ở lĩnh vực: Đất đai.',
    );
    // The table: Hộ tịch, Đất đai and the total; no row for a field without figures.
    expect(text).toContain('Hộ tịch');
    expect(text).not.toContain('Chứng thực');
    const spec = buildReportSheet(c, 'Báo cáo 6 tháng 2026');
    // The national form's columns, figures written the Vietnamese way as text (whatever the viewer's locale).
    const totals = spec.cells.filter((r) => r[0] === 'Cộng' && r.includes('1.248'));
    expect(totals.map((r) => r.filter((v) => v !== null))).toEqual([
      ['Cộng', '1.248', '0', '1.248', '0'],
      ['Cộng', '1.248', '0', '1.245', '3', '0', '0', '0', '99,8%'],
    ]);
    expect(spec.styles!.some((s) => s.style.numberFormat === '#,##0')).toBe(false);
    const groupRows = spec.cells.filter((r) => r[0] === 'Lĩnh vực');
    expect(groupRows.map((r) => r.filter((v) => v !== null))).toEqual([
      ['Lĩnh vực', 'Số hồ sơ nhận giải quyết'],
      ['Lĩnh vực', 'Đã giải quyết', 'Đang giải quyết', 'Tỷ lệ đúng hạn'],
    ]);
    const under = spec.cells.map((r, i) => ({ r, i })).filter(({ r }) => r[0] === 'Lĩnh vực');
    expect(spec.cells[under[0].i + 1].filter((v) => v !== null)).toEqual([
      'Tổng số',
      'Kỳ trước chuyển qua',
      'Trực tuyến',
      'Trực tiếp, bưu chính',
    ]);
    expect(spec.cells[under[1].i + 1].filter((v) => v !== null)).toEqual([
      'Tổng số',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
      'Tổng số',
      'Trong hạn',
      'Quá hạn',
    ]);
    // "Lĩnh vực" and "Tỷ lệ đúng hạn" are one cell over both header rows.
    expect(
      (spec.merges ?? []).some((m) => new RegExp(`^A${under[1].i + 1}:[A-Z]+${under[1].i + 2}$`).test(m)),
    ).toBe(true);
  });

  it('keeps the TTHC table on one page with its caption, and its rows with data errors out of print', () => {
    const rows = Array.from({ length: 40 }, (_, i) => tthcRow(1, `Lĩnh vực số ${i + 1}`, 5));
    rows.push(
      TTHC_COLUMN_KEYS.map((k) =>
        k === 'month' ? 2 : k === 'field' ? 'Hộ tịch' : k === 'online' ? '7' : null,
      ),
    );
    const errors: Problem[] = [
      {
        severity: 'error',
        code: 'tthcCountAsText',
        sheet: SHEET.tthc,
        cell: 'D42',
        message: 'Số dạng chữ (ô D42).',
      },
    ];
    const c = withTthc(rows, errors);
    expect(c.tthc.dataErrors).toEqual([
      { row: 42, task: 'Tháng 2 – Hộ tịch', problems: [{ cell: 'D42', message: 'Số dạng chữ (ô D42).' }] },
    ]);
    const spec = buildReportSheet(c, 'Báo cáo 6 tháng 2026');
    const printed = Number(/(\d+)$/.exec(spec.page!.printArea!)![1]);
    const caption = spec.cells.findIndex((r) => String(r[0]).includes('Bảng 1. Số hồ sơ')) + 1;
    const head = caption + 2;
    // The caption, the header and the first row together; a header row again on each page the table goes on to.
    expect(spec.page!.rowBreaks!.filter((b) => b > caption && b <= head + 1)).toEqual([]);
    const inPrint = spec.cells.slice(0, printed).flat().join('\n');
    expect(inPrint).not.toContain('chưa tổng hợp được');
    expect(inPrint).not.toContain('D42');
    const below = spec.cells.slice(printed).flat().join('\n');
    expect(below).toContain('1 dòng của trang "Hồ sơ TTHC" có lỗi dữ liệu');
    expect(below).toContain('Dòng 42: Tháng 2 – Hộ tịch');
  });

  it('gives `cchc report --json` the tthc object the issue specifies', () => {
    const c = withTthc([tthcRow(1, 'Hộ tịch', 10), tthcRow(2, 'Đất đai', 4, 1), tthcRow(3, 'Đất đai', 4, 2)]);
    const json = reportJson(c, 'Báo cáo 6 tháng 2026') as { tthc: unknown };
    const T = (online: number, late: number) => ({
      carriedOver: 0,
      online,
      offline: 0,
      received: online,
      early: 0,
      onTime: online - late,
      late,
      pendingOnTime: 0,
      pendingLate: 0,
    });
    expect(json.tthc).toEqual({
      months: [1, 2, 3],
      totals: T(18, 3),
      byField: [
        { field: 'Hộ tịch', ...T(10, 0) },
        { field: 'Đất đai', ...T(8, 3) },
      ],
      onTimeRate: 15 / 18,
      frequentLateFields: ['Đất đai'],
      unbalancedFields: [],
    });
    expect((reportJson(content([]), 'x') as { tthc: unknown }).tthc).toEqual({
      months: [],
      totals: T(0, 0),
      byField: [],
      onTimeRate: null,
      frequentLateFields: [],
      unbalancedFields: [],
    });
  });
});

describe('page planning', () => {
  const row = (height: number, label = ''): Row => ({
    spans: label ? [{ from: 0, span: 1, value: label }] : [],
    height,
  });
  it('repeats a table’s header row on each page the table goes on to', () => {
    const head = row(40, 'header');
    const body = Array.from({ length: 60 }, (_, i) => row(20, `r${i}`));
    const { rows, breaks } = paginate([
      { kind: 'flow', rows: [row(300)] },
      { kind: 'table', repeat: head, rows: body },
    ]);
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    for (const b of breaks) expect(rows[b - 1].spans[0]?.value).toBe('header');
    expect(rows.filter((r) => r.spans[0]?.value?.toString().startsWith('r'))).toHaveLength(60);
  });

  it('starts a kept group on a new page rather than splitting it', () => {
    const { breaks } = paginate([
      { kind: 'flow', rows: [row(600)] },
      { kind: 'keep', rows: [row(50), row(50), row(50)] },
    ]);
    expect(breaks).toEqual([2]);
  });
});
