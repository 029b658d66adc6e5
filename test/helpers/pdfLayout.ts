/**
 * What a printed page holds, measured from the PDF LibreOffice prints: the words with their boxes
 * (pdftotext -bbox) and the ruled lines (pdftocairo -svg: stroked paths). Sizes in points, y downwards from the
 * top of the page. A word box of Liberation Serif is 1.301 times the font size tall (ascent + descent of the font).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runTool } from './libreoffice';

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Rule {
  page: number;
  x1: number;
  x2: number;
  y: number;
}

/** Height of a Liberation Serif word box, per point of font size. */
export const BOX_PER_PT = 1.301;

export async function words(pdf: string): Promise<Word[]> {
  const xml = await runTool('pdftotext', ['-bbox', pdf, '-']);
  const out: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      out.push({
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .normalize('NFC'),
      });
  }
  return out;
}

/** Horizontal stroked lines (cell borders) of page `page`. */
export async function rules(pdf: string, page: number, outDir: string): Promise<Rule[]> {
  const svg = path.join(outDir, `page-${page}.svg`);
  await runTool('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, svg]);
  const text = await fs.readFile(svg, 'utf8');
  const out: Rule[] = [];
  const re =
    /<path style="fill:none;[^"]*stroke:[^"]*" d="M ([\d.-]+) ([\d.-]+) L ([\d.-]+) ([\d.-]+) "(?: transform="matrix\(([^)]*)\)")?/g;
  for (const m of text.matchAll(re)) {
    const [a, , , d, e, f] = (m[5] ?? '1,0,0,1,0,0').split(',').map(Number);
    const [x1, y1, x2, y2] = [m[1], m[2], m[3], m[4]].map(Number);
    if (Math.abs(y1 - y2) > 0.01) continue;
    out.push({ page, x1: a * Math.min(x1, x2) + e, x2: a * Math.max(x1, x2) + e, y: d * y1 + f });
  }
  return out;
}

/** The box of a run of consecutive words on one line (a phrase), or undefined. */
export function phrase(all: readonly Word[], text: string, page = 1): Word | undefined {
  const parts = text.split(' ');
  const onPage = all.filter((w) => w.page === page);
  for (let i = 0; i + parts.length <= onPage.length; i++) {
    const run = onPage.slice(i, i + parts.length);
    if (run.every((w, j) => w.text === parts[j]) && run.every((w) => Math.abs(w.yMin - run[0].yMin) < 1))
      return {
        page,
        text,
        xMin: run[0].xMin,
        yMin: Math.min(...run.map((w) => w.yMin)),
        xMax: run[run.length - 1].xMax,
        yMax: Math.max(...run.map((w) => w.yMax)),
      };
  }
  return undefined;
}
