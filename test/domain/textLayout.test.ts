import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { textWidthPt, wrappedLines } from '../../src/sheets/textLayout';

describe('text widths (Times New Roman metrics)', () => {
  it('are the widths of the installed Liberation Serif fonts (the table is generated, not typed)', () => {
    const script = path.join(__dirname, '..', '..', 'scripts', 'make-font-metrics.js');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('match what LibreOffice prints: the motto and the commune name of a report header', () => {
    // Measured from a LibreOffice PDF (pdftotext -bbox): 159.3 pt and 108.9 pt at 13 pt bold.
    expect(textWidthPt('Độc lập - Tự do - Hạnh phúc', 13, 'bold')).toBeCloseTo(159.3, 0);
    expect(textWidthPt('XÃ LONG ĐIỀN A', 13, 'bold')).toBeCloseTo(108.9, 0);
    // Decomposed (NFD) text measures as its composed form.
    expect(textWidthPt('Hạnh phúc'.normalize('NFD'), 13)).toBe(textWidthPt('Hạnh phúc', 13));
  });

  it('wrap words as a spreadsheet does, breaking a word longer than the line', () => {
    const word = textWidthPt('nhiệm', 13);
    const space = textWidthPt(' ', 13);
    expect(wrappedLines('nhiệm nhiệm', 2 * word + space, 13)).toBe(1);
    expect(wrappedLines('nhiệm nhiệm', 2 * word + space - 0.01, 13)).toBe(2);
    expect(wrappedLines('a\nb', 100, 13)).toBe(2);
    expect(wrappedLines('x'.repeat(100), textWidthPt('x'.repeat(40), 13), 13)).toBe(3);
  });
});
