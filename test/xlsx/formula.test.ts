import { shiftFormula } from '../../src/workbook/xlsx/formula';

describe('shiftFormula', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['$A1+A$1+$A$1', 2, 3, '$A3+D$1+$A$1'],
    ['SUM(C2:C10)', 5, 0, 'SUM(C7:C15)'],
    ['IF(C2<TODAY(),"Quá hạn C2","Trong hạn")', 1, 0, 'IF(C3<TODAY(),"Quá hạn C2","Trong hạn")'],
    ['B1*2&"Q1"', 2, 0, 'B3*2&"Q1"'],
    ["'Q1 2025'!A1+Sheet1!B2", 1, 1, "'Q1 2025'!B2+Sheet1!C3"],
    [
      'COUNTIFS(\'Nhiệm vụ\'!$H$2:$H$60,"Hoàn thành",\'Nhiệm vụ\'!D2:D60,">"&A1)',
      1,
      0,
      'COUNTIFS(\'Nhiệm vụ\'!$H$2:$H$60,"Hoàn thành",\'Nhiệm vụ\'!D3:D61,">"&A2)',
    ],
    ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'],
    ['tblNhiemVu[@Hạn]+A1', 1, 0, 'tblNhiemVu[@Hạn]+A2'],
    ['SUM(A:B)+SUM($C:D)', 0, 1, 'SUM(B:C)+SUM($C:E)'],
    ['SUM(2:3)+SUM($4:5)', 1, 0, 'SUM(3:4)+SUM($4:6)'],
    ['1.5E3+A1', 1, 0, '1.5E3+A2'],
    ['A1', -1, 0, '#REF!'],
    ['"a""A1"""&A1', 1, 0, '"a""A1"""&A2'],
    ['TongSo+A1', 1, 0, 'TongSo+A2'],
  ])('%s moved by (%i, %i) is %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

describe('shiftFormula on a shared formula (scanned once, shifted for every cell)', () => {
  it('gives each cell of a filled-down column its own references', () => {
    const master = 'IF(H2="Hoàn thành",$A$1,G2-$B1)';
    for (let row = 1; row <= 300; row += 1)
      expect(shiftFormula(master, row, 0)).toBe(`IF(H${2 + row}="Hoàn thành",$A$1,G${2 + row}-$B${1 + row})`);
    expect(shiftFormula(master, -2, 0)).toBe('IF(#REF!="Hoàn thành",$A$1,#REF!-#REF!)');
  });

  it('stays right past the number of formulas it keeps scanned', () => {
    for (let n = 1; n <= 1_000; n += 1) expect(shiftFormula(`A${n}+${n}`, 1, 1)).toBe(`B${n + 1}+${n}`);
    expect(shiftFormula('A1+1', 2, 0)).toBe('A3+1');
  });
});
