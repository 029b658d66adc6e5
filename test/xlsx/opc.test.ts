import { Package, relativeTarget, resolveTarget } from '../../src/workbook/xlsx/opc';

describe('relationship targets', () => {
  it.each([
    ['xl/worksheets/sheet1.xml', '../tables/table1.xml', 'xl/tables/table1.xml'],
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', '../customXml/item1.xml', 'customXml/item1.xml'],
    ['xl/drawings/drawing1.xml', '../media/image%201.png', 'xl/media/image 1.png'],
  ])('from %s, %s is %s', (source, target, expected) => {
    expect(resolveTarget(source, target)).toBe(expected);
  });

  it.each([
    ['xl/worksheets/sheet1.xml', 'xl/tables/table2.xml', '../tables/table2.xml'],
    ['xl/workbook.xml', 'xl/worksheets/sheet9.xml', 'worksheets/sheet9.xml'],
    ['xl/workbook.xml', 'xl/styles.xml', 'styles.xml'],
  ])('from %s to %s is %s', (source, target, expected) => {
    expect(relativeTarget(source, target)).toBe(expected);
    expect(resolveTarget(source, relativeTarget(source, target))).toBe(target);
  });

  it('names relationship parts', () => {
    expect(Package.relsPartFor('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(Package.relsPartFor('')).toBe('_rels/.rels');
  });
});
