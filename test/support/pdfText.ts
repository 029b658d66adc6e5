/**
 * The text of a printed PDF as poppler reads it, for measuring what a reader sees on paper: every word with
 * its box (pdftotext -bbox) and every text run with its font size (pdftohtml -xml). Sizes and boxes are in
 * points of the printed page.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runTool } from './libreoffice';

/** Height of a Liberation Serif word box, per point of font size (the font's ascent plus descent). */
export const BOX_PER_PT = 1.301;

/** A horizontal ruled line (a cell border) of a page, in points from the page's top left. */
export interface Rule {
  x1: number;
  x2: number;
  y: number;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
  /** Font size in points of every text run on the page, with its text. */
  runs: { size: number; text: string }[];
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .normalize('NFC');

/** pdftohtml reports sizes at its zoom, rounded to whole units: zoom 3 gives a third of a point. */
const ZOOM = 3;

export async function readPdf(pdf: string): Promise<PdfPage[]> {
  const bbox = await runTool('pdftotext', ['-bbox', pdf, '-']);
  const pages: PdfPage[] = [];
  for (const m of bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [
      ...m[3].matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: decode(w[5]),
    }));
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words, runs: [] });
  }
  const xml = await runTool('pdftohtml', ['-xml', '-i', '-stdout', '-q', '-zoom', String(ZOOM), pdf]);
  const sizes = new Map<string, number>();
  let page: PdfPage | undefined;
  for (const line of xml.split('\n')) {
    const p = /<page number="(\d+)"/.exec(line);
    if (p) page = pages[Number(p[1]) - 1];
    const f = /<fontspec id="(\d+)" size="(-?\d+)"/.exec(line);
    if (f) sizes.set(f[1], Number(f[2]) / ZOOM);
    const t = /<text [^>]*font="(\d+)"[^>]*>(.*)<\/text>/.exec(line);
    if (t && page) {
      const text = decode(t[2].replace(/<[^>]+>/g, '')).trim();
      if (text) page.runs.push({ size: sizes.get(t[1]) ?? NaN, text });
    }
  }
  return pages;
}

/**
 * Pairs of words printed over each other (unreadable). A word's box runs from the font's ascent to its
 * descent, so the boxes of two lines of one paragraph touch by a sliver; printed-over text shares most of its
 * height. `share` is how much of the lower box's height counts as printed over.
 */
export function overlappingWords(page: PdfPage, share = 0.4): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].yMin < a.yMax; j++) {
      const b = words[j];
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (dx > 0.5 && dy > share * height) found.push([a, b]);
    }
  }
  return found;
}

/** Horizontal stroked lines of page `page` (1-based), read from pdftocairo's SVG of it. */
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
    out.push({ x1: a * Math.min(x1, x2) + e, x2: a * Math.max(x1, x2) + e, y: d * y1 + f });
  }
  return out;
}

/** The box of a run of consecutive words on one line of the page (a phrase), or undefined. */
export function phrase(page: PdfPage, text: string): PdfWord | undefined {
  const parts = text.split(' ');
  const words = page.words;
  for (let i = 0; i + parts.length <= words.length; i++) {
    const run = words.slice(i, i + parts.length);
    if (run.every((w, j) => w.text === parts[j]) && run.every((w) => Math.abs(w.yMin - run[0].yMin) < 1))
      return {
        text,
        xMin: run[0].xMin,
        yMin: Math.min(...run.map((w) => w.yMin)),
        xMax: run[run.length - 1].xMax,
        yMax: Math.max(...run.map((w) => w.yMax)),
      };
  }
  return undefined;
}
