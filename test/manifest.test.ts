import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BaseUrlError, manifestFor, manifestVersion, resolveBaseUrl } from '../bin/addin-manifest';
import { packageAddin } from '../bin/package-addin';
import {
  checkManifest,
  checkManifestText,
  defaultManifests,
  EXPECTED,
  readPngSize,
} from '../bin/validate-manifest';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.xml');
const manifest = fs.readFileSync(manifestPath, 'utf8');

/** Checks a variant of the real manifest; fails the test if the edit did not apply. */
function checkEdited(from: string | RegExp, to: string) {
  const edited = manifest.replace(from, to);
  expect(edited).not.toBe(manifest);
  return checkManifestText(edited, { rootDir: root });
}

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    const result = checkManifest(manifestPath);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toContain('2 nút lệnh');
    expect(result.summary).toContain('bản phát triển / development https://localhost:3000/');
  });

  it('declares the Vietnamese Excel task pane add-in the plan needs', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(manifest).toContain('<DisplayName DefaultValue="Theo dõi Kế hoạch CCHC"/>');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toContain('DefaultValue="Kế hoạch CCHC"');
    expect(manifest).toContain('DefaultValue="Bảng theo dõi"');
    expect(manifest).toContain('DefaultValue="Tổng hợp báo cáo"');
    expect(manifest).toContain('<TaskpaneId>ButtonId1</TaskpaneId>');
    // Both buttons open the one task pane; "Tổng hợp báo cáo" opens it to run the report there.
    expect(manifest).toContain('DefaultValue="https://localhost:3000/taskpane.html?action=report"');
    expect(manifest).not.toContain('ExecuteFunction');
    expect(manifest).not.toContain('<FunctionFile');
    expect(manifest.match(/<TaskpaneId>ButtonId1<\/TaskpaneId>/g)).toHaveLength(2);
  });

  it.each([16, 32, 64, 80, 128])('assets/icon-%i.png is a real PNG of that size', (size) => {
    const png = readPngSize(fs.readFileSync(path.join(root, 'assets', `icon-${size}.png`)));
    expect(png).toEqual({ width: size, height: size });
  });
});

describe('the manifest checker catches', () => {
  it('malformed XML', () => {
    const result = checkEdited('</Permissions>', '</Permission>');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/not well-formed/);
  });

  it('a resid with no resource', () => {
    const result = checkEdited(/\s*<bt:String id="ReportButton.Label"[^>]*\/>/, '');
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/resid "ReportButton.Label" is not defined/)]),
    );
  });

  it('a resid naming a resource of the wrong kind', () => {
    const result = checkEdited('<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>');
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/resid "TaskpaneButton.Tooltip" is not defined .*ShortStrings/),
      ]),
    );
  });

  it('an http URL', () => {
    const result = checkEdited(
      'https://localhost:3000/taskpane.html?action=report',
      'http://localhost:3000/taskpane.html?action=report',
    );
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(/must use https/)]));
  });

  it('a missing icon file', () => {
    const result = checkEdited('assets/icon-80.png', 'assets/icon-99.png');
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/icon-99\.png does not exist/)]),
    );
  });

  it('an icon of the wrong pixel size', () => {
    const result = checkEdited(
      '<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/icon-16\.png is 16×16 px, must be 32×32/)]),
    );
  });

  it('English or template text', () => {
    const english = checkEdited('DefaultValue="Bảng theo dõi"', 'DefaultValue="Show Taskpane"');
    expect(english.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/TaskpaneButton.Label: template text/),
        expect.stringMatching(/TaskpaneButton.Label: not Vietnamese/),
      ]),
    );
    const contoso = checkEdited(
      '<ProviderName>UBND xã Long Điền A</ProviderName>',
      '<ProviderName>Contoso</ProviderName>',
    );
    expect(contoso.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/ProviderName: template text/)]),
    );
  });

  it('a label too long for Office', () => {
    const result = checkEdited(
      'DefaultValue="Kế hoạch CCHC"/>',
      `DefaultValue="${'Kế hoạch '.repeat(20)}"/>`,
    );
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(/at most 125 allowed/)]));
  });

  it('an ExcelApi requirement below 1.9', () => {
    const result = checkEdited(
      '<Set Name="ExcelApi" MinVersion="1.9"/>',
      '<Set Name="ExcelApi" MinVersion="1.7"/>',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/ExcelApi MinVersion must be 1.9/)]),
    );
  });

  it('a FunctionName that src/commands does not register, and no button running the report in the pane', () => {
    const result = checkEdited(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="TaskpaneReport.Url"\/>\s*<Title resid="Taskpane.Title"\/>\s*<\/Action>/,
      '<Action xsi:type="ExecuteFunction"><FunctionName>compileReport</FunctionName></Action>',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/FunctionName "compileReport" is not registered/),
        expect.stringMatching(/ExecuteFunction needs a <FunctionFile>/),
        expect.stringMatching(/no ribbon button opens the task pane to run the report/),
      ]),
    );
  });

  it("a <Version> other than package.json's", () => {
    const result = checkEdited(`<Version>${EXPECTED.version}</Version>`, '<Version>9.9.9.9</Version>');
    expect(result.problems).toEqual([
      `<Version> must follow package.json (${EXPECTED.version}), found "9.9.9.9": npm run build writes it`,
    ]);
  });

  it("a URL outside the task pane's base (another origin for a page or an icon)", () => {
    const result = checkEdited(
      '<bt:Url id="TaskpaneReport.Url" DefaultValue="https://localhost:3000/',
      '<bt:Url id="TaskpaneReport.Url" DefaultValue="https://other.example/',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/is not under the task pane's base https:\/\/localhost:3000\//),
      ]),
    );
  });

  it('a ShowTaskpane button with the wrong TaskpaneId', () => {
    const result = checkEdited('<TaskpaneId>ButtonId1</TaskpaneId>', '<TaskpaneId>Pane</TaskpaneId>');
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/TaskpaneId> must be ButtonId1/)]),
    );
  });

  it('elements out of schema order', () => {
    const result = checkEdited(
      /(<Permissions>ReadWriteDocument<\/Permissions>)(\s*)(<VersionOverrides[\s\S]*<\/VersionOverrides>)/,
      '$3$2$1',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/<Permissions> is out of order/)]),
    );
  });
});

const BASE = 'https://example.org/cchc/';
const version = manifestVersion(
  (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
);

/** A build output as `npm run build` leaves it (the page, the icons, the manifest for BASE), in a temp folder. */
function fakeDist(xml = manifestFor(manifest, { baseUrl: BASE, version })): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-dist-'));
  fs.writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><html lang="vi"></html>');
  fs.writeFileSync(path.join(dir, 'taskpane.abc.js'), '');
  fs.writeFileSync(path.join(dir, 'taskpane.abc.js.map'), '{}');
  fs.mkdirSync(path.join(dir, 'assets'));
  for (const size of [16, 32, 64, 80])
    fs.copyFileSync(
      path.join(root, 'assets', `icon-${size}.png`),
      path.join(dir, 'assets', `icon-${size}.png`),
    );
  fs.writeFileSync(path.join(dir, 'manifest.xml'), xml);
  return dir;
}

describe('the manifest for a host (manifestFor)', () => {
  const shipped = manifestFor(manifest, { baseUrl: BASE, version: '1.2.3.0' });

  it('moves every URL under the base URL and sets the version, leaving no localhost', () => {
    expect(shipped).not.toMatch(/localhost/i);
    const urls = [...shipped.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(9);
    expect(urls.filter((url) => !url.startsWith(BASE))).toEqual([]);
    expect(shipped).toContain(
      `<bt:Url id="TaskpaneReport.Url" DefaultValue="${BASE}taskpane.html?action=report"/>`,
    );
    expect(shipped).toContain('<Version>1.2.3.0</Version>');
    // Nothing else changes.
    const withoutComments = (xml: string) => xml.replace(/\s*<!--[\s\S]*?-->/g, '');
    expect(shipped).toContain(
      `<!-- Written by npm run build from manifest.xml for the add-in's files at ${BASE} -->`,
    );
    expect(
      withoutComments(shipped)
        .split(BASE)
        .join('https://localhost:3000/')
        .replace('1.2.3.0', EXPECTED.version),
    ).toBe(withoutComments(manifest));
  });

  it('refuses to ship a local URL it cannot move', () => {
    expect(() =>
      manifestFor(
        manifest.replace('https://localhost:3000/assets/icon-80.png', 'https://127.0.0.1:8080/i.png'),
        {
          baseUrl: BASE,
          version,
        },
      ),
    ).toThrow(/local URL the build cannot move: https:\/\/127\.0\.0\.1:8080\/i\.png/);
  });

  it('takes the version from package.json as x.y.z.0', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('2.10.3-beta.1')).toBe('2.10.3.0');
    expect(() => manifestVersion('1.0')).toThrow(/not x\.y\.z/);
    expect(EXPECTED.version).toBe(version);
    expect(manifest).toContain(`<Version>${version}</Version>`);
  });
});

describe('the public base URL of a production build (resolveBaseUrl)', () => {
  it('comes from --env base, else ADDIN_BASE_URL, and ends with "/"', () => {
    expect(resolveBaseUrl(undefined, 'https://example.org/cchc')).toBe('https://example.org/cchc/');
    expect(resolveBaseUrl('https://a.example/x/', 'https://b.example/')).toBe('https://a.example/x/');
    expect(resolveBaseUrl(undefined, ' https://example.org ')).toBe('https://example.org/');
  });

  it.each([
    ['missing', undefined, /^Thiếu địa chỉ gốc của add-in: .*ADDIN_BASE_URL=/],
    ['not a URL', 'example.org/cchc', /không phải là một địa chỉ URL/],
    ['http', 'http://example.org/cchc/', /không dùng https/],
    ['localhost', 'https://localhost:3000/', /localhost chỉ dành cho npm run dev-server/],
    ['127.0.0.1', 'https://127.0.0.1/', /người dùng không mở được/],
    ['a query', 'https://example.org/cchc/?v=1', /không được có \?…/],
  ])('is refused, in one line saying what to set, when %s', (_label, value, message) => {
    let error: unknown;
    try {
      resolveBaseUrl(undefined, value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BaseUrlError);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text).toContain('ADDIN_BASE_URL=https://');
    expect(text).not.toContain('\n');
  });

  it('stops `webpack --mode production` at once with that one line, when ADDIN_BASE_URL is not set', () => {
    const env = { ...process.env };
    delete env.ADDIN_BASE_URL;
    const run = spawnSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', os.tmpdir()],
      { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Thiếu địa chỉ gốc của add-in: .*ADDIN_BASE_URL=/);
  });

  it('keeps localhost for development builds and the dev server', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { baseUrlFor } = require('../webpack.config.js') as {
      baseUrlFor(env: object, production: boolean, serving: boolean, environment: object): string;
    };
    expect(baseUrlFor({}, false, false, {})).toBe('https://localhost:3000/');
    expect(baseUrlFor({ WEBPACK_SERVE: true }, true, true, {})).toBe('https://localhost:3000/');
    expect(baseUrlFor({}, true, false, { ADDIN_BASE_URL: BASE })).toBe(BASE);
    expect(() => baseUrlFor({}, true, false, {})).toThrow(BaseUrlError);
  });
});

describe('validating the shipped manifest', () => {
  let dist: string;
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('passes a build for the host: pages and icons found in the output, under the base URL', () => {
    dist = fakeDist();
    const result = checkManifest(path.join(dist, 'manifest.xml'));
    expect(result.problems).toEqual([]);
    expect(result.summary).toContain(`bản phát hành / shipped ${BASE}`);
  });

  it('refuses localhost in a shipped manifest (the development one copied as is)', () => {
    dist = fakeDist(manifest);
    const result = checkManifest(path.join(dist, 'manifest.xml'));
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /a shipped manifest must not point at localhost:3000, .*build with ADDIN_BASE_URL/,
        ),
      ]),
    );
  });

  it('finds an icon or a page missing from the build output', () => {
    dist = fakeDist();
    fs.rmSync(path.join(dist, 'assets', 'icon-80.png'));
    fs.rmSync(path.join(dist, 'taskpane.html'));
    const result = checkManifest(path.join(dist, 'manifest.xml'), { shipped: true });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /icon file assets\/icon-80\.png does not exist \(https:\/\/example\.org\/cchc\/assets/,
        ),
        expect.stringMatching(/the build has no page taskpane\.html/),
      ]),
    );
  });

  it('checks the development manifest, and the built one when there is a build, by default', () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cwd-'));
    expect(defaultManifests(dist)).toEqual(['manifest.xml']);
    fs.mkdirSync(path.join(dist, 'dist'));
    fs.writeFileSync(path.join(dist, 'dist', 'manifest.xml'), '');
    expect(defaultManifests(dist)).toEqual(['manifest.xml', path.join('dist', 'manifest.xml')]);
  });
});

describe('npm run package (packageAddin)', () => {
  let dist: string;
  let out: string;
  afterEach(() => {
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('makes one archive: web/ to upload (no manifest, no source maps) and the manifest for the administrator', () => {
    dist = fakeDist();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-out-'));
    const archive = packageAddin({ distDir: dist, outDir: out, version: '0.1.0' });
    expect(path.basename(archive)).toBe('cchc-addin-0.1.0.tar.gz');
    const entries = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' })
      .split('\n')
      .filter((e) => e && !e.endsWith('/'))
      .sort();
    expect(entries).toEqual([
      'cchc-addin-0.1.0/manifest.xml',
      'cchc-addin-0.1.0/web/assets/icon-16.png',
      'cchc-addin-0.1.0/web/assets/icon-32.png',
      'cchc-addin-0.1.0/web/assets/icon-64.png',
      'cchc-addin-0.1.0/web/assets/icon-80.png',
      'cchc-addin-0.1.0/web/taskpane.abc.js',
      'cchc-addin-0.1.0/web/taskpane.html',
    ]);
  });

  it('refuses a build whose manifest still points at localhost', () => {
    dist = fakeDist(manifest);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-out-'));
    expect(() => packageAddin({ distDir: dist, outDir: out, version: '0.1.0' })).toThrow(/localhost/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
