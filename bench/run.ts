/**
 * `npm run bench`: one table of figures, all measured in this run (issue 5, part 1), printed and saved to
 * bench/RESULTS.md. Not a test: nothing here runs in `npm test`.
 *
 *   npm run bench              100 / 1,000 / 5,000 / 20,000 rows (a few minutes), then the hostile corpus
 *                              and the files at every limit (issue 13), each through check and report
 *   npm run bench -- --quick   100 / 1,000 rows, one run each, the hostile corpus only (a smoke test)
 *   npm run bench -- --hostile the hostile corpus and the files at every limit only
 *   npm run bench -- --every-command  the files at every limit and the 20,000-row tracker through every command
 *                              (check, fix, report, rollover, consolidate: issue 20); its section of
 *                              bench/RESULTS.md is replaced in place
 *   npm run bench -- --browser the web app (dist/app/) in Chromium against cchc on one 5,000-row tracker only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBrowser, type BrowserMeasure } from './browserBench';
import { measureCompute, type ComputeMeasure } from './computeBench';
import {
  measureCliStartup,
  measureFiles,
  rssMethod,
  type FileMeasure,
  type ProcessMeasure,
} from './fileBench';
import { measureConsolidate, type ConsolidateMeasure } from './consolidateBench';
import { EVERY_COMMAND, measureHostile, type HostileMeasure } from './hostileBench';
import { writeTrackerWorkbook } from './makeWorkbook';
import { measureOfficeActions, type OfficeAction, type OfficeMeasure } from './officeBench';
import { TASK_TEXT_LENGTH } from './seeds';

const MB = 1024 * 1024;
const FOUR_MB = 4 * MB;
const FIVE_MB = 5 * MB;

const quick = process.argv.includes('--quick');
const hostileOnly = process.argv.includes('--hostile');
const everyCommandOnly = process.argv.includes('--every-command');
const browserOnly = process.argv.includes('--browser');
/** The web app's tracker (issue 23: 5,000 rows, at most 2× the CLI). */
const BROWSER_ROWS = quick ? 1000 : 5000;
const BROWSER_GOAL = 2;
const OFFICE_ROWS = quick ? [100, 1000] : [100, 1000, 5000, 20_000];
const FILE_ROWS = quick ? [1000] : [1000, 5000, 20_000];
const COMPUTE_ROWS = quick ? 1000 : 20_000;
/** Communes' workbooks of 48 rows consolidated in one run (issue 12). */
const CONSOLIDATE_FILES = [100, 1000];
/** The goal for 100 files, in milliseconds. */
const CONSOLIDATE_GOAL_MS = 10_000;
const RUNS = quick ? 1 : 3;

const ACTION_LABEL: Record<OfficeAction, string> = {
  init: 'Khởi tạo (initTracker)',
  check: 'Kiểm tra dữ liệu (checkTracker)',
  report: 'Tổng hợp báo cáo (compileReport)',
  settings: 'Lưu cài đặt (saveSettings)',
  reportCold: 'Tổng hợp báo cáo, sổ vừa mở (cold)',
};

const count = (n: number): string => n.toLocaleString('en-US');
const bytes = (b: number): string =>
  b < 1024
    ? `${Math.round(b)} B`
    : b < 0.01 * MB
      ? `${(b / 1024).toFixed(1)} KB`
      : `${(b / MB).toFixed(2)} MB`;
const ms = (t: number): string =>
  t < 1000 ? `${t.toFixed(t < 10 ? 1 : 0)} ms` : `${(t / 1000).toFixed(2)} s`;
const rss = (b: number): string => `${Math.round(b / MB)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

function machine(): string[] {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: keep os.cpus()'s model
  }
  return [
    `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ` +
      `Node.js ${process.version}, ${os.type()} ${os.release()}`,
    `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      `${quick ? ' (--quick: fewer sizes, one run each)' : ''}; tracker rows of the plan repeated, ` +
      `${TASK_TEXT_LENGTH}-character task texts; peak RSS by ${rssMethod()}`,
  ];
}

type Row = [string, string, string, string, string, string, string, string, string, string];

const HEADER: Row = [
  'Part',
  'Action',
  'Rows',
  'Syncs',
  'Proxy ops',
  'Largest request / sync',
  'Largest response / sync',
  'Time',
  'Peak RSS',
  'vs ExcelJS floor',
];

function officeRow(m: OfficeMeasure): Row {
  const syncs =
    m.refused === 0 ? count(m.syncs) : `${m.syncs} (${m.refused} refused: ${bytes(m.largestRefused)})`;
  return [
    'Office.js, fake Excel',
    ACTION_LABEL[m.action],
    count(m.rows),
    syncs,
    count(m.operations),
    bytes(m.largestRequest),
    bytes(m.largestResponse),
    '',
    '',
    '',
  ];
}

function processRow(label: string, rows: string, p: ProcessMeasure, floor?: ProcessMeasure): Row {
  const vs = floor ? `${ratio(p.wallMs, floor.wallMs)} time, ${ratio(p.peakRss, floor.peakRss)} RSS` : '';
  return ['File (.xlsx), CLI', label, rows, '', '', '', '', ms(p.wallMs), rss(p.peakRss), vs];
}

function consolidateRow(m: ConsolidateMeasure): Row {
  return [
    'Many communes, CLI',
    `cchc consolidate (${count(m.files)} files of 48 rows, ${bytes(m.inputBytes)})`,
    count(m.files * 48),
    '',
    '',
    '',
    '',
    ms(m.run.wallMs),
    rss(m.run.peakRss),
    '',
  ];
}

function computeRow(m: ComputeMeasure): Row {
  return ['Pure compute', m.step, count(m.rows), '', '', '', '', ms(m.ms), '', ''];
}

function markdownTable(rows: readonly Row[]): string {
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i].length), HEADER[i].length));
  const line = (r: Row): string => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}

function consolidateGoals(m: ConsolidateMeasure[]): string[] {
  const hundred = m.find((x) => x.files === 100);
  const thousand = m.find((x) => x.files === 1000);
  const out: string[] = [];
  if (hundred)
    out.push(
      `- Many communes: 100 workbooks consolidated in ${ms(hundred.run.wallMs)} (goal ≤ 10 s on 2 cores): ` +
        `${hundred.run.wallMs <= CONSOLIDATE_GOAL_MS ? 'met' : 'NOT met'}.`,
    );
  if (hundred && thousand)
    out.push(
      `- Many communes: peak RSS ${rss(hundred.run.peakRss)} at 100 files, ${rss(thousand.run.peakRss)} at 1,000 ` +
        `(${ratio(thousand.run.peakRss, hundred.run.peakRss)} for 10× the files). Apart (bench/consolidateProbe.ts, ` +
        `the same code in a tsx process): reading the files peaks at ${rss(hundred.probe.readPeakRss)} for 100 and ` +
        `${rss(thousand.probe.readPeakRss)} for 1,000 (${ratio(thousand.probe.readPeakRss, hundred.probe.readPeakRss)}: ` +
        `one file at a time); writing the table, a row per commune and per overdue task, takes the peak to ` +
        `${rss(hundred.probe.peakRss)} and ${rss(thousand.probe.peakRss)}.`,
    );
  return out;
}

function goals(office: OfficeMeasure[][], files: FileMeasure[]): string[] {
  const all = office.flat();
  const small = all.filter((m) => m.rows <= 5000 && m.action !== 'reportCold');
  const worstSmall = Math.max(...small.map((m) => m.syncs));
  const cold = all.filter((m) => m.rows <= 5000 && m.action === 'reportCold');
  const worstCold = Math.max(...cold.map((m) => m.syncs));
  const largestRequest = Math.max(...all.map((m) => m.largestRequest));
  const largestResponse = Math.max(...all.map((m) => m.largestResponse));
  const refused = all.reduce((n, m) => n + m.refused, 0);
  const out = [
    `- Office.js, up to 5,000 rows: at most ${worstSmall} syncs an action, one to read and one to write (goal ≤ 2): ${worstSmall <= 2 ? 'met' : 'NOT met'}.`,
    `- Office.js, the first action on a workbook just opened (the adapter knows nothing of it yet): ${worstCold} syncs, the one more to find the sheets.`,
    `- Office.js, every size up to 20,000 rows: ${refused} request${refused === 1 ? '' : 's'} refused for size (goal 0): ${refused === 0 ? 'met' : 'NOT met'}.`,
    `- Office.js, every size: largest request ${bytes(largestRequest)} (goal ≤ 4 MB): ` +
      `${largestRequest <= FOUR_MB ? 'met' : 'NOT met'}; largest accepted response ${bytes(largestResponse)} ` +
      `(Excel on the web refuses > 5 MB): ${largestResponse <= FIVE_MB ? 'met' : 'NOT met'}.`,
  ];
  const big = all.filter((m) => m.rows > 5000 && m.action === 'init');
  for (const m of big) {
    out.push(
      `- Office.js, ${count(m.rows)} rows: init sent ${bytes(m.totalRequest)} in ${m.syncs} syncs ` +
        `(${bytes(m.totalRequest / m.syncs)} a sync on average): syncs follow the payload, not the rows.`,
    );
  }
  if (files.length > 0) {
    const worst = files.reduce((a, b) =>
      a.cchc.wallMs / a.floor.wallMs > b.cchc.wallMs / b.floor.wallMs ? a : b,
    );
    const r = worst.cchc.wallMs / worst.floor.wallMs;
    out.push(
      `- File path: cchc report at most ${r.toFixed(2)}× the ExcelJS floor's time (${count(worst.rows)} rows; ` +
        `goal ≤ 1.5×): ${r <= 1.5 ? 'met' : 'NOT met'}.`,
    );
  }
  return out;
}

const GB = 1024 * MB;
const HOSTILE_TIME_GOAL_MS = 5000;

function hostileTable(measures: readonly HostileMeasure[]): string {
  const header = ['Case', 'File', 'Command', 'Exit', 'Wall', 'CPU', 'Peak RSS', 'Load', 'Refused with'];
  const rows = measures.map((m) => [
    `\`${m.id}\``,
    bytes(m.fileBytes),
    m.command,
    m.exit === null ? 'killed' : String(m.exit),
    ms(m.wallMs),
    ms(m.cpuMs),
    rss(m.peakRss),
    m.load.toFixed(1),
    m.said ? `${m.said.replace(/\|/g, '/')}…` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The run of `group` that costs the most of `key`. */
function most(group: readonly HostileMeasure[], key: 'peakRss' | 'cpuMs' | 'wallMs'): HostileMeasure {
  return group.reduce((a, b) => (a[key] >= b[key] ? a : b));
}

/**
 * One verdict against ≤ 1 GB and ≤ 5 s: peak RSS, and CPU time (user + system), which is what the command
 * costs on a core of its own; the wall time is stated beside it with the load it was measured under.
 */
function boundsVerdict(label: string, group: readonly HostileMeasure[]): string {
  const biggest = most(group, 'peakRss');
  const busiest = most(group, 'cpuMs');
  const slowest = most(group, 'wallMs');
  const over = group.filter((m) => m.peakRss > GB || m.cpuMs > HOSTILE_TIME_GOAL_MS);
  return (
    `- ${label}: largest peak RSS ${rss(biggest.peakRss)} (\`${biggest.id}\` ${biggest.command}; goal ≤ 1 GB): ` +
    `${biggest.peakRss <= GB ? 'met' : 'NOT met'}; most CPU ${ms(busiest.cpuMs)} (\`${busiest.id}\` ` +
    `${busiest.command}; goal ≤ 5 s): ${busiest.cpuMs <= HOSTILE_TIME_GOAL_MS ? 'met' : 'NOT met'}; slowest wall ` +
    `${ms(slowest.wallMs)} (\`${slowest.id}\` ${slowest.command}, load ${slowest.load.toFixed(1)}). ` +
    `${over.length} of ${group.length} runs over a bound` +
    (over.length ? `: ${over.map((m) => `\`${m.id}\` ${m.command}`).join(', ')}.` : '.')
  );
}

function hostileGoals(measures: readonly HostileMeasure[]): string[] {
  const out: string[] = [];
  for (const [label, group] of [
    ['Hostile corpus', measures.filter((m) => !m.atLimit)],
    ['Files at every limit', measures.filter((m) => m.atLimit)],
  ] as const) {
    if (!group.length) continue;
    const cases = new Set(group.map((m) => m.id)).size;
    const exits = group.every((m) => m.exit === 0 || m.exit === 1 || m.exit === 2);
    out.push(
      `- ${label}: ${cases} cases, check and report each; every run ended with exit 0, 1 or 2: ` +
        `${exits ? 'yes' : 'NO'}.`,
      boundsVerdict(`${label}, bounds`, group),
    );
  }
  return out;
}

function loadAverage(): string {
  const [one, five] = os.loadavg();
  return `load average ${one.toFixed(1)} / ${five.toFixed(1)} (1 / 5 min) on ${os.cpus().length} cores`;
}

async function hostileSection(): Promise<string[]> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  log(`Hostile corpus${quick ? '' : ' and files at every limit'} (issue 13)…`);
  const load = loadAverage();
  const hostile = await measureHostile(!quick);
  return [
    '## Hostile input (issue 13)',
    '',
    `Each case built at run time (test/corpus/hostile.ts), then \`cchc check --json\` and \`cchc report --out\``,
    `in a child process with a 1 GB V8 heap; one run each; ${load} when it started.`,
    '',
    hostileTable(hostile),
    '',
    ...hostileGoals(hostile),
  ];
}

const EVERY_COMMAND_HEADING = '## Every command at the limits (issue 20)';

async function everyCommandSection(): Promise<string[]> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  log('Every command on the files at every limit and the 20,000-row tracker (issue 20)…');
  const load = loadAverage();
  const measures = await measureHostile(true, EVERY_COMMAND, 'limits', [
    {
      id: 'tracker-20000-rows',
      title: 'A tracker of 20,000 rows',
      build: (file) => writeTrackerWorkbook(20_000, file),
    },
  ]);
  const commands = EVERY_COMMAND.map((c) => {
    const group = measures.filter((m) => m.command === c);
    const top = most(group, 'peakRss');
    const busy = most(group, 'cpuMs');
    const slow = most(group, 'wallMs');
    return (
      `- \`cchc ${c}\`: largest peak RSS ${rss(top.peakRss)} (\`${top.id}\`), most CPU ${ms(busy.cpuMs)} ` +
      `(\`${busy.id}\`), slowest wall ${ms(slow.wallMs)} (\`${slow.id}\`, load ${slow.load.toFixed(1)}).`
    );
  });
  const exits = measures.every((m) => m.exit === 0 || m.exit === 1 || m.exit === 2);
  return [
    EVERY_COMMAND_HEADING,
    '',
    `Each file just inside every limit (test/corpus/hostile.ts atLimitCases) and a 20,000-row tracker, through`,
    '`cchc check --json`, `cchc fix` (listing), `cchc report --out`, `cchc rollover --to 2027 --out` and',
    '`cchc consolidate FILE --out`, each in a child process with a 1 GB V8 heap; one run each; ' +
      `${load} when it started.`,
    "Wall: the child's elapsed time. CPU: its user + system time, what it costs on a core of its own. Load: the",
    "machine's 1-minute load average when the run started (the wall time grows with it on a shared machine).",
    '',
    hostileTable(measures),
    '',
    ...commands,
    `- Every run ended with exit 0, 1 or 2: ${exits ? 'yes' : 'NO'}.`,
    boundsVerdict('Every command, every file (goal: each ≤ 1 GB and ≤ 5 s)', measures),
  ];
}

/** Replaces (or appends) the every-command section of bench/RESULTS.md, leaving the rest as measured. */
function saveEveryCommandSection(section: string[]): string {
  const results = path.join(__dirname, 'RESULTS.md');
  const text = readFileSync(results, 'utf8');
  const at = text.indexOf(EVERY_COMMAND_HEADING);
  const before = at < 0 ? `${text.trimEnd()}\n\n` : text.slice(0, at);
  const rest = at < 0 ? '' : text.slice(at + EVERY_COMMAND_HEADING.length);
  const next = rest.indexOf('\n## ');
  const after = next < 0 ? '' : rest.slice(next + 1);
  writeFileSync(results, `${before}${section.join('\n')}\n${after ? `\n${after}` : ''}`);
  return results;
}

function browserSection(m: BrowserMeasure): string[] {
  const ratio = m.totalMs / m.cli.wallMs;
  return [
    '## The web app in Chromium against the CLI (issue 23)',
    '',
    `One ${count(m.rows)}-row tracker (${bytes(m.fileBytes)}), the production build of dist/app/ in Debian's Chromium`,
    '(headless), timed in the page; `cchc report --out` on the same file as a child process (Node start-up',
    'included), alternated with the browser runs. Medians.',
    '',
    '| Step | Time |',
    '| --- | ---: |',
    `| Open the file (file input → the pane's overview) | ${ms(m.openMs)} |`,
    `| Tổng hợp báo cáo (click → its message) | ${ms(m.reportMs)} |`,
    `| Tải về (click → the .xlsx offered) | ${ms(m.downloadMs)} |`,
    `| **Web app: open, report, save** | **${ms(m.totalMs)}** |`,
    `| cchc report --out (open, report, write) | ${ms(m.cli.wallMs)} |`,
    '',
    `- Web app: ${ratio.toFixed(2)}× the CLI's time on ${count(m.rows)} rows: ` +
      `${ratio <= BROWSER_GOAL ? 'within' : 'OVER'} the goal of ${BROWSER_GOAL}×.`,
  ];
}

async function main(): Promise<void> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  if (browserOnly) {
    log(`Web app in Chromium: ${count(BROWSER_ROWS)} rows, ${RUNS} runs…`);
    process.stdout.write(`${browserSection(await measureBrowser(BROWSER_ROWS, RUNS)).join('\n')}\n`);
    return;
  }
  if (everyCommandOnly) {
    const section = await everyCommandSection();
    process.stdout.write(`${section.join('\n')}\n`);
    log(`Saved to ${path.relative(process.cwd(), saveEveryCommandSection(section))}`);
    return;
  }
  if (hostileOnly) {
    const text = [...machine(), '', ...(await hostileSection())].join('\n');
    process.stdout.write(`${text}\n`);
    return;
  }
  const office: OfficeMeasure[][] = [];
  for (const rows of OFFICE_ROWS) {
    log(`Office.js on the fake: ${count(rows)} rows…`);
    office.push(await measureOfficeActions(rows));
  }
  log(`Pure compute: ${count(COMPUTE_ROWS)} rows…`);
  const compute = measureCompute(COMPUTE_ROWS, quick ? 1 : 5);
  log('CLI start-up…');
  const startup = measureCliStartup(RUNS);
  log(`File path: ${FILE_ROWS.map(count).join(', ')} rows, ${RUNS} runs each…`);
  const files = await measureFiles(FILE_ROWS, RUNS);
  log(`Many communes: ${CONSOLIDATE_FILES.map(count).join(', ')} workbooks, ${RUNS} runs each…`);
  const consolidated = await measureConsolidate(CONSOLIDATE_FILES, RUNS);
  log(`Web app in Chromium: ${count(BROWSER_ROWS)} rows, ${RUNS} runs…`);
  const browser = await measureBrowser(BROWSER_ROWS, RUNS);

  const rows: Row[] = [
    ...office.flat().map(officeRow),
    processRow('cchc --help (start-up only: Node and modules)', '', startup),
    ...files.flatMap((f): Row[] => [
      processRow(`cchc report (${bytes(f.fileBytes)} file)`, count(f.rows), f.cchc, f.floor),
      processRow('ExcelJS load + writeBuffer (the floor)', count(f.rows), f.floor),
    ]),
    ...consolidated.map(consolidateRow),
    ...compute.map(computeRow),
  ];
  const text = [
    ...machine(),
    '',
    markdownTable(rows),
    '',
    'Time: median of the runs (wall clock, child process). Peak RSS: highest of the runs. Syncs, proxy ops and',
    'bytes: counted by the fake Excel API (JSON of what would cross the wire, in the shape Office.js sends:',
    'actions and object paths; results by action); a refused sync is one whose request or response would',
    'pass 5 MB. The adapter sizes every read before asking for its values, so none should be.',
    '',
    ...goals(office, files),
    ...consolidateGoals(consolidated),
    '',
    ...browserSection(browser),
    '',
    ...(await hostileSection()),
    '',
    ...(quick ? [] : await everyCommandSection()),
  ].join('\n');
  process.stdout.write(`${text}\n`);
  const results = path.join(__dirname, 'RESULTS.md');
  writeFileSync(
    results,
    `<!-- Generated by \`npm run bench\` (bench/run.ts); do not edit by hand. -->\n\n# Benchmark results\n\n${text}\n`,
  );
  log(`Saved to ${path.relative(process.cwd(), results)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
