/**
 * The docs by audience (issue 24, item 6): a short README that shows the two set-up lines and links every
 * doc, and links that lead somewhere. Every relative link and picture in README.md and docs/*.md must name a
 * file that exists, and a link to a heading (#…) a heading that exists, with GitHub's heading anchors. And the
 * reliability part still lists, per command of the CLI, what it refuses and what it never does (issue 20).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_SPECS } from '../src/cli/main';

const root = path.resolve(__dirname, '..');
const readDoc = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');
const README = 'README.md';
const DOCS = fs
  .readdirSync(path.join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`)
  .sort();

/** Markdown without its fenced code blocks and code spans, where a "[x](y)" is text, not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of every inline link and picture: `[text](target)`, `![alt](target "title")`. */
function linkTargets(markdown: string): string[] {
  const link = /!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
  return [...withoutCode(markdown).matchAll(link)].map((m) => m[1]);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2… */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const noFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of noFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = m[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, '')
      .normalize('NFC');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Every relative link of a markdown file that does not lead to an existing file, or heading, as text. */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(readDoc(file))) {
    if (isExternal(target)) continue;
    const [rawPath, rawAnchor] = target.split('#', 2);
    const targetFile = rawPath
      ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(rawPath)))
      : file;
    if (!fs.existsSync(path.join(root, targetFile))) {
      broken.push(`${file}: ${target} (no file ${targetFile})`);
      continue;
    }
    if (rawAnchor === undefined) continue;
    const anchor = decodeURIComponent(rawAnchor).normalize('NFC');
    if (!targetFile.endsWith('.md') || !headingAnchors(readDoc(targetFile)).has(anchor))
      broken.push(`${file}: ${target} (no heading #${anchor} in ${targetFile})`);
  }
  return broken;
}

describe('the README', () => {
  const readme = readDoc(README);

  it('is under 200 lines', () => {
    expect(readme.split('\n').length).toBeLessThan(200);
  });

  it('shows the two set-up lines: the demo, and every test', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm run setup:test && npm test');
  });

  it('links every doc and the CHANGELOG', () => {
    const linked = new Set(
      linkTargets(readme)
        .filter((t) => !isExternal(t))
        .map((t) => path.normalize(decodeURIComponent(t.split('#')[0]))),
    );
    expect(DOCS.length).toBeGreaterThan(0);
    const missing = [...DOCS, 'CHANGELOG.md'].filter((doc) => !linked.has(path.normalize(doc)));
    expect(missing).toEqual([]);
  });
});

describe('links in the docs', () => {
  it.each([README, ...DOCS])('%s: every relative link and picture leads to a file, and heading', (file) => {
    expect(linkTargets(readDoc(file)).length).toBeGreaterThan(0);
    expect(brokenLinks(file)).toEqual([]);
  });

  it('finds a broken file link, a broken picture and a broken heading link', () => {
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, 'test-output', 'docs-'));
    try {
      const rel = path.relative(root, path.join(dir, 'probe.md'));
      fs.writeFileSync(
        path.join(dir, 'probe.md'),
        [
          '# Một tiêu đề (thử)',
          '[ok](#một-tiêu-đề-thử) [ok](../../README.md#set-up) `[code](nowhere.md)`',
          '[gone](nowhere.md) ![gone](screenshots/nowhere.png) [gone](../../README.md#no-such-heading)',
        ].join('\n'),
      );
      expect(brokenLinks(rel).map((b) => b.split(' (')[0])).toEqual([
        `${rel}: nowhere.md`,
        `${rel}: screenshots/nowhere.png`,
        `${rel}: ../../README.md#no-such-heading`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the reliability part (issue 20)', () => {
  it('lists, for every command of the CLI, what it writes, refuses and never does', () => {
    const limits = readDoc('docs/limits-and-benchmarks.md');
    const header = limits.split('\n').find((l) => /^\|\s*command\s*\|\s*writes\s*\|\s*refuses/.test(l));
    expect(header).toBeDefined();
    const rows = new Map(
      limits
        .split('\n')
        .filter((l) => /^\|\s*`[a-z]+`\s*\|/.test(l))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((cells) => [cells[1].replace(/`/g, ''), cells.slice(2, 5)] as const),
    );
    for (const command of Object.keys(COMMAND_SPECS)) {
      const cells = rows.get(command);
      expect({ command, cells: cells?.every((c) => c.length > 0) }).toEqual({ command, cells: true });
    }
  });
});
