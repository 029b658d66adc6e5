import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkManifest, checkManifestText, readPngSize } from '../bin/validate-manifest';

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
    expect(manifest).toContain('<FunctionName>compileReportCommand</FunctionName>');
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
    const result = checkEdited('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html');
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

  it('a FunctionName that src/commands does not register', () => {
    const result = checkEdited(
      '<FunctionName>compileReportCommand</FunctionName>',
      '<FunctionName>compileReport</FunctionName>',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/FunctionName "compileReport" is not registered/),
        expect.stringMatching(/no ribbon button runs "compileReportCommand"/),
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
