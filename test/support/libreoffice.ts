/**
 * LibreOffice Calc as the independent spreadsheet in tests: recalculate a workbook, print it to PDF, or
 * export every sheet as CSV; and LibreOffice Writer as the independent word processor: print a .docx to PDF,
 * or save it again as .odt or .docx.
 *
 * - Each test process gets its own fresh profile (a LibreOffice user installation) whose
 *   registrymodifications.xcu sets Calc to always recalculate on load (Formula/Load OOXMLRecalcMode = 0),
 *   so no stored formula result survives conversion.
 * - Runs are serialized within a process: a profile is locked while soffice uses it.
 * - A missing tool (soffice, pdftotext, pdftohtml) or font fails the test with one line saying what to
 *   install, never skips it: `npm run setup:test` installs them all (scripts/test-setup.sh).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The first start initialises the profile (≈20 s); big workbooks take a while too. */
const CONVERSION_TIMEOUT_MS = 180_000;

const SOFFICE = process.env.SOFFICE ?? 'soffice';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** CSV of every sheet, UTF-8, comma-separated, values as shown (LibreOffice's token string). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

let profileDir: Promise<string> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function profile(): Promise<string> {
  profileDir ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-lo-profile-'));
    await fs.mkdir(path.join(dir, 'user'), { recursive: true });
    await fs.writeFile(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS, 'utf8');
    return dir;
  })();
  return profileDir;
}

/** Runs one soffice conversion at a time. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function convert(inputPath: string | string[], outDir: string, convertTo: string): Promise<string> {
  const inputs = (Array.isArray(inputPath) ? inputPath : [inputPath]).map((p) => path.resolve(p));
  const out = path.resolve(outDir);
  if (inputs.some((input) => path.dirname(input) === out)) {
    throw new Error(`LibreOffice would overwrite its input: choose an outDir other than ${out}`);
  }
  await fs.mkdir(out, { recursive: true });
  const dir = await profile();
  const args = [
    `-env:UserInstallation=file://${dir}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    convertTo,
    '--outdir',
    out,
    ...inputs,
  ];
  return serialized(
    () =>
      new Promise<string>((resolve, reject) => {
        execFile(
          SOFFICE,
          args,
          { timeout: CONVERSION_TIMEOUT_MS + 5_000 * inputs.length },
          (error, stdout, stderr) => {
            if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
              reject(
                new Error(
                  `LibreOffice (${SOFFICE}) is not installed: run "npm run setup:test" (Debian package libreoffice-calc-nogui), or set SOFFICE`,
                ),
              );
            } else if (error) {
              reject(new Error(`soffice ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
            } else {
              resolve(`${stdout}\n${stderr}`);
            }
          },
        );
      }),
  );
}

async function expectFile(file: string, log: string): Promise<string> {
  try {
    await fs.access(file);
    return file;
  } catch {
    throw new Error(`LibreOffice did not write ${file}:\n${log}`);
  }
}

/**
 * Opens `xlsxPath` in LibreOffice with every formula recalculated, saves it as .xlsx in `outDir` (same base
 * name), and returns the path of that file.
 */
export async function recalcWithLibreOffice(xlsxPath: string, outDir: string): Promise<string> {
  const log = await convert(xlsxPath, outDir, 'xlsx:Calc MS Excel 2007 XML');
  return expectFile(path.join(path.resolve(outDir), `${path.parse(xlsxPath).name}.xlsx`), log);
}

/**
 * Recalculates many workbooks in one LibreOffice run (one start-up for all) and returns the paths of the
 * recalculated copies, in order.
 */
export async function recalcAllWithLibreOffice(xlsxPaths: string[], outDir: string): Promise<string[]> {
  const log = await convert(xlsxPaths, outDir, 'xlsx:Calc MS Excel 2007 XML');
  return Promise.all(
    xlsxPaths.map((p) => expectFile(path.join(path.resolve(outDir), `${path.parse(p).name}.xlsx`), log)),
  );
}

/** The fonts with Times New Roman's and Calibri's metrics: without them LibreOffice prints unlike Excel. */
const PRINT_FONTS: [family: string, debianPackage: string][] = [
  ['Liberation Serif', 'fonts-liberation'],
  ['Carlito', 'fonts-crosextra-carlito'],
];
let printFontsChecked: Promise<void> | undefined;

function requirePrintFonts(): Promise<void> {
  printFontsChecked ??= runTool('fc-list', [':', 'family']).then((families) => {
    const missing = PRINT_FONTS.filter(([family]) => !families.toLowerCase().includes(family.toLowerCase()));
    if (missing.length) {
      throw new Error(
        `The fonts ${missing.map(([f]) => f).join(', ')} are not installed: run "npm run setup:test" (Debian packages ${missing.map(([, p]) => p).join(' ')})`,
      );
    }
  });
  return printFontsChecked;
}

/** Prints `xlsxPath` to PDF in `outDir` (print areas, page setup and headers as LibreOffice applies them). */
export async function toPdf(xlsxPath: string, outDir: string): Promise<string> {
  await requirePrintFonts();
  const log = await convert(xlsxPath, outDir, 'pdf:calc_pdf_Export');
  return expectFile(path.join(path.resolve(outDir), `${path.parse(xlsxPath).name}.pdf`), log);
}

/** Prints many workbooks to PDF in one LibreOffice run (one start-up for all); returns the PDFs, in order. */
export async function toPdfAll(xlsxPaths: string[], outDir: string): Promise<string[]> {
  await requirePrintFonts();
  const log = await convert(xlsxPaths, outDir, 'pdf:calc_pdf_Export');
  return Promise.all(
    xlsxPaths.map((p) => expectFile(path.join(path.resolve(outDir), `${path.parse(p).name}.pdf`), log)),
  );
}

/**
 * A Basic macro for typing into a sheet as a user does: it reads a job file (UTF-8: the workbook, the PDF to
 * write, the cell, then the text's lines), sets the cell's text through the API, the way Calc's own input
 * line sets it (rows of automatic height are fitted to it), and prints the first sheet to PDF.
 */
const TYPE_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="CchcTest" script:language="StarBasic">
Sub TypeAndPrint(job As String)
  Dim sfa As Object, inp As Object, doc As Object, cell As Object
  sfa = createUnoService(&quot;com.sun.star.ucb.SimpleFileAccess&quot;)
  inp = createUnoService(&quot;com.sun.star.io.TextInputStream&quot;)
  inp.setInputStream(sfa.openFileRead(ConvertToURL(job)))
  inp.setEncoding(&quot;UTF-8&quot;)
  Dim inUrl As String, outUrl As String, addr As String, text As String
  inUrl = ConvertToURL(inp.readLine())
  outUrl = ConvertToURL(inp.readLine())
  addr = inp.readLine()
  text = &quot;&quot;
  Do While Not inp.isEOF()
    If text &lt;&gt; &quot;&quot; Then text = text &amp; Chr(10)
    text = text &amp; inp.readLine()
  Loop
  inp.closeInput()
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  cell = doc.Sheets.getByIndex(0).getCellRangeByName(addr)
  cell.setString(text)
  Dim f(0) As New com.sun.star.beans.PropertyValue
  f(0).Name = &quot;FilterName&quot;
  f(0).Value = &quot;calc_pdf_Export&quot;
  doc.storeToURL(outUrl, f())
  doc.close(True)
End Sub
</script:module>
`;

const LIBRARIES = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`;

const library = (elements: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
${elements.map((e) => ` <library:element library:name="${e}"/>`).join('\n')}
</library:library>
`;

/** Writes the macro into the profile's Standard library (once per profile). */
async function installTypeMacro(dir: string): Promise<void> {
  const basic = path.join(dir, 'user', 'basic');
  await fs.mkdir(path.join(basic, 'Standard'), { recursive: true });
  await fs.writeFile(path.join(basic, 'script.xlc'), LIBRARIES, 'utf8');
  await fs.writeFile(path.join(basic, 'dialog.xlc'), LIBRARIES, 'utf8');
  await fs.writeFile(path.join(basic, 'Standard', 'script.xlb'), library(['CchcTest']), 'utf8');
  await fs.writeFile(path.join(basic, 'Standard', 'dialog.xlb'), library([]), 'utf8');
  await fs.writeFile(path.join(basic, 'Standard', 'CchcTest.xba'), TYPE_MACRO, 'utf8');
}

/**
 * Opens `xlsxPath` in LibreOffice Calc, types `text` (lines joined by line breaks, as Ctrl+Enter makes them)
 * into `cell` of its first sheet, and prints that sheet to `pdfPath`, as an officer who types the report's
 * missing words in Calc and prints it.
 */
export async function typeAndPrint(
  xlsxPath: string,
  cell: string,
  text: string,
  pdfPath: string,
): Promise<string> {
  await requirePrintFonts();
  const dir = await profile();
  // A profile's first start writes its own Standard library over one written before: start it once first.
  try {
    await fs.access(path.join(dir, 'user', 'basic', 'Standard', 'script.xlb'));
  } catch {
    await convert(xlsxPath, path.join(path.dirname(path.resolve(pdfPath)), 'first-start'), CSV_FILTER);
  }
  await installTypeMacro(dir);
  const job = path.join(path.dirname(path.resolve(pdfPath)), `${path.parse(pdfPath).name}.job.txt`);
  await fs.mkdir(path.dirname(job), { recursive: true });
  await fs.writeFile(job, [path.resolve(xlsxPath), path.resolve(pdfPath), cell, text].join('\n'), 'utf8');
  const args = [
    `-env:UserInstallation=file://${dir}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    `macro:///Standard.CchcTest.TypeAndPrint("${job}")`,
  ];
  const log = await serialized(
    () =>
      new Promise<string>((resolve, reject) => {
        execFile(SOFFICE, args, { timeout: CONVERSION_TIMEOUT_MS }, (error, stdout, stderr) => {
          if (error)
            reject(new Error(`soffice ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
          else resolve(`${stdout}\n${stderr}`);
        });
      }),
  );
  return expectFile(path.resolve(pdfPath), log);
}

/** Writer's library beside soffice: without the Writer package, LibreOffice cannot open a .docx. */
async function requireWriter(): Promise<void> {
  const soffice = await runTool('sh', ['-c', `readlink -f "$(command -v '${SOFFICE}')"`]).catch(() => '');
  const program = path.dirname(soffice.trim());
  try {
    await fs.access(path.join(program, 'libswlo.so'));
  } catch {
    throw new Error(
      `LibreOffice Writer is not installed beside ${SOFFICE}: run "npm run setup:test" (Debian package libreoffice-writer-nogui)`,
    );
  }
}

/**
 * Opens each .docx in LibreOffice Writer (one start-up for all) and saves it as `format` ('pdf', 'odt' or
 * 'docx') in `outDir` (same base name); returns the paths written, in order. A missing Writer fails with one
 * line saying what to install.
 */
export async function convertDocuments(
  docxPaths: string[],
  outDir: string,
  format: 'pdf' | 'odt' | 'docx',
): Promise<string[]> {
  await requireWriter();
  if (format === 'pdf') await requirePrintFonts();
  const filter = { pdf: 'pdf:writer_pdf_Export', odt: 'odt:writer8', docx: 'docx:MS Word 2007 XML' }[format];
  const log = await convert(docxPaths, outDir, filter);
  return Promise.all(
    docxPaths.map((p) => expectFile(path.join(path.resolve(outDir), `${path.parse(p).name}.${format}`), log)),
  );
}

/**
 * Every sheet of `xlsxPath` as CSV text (values as displayed, after recalculation), by sheet name.
 * LibreOffice writes one file per sheet, named "<base>-<sheet>.csv".
 */
export async function sheetCsv(xlsxPath: string, outDir: string): Promise<Record<string, string>> {
  const base = path.parse(xlsxPath).name;
  const out = path.resolve(outDir);
  await fs.mkdir(out, { recursive: true });
  const before = new Set(await fs.readdir(out));
  const log = await convert(xlsxPath, outDir, CSV_FILTER);
  const result: Record<string, string> = {};
  for (const file of await fs.readdir(out)) {
    if (before.has(file) || !file.startsWith(`${base}-`) || !file.endsWith('.csv')) continue;
    result[file.slice(base.length + 1, -4)] = await fs.readFile(path.join(out, file), 'utf8');
  }
  if (!Object.keys(result).length) throw new Error(`LibreOffice wrote no CSV for ${xlsxPath}:\n${log}`);
  return result;
}

/** The Debian package of each tool `runTool` runs, named when the tool is missing. */
const TOOL_PACKAGES: Record<string, string> = {
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftohtml: 'poppler-utils',
  pdftocairo: 'poppler-utils',
  'fc-list': 'fontconfig',
  sh: 'dash',
};

/** Runs a command-line tool (pdfinfo, pdftotext, fc-list) and returns its standard output. */
export function runTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        const debian = TOOL_PACKAGES[command] ? ` (Debian package ${TOOL_PACKAGES[command]})` : '';
        reject(new Error(`${command} is not installed: run "npm run setup:test"${debian}`));
      } else if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Removes this process's LibreOffice profile (call from afterAll). */
export async function disposeLibreOffice(): Promise<void> {
  if (!profileDir) return;
  const dir = await profileDir;
  profileDir = undefined;
  await serialized(() => fs.rm(dir, { recursive: true, force: true }));
}
