#!/usr/bin/env node
// Offline check of the add-in only manifests: the development one (manifest.xml, localhost) and the one that
// ships (dist/manifest.xml, written by `npm run build` for the public host). Microsoft's validator
// (office-addin-manifest validate) posts the manifest to an online service, and neither that package nor
// office-addin-manifest-converter ships the XSD files, so no schema validation runs offline; this check needs
// nothing but the repository. It checks what breaks an add-in in practice: malformed XML, elements out of
// schema order, resids with no resource, icons that are missing or of the wrong pixel size, http URLs, URLs
// outside the one base the pages are served from (the dialog and every page same-origin), localhost in a
// shipped manifest, a <Version> other than package.json's, untranslated template text, a too-low ExcelApi
// requirement, and ribbon buttons whose ExecuteFunction name is not registered by src/commands.
//
//   node bin/validate-manifest.js [manifest.xml …]   exit 0 = valid, 1 = problems (each listed)
//   (no argument: manifest.xml, and dist/manifest.xml when a build is there)
//
// A manifest is "shipped" when the built pages lie next to it (taskpane.html): then its pages and icons must
// be those files, under the base URL, and no URL may be local.
//
// Used by test/manifest.test.ts through `checkManifest` / `checkManifestText`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');
const { isLocalHost, manifestVersion } = require('./addin-manifest');

const REPO_ROOT = path.resolve(__dirname, '..');

const NS_OFFICE_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OVERRIDES = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_BASIC_TYPES = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

/** What this add-in's manifest must declare. */
const EXPECTED = {
  defaultLocale: 'vi-VN',
  host: 'Workbook',
  permissions: 'ReadWriteDocument',
  minExcelApi: '1.9',
  taskpaneId: 'ButtonId1',
  /** No ExecuteFunction button: the report runs in the task pane (docs/office-js.md, "The ribbon"). */
  functionNames: [],
  /** The query a ShowTaskpane button adds to the pane's page to run the report as it opens. */
  reportQuery: '?action=report',
  /** <Version> must be package.json's version as x.y.z.0. */
  version: manifestVersion(require('../package.json').version),
};

// Child order of the elements we use, from the XSDs (OfficeAppManifestV1_1.xsd for the TaskPaneApp,
// TaskPaneAppVersionOverridesV1_0.xsd and OfficeAppBasicTypesV1_0.xsd for the rest). Office refuses to load a
// manifest whose elements are out of this order.
const ORDER = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
  ],
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'WebApplicationInfo',
    'EquivalentAddins',
    'VersionOverrides',
  ],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action', 'Items'],
  Supertip: ['Title', 'Description'],
  ShowTaskpane: ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESID_MAX = 32;
const IMAGE_BYTES_MAX = 100 * 1024;

/** Letters that only Vietnamese writing has (lower case; the check folds case). */
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
/** Leftovers of Microsoft's project template (yo office) and other placeholder text. */
const TEMPLATE_TEXT =
  /contoso|lorem ipsum|\bsample\b|\btemplate\b|your add-?in|show task ?pane|perform an action|get started with your/i;
const GUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;
const VERSION = /^\d{1,5}(?:\.\d{1,5}){0,3}$/;

// ---------------------------------------------------------------------------------------------------------
// A small element tree on top of fast-xml-parser's ordered output.

/**
 * @typedef {{ name: string, attrs: Record<string, string>, children: XmlNode[], text: string, parent: XmlNode | null }} XmlNode
 */

/** @returns {XmlNode[]} */
function toNodes(items, parent) {
  const nodes = [];
  for (const item of items) {
    const name = Object.keys(item).find((key) => key !== ':@');
    if (!name || name === '#text' || name === '#comment' || name.startsWith('?')) continue;
    /** @type {XmlNode} */
    const node = { name, attrs: item[':@'] || {}, children: [], text: '', parent };
    const content = item[name];
    node.children = toNodes(content, node);
    node.text = content
      .filter((child) => Object.prototype.hasOwnProperty.call(child, '#text'))
      .map((child) => String(child['#text']))
      .join('')
      .trim();
    nodes.push(node);
  }
  return nodes;
}

/** The element name without its namespace prefix. */
const localName = (name) => name.slice(name.indexOf(':') + 1);
const childrenNamed = (node, name) => (node ? node.children.filter((c) => c.name === name) : []);
const child = (node, name) => childrenNamed(node, name)[0];
const xsiType = (node) => (node ? node.attrs['xsi:type'] : undefined);

function walk(node, visit) {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

/** "OfficeApp/VersionOverrides/Hosts/Host" — where a node is, for messages. */
function where(node) {
  const parts = [];
  for (let n = node; n; n = n.parent) {
    const id = n.attrs.id ? `[@id=${n.attrs.id}]` : '';
    parts.unshift(`${n.name}${id}`);
  }
  return parts.join('/');
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Width and height from a PNG's IHDR chunk, or an error text. */
function readPngSize(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((byte, i) => buffer[i] !== byte))
    return { error: 'not a PNG file' };
  if (buffer.toString('ascii', 12, 16) !== 'IHDR') return { error: 'PNG without an IHDR chunk' };
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** Function names registered with Office.actions.associate("name", …) in the given folder (recursively). */
function registeredFunctionNames(dir) {
  const names = new Set();
  if (!fs.existsSync(dir)) return names;
  const pattern = /Office\.actions\.associate\(\s*(['"`])([^'"`]+)\1/g;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(?:ts|tsx|js)$/.test(entry.name) || /\.test\./.test(entry.name)) continue;
    const text = fs.readFileSync(path.join(entry.parentPath || entry.path, entry.name), 'utf8');
    for (const match of text.matchAll(pattern)) names.add(match[2]);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Checks manifest text. `rootDir` is the repository root: icon URLs map to files under it by their path
 * (https://host/assets/icon-16.png → assets/icon-16.png), pages (*.html) to their webpack templates in
 * src/taskpane or src/commands, and `src/commands` is searched for Office.actions.associate calls.
 *
 * The checks run in the order below, each adding to `problems` (and `warnings`) in turn, so the messages come
 * out in the same order as the manifest reads.
 *
 * @param {string} xml
 * @param {{ rootDir: string, commandsDir?: string }} options
 * @returns {{ ok: boolean, problems: string[], warnings: string[], summary: string }}
 */
function checkManifestText(xml, options) {
  const rootDir = path.resolve(options.rootDir);
  const commandsDir = options.commandsDir
    ? path.resolve(options.commandsDir)
    : path.join(rootDir, 'src', 'commands');
  /** What every check shares: where the files are, and the lists it adds to. */
  const shipped = options.shipped ?? fs.existsSync(path.join(rootDir, 'taskpane.html'));
  const ctx = { rootDir, commandsDir, shipped, baseUrl: '', problems: [], warnings: [], icons: [] };
  const result = (summary) => ({
    ok: ctx.problems.length === 0,
    problems: ctx.problems,
    warnings: ctx.warnings,
    summary,
  });

  const root = parseManifest(xml, ctx.problems);
  if (!root) return result('');
  checkRootElement(root, ctx.problems);
  checkGeneralElements(root, ctx.problems);
  /** Every user-visible text: [label for messages, text, max length]. */
  const texts = [
    ['ProviderName', textOf(root, 'ProviderName'), SHORT_STRING_MAX],
    ['DisplayName', valueOf(root, 'DisplayName'), SHORT_STRING_MAX],
    ['Description', valueOf(root, 'Description'), LONG_STRING_MAX],
  ];
  checkRequirements(root, ctx.problems);
  ctx.baseUrl = baseUrlOf(root);
  checkUrls(root, ctx);
  const taskpaneUrl = checkDefaultSource(root, ctx);
  checkAppIcons(root, ctx);
  const { buttons, resourceCount } = checkVersionOverrides(child(root, 'VersionOverrides'), {
    ...ctx,
    taskpaneUrl,
    texts,
  });
  checkTexts(texts, ctx.problems);

  const uniqueIcons = new Set(ctx.icons).size;
  return result(
    `${buttons} nút lệnh / buttons, ${resourceCount} tài nguyên / resources, ${uniqueIcons} biểu tượng / icons, ` +
      `ExcelApi ≥ ${EXPECTED.minExcelApi}, ${ctx.shipped ? 'bản phát hành / shipped' : 'bản phát triển / development'} ${ctx.baseUrl}`,
  );
}

/** The text of the root's child element `name` ('' when absent). */
const textOf = (root, name) => (child(root, name) ? child(root, name).text : '');
/** The DefaultValue of the root's child element `name` ('' when absent). */
const valueOf = (root, name) => (child(root, name) ? child(root, name).attrs.DefaultValue || '' : '');

/** The <OfficeApp> element of well-formed XML, or undefined after reporting why there is none. */
function parseManifest(xml, problems) {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    problems.push(`XML is not well-formed (line ${line}, column ${col}): ${msg}`);
    return undefined;
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toNodes(parser.parse(xml), null);
  const root = roots[0];
  if (!root || root.name !== 'OfficeApp') {
    problems.push('the root element must be <OfficeApp>');
    return undefined;
  }
  return root;
}

/** The root's namespaces and type, and the schema order of every element. */
function checkRootElement(root, problems) {
  if (root.attrs.xmlns !== NS_OFFICE_APP) problems.push(`<OfficeApp> must have xmlns="${NS_OFFICE_APP}"`);
  if (root.attrs['xmlns:bt'] !== NS_BASIC_TYPES)
    problems.push(`<OfficeApp> must declare xmlns:bt="${NS_BASIC_TYPES}"`);
  if (xsiType(root) !== 'TaskPaneApp') problems.push('<OfficeApp> must have xsi:type="TaskPaneApp"');
  walk(root, (node) => checkOrder(node, problems));
}

/** Id, Version, ProviderName, DefaultLocale, Permissions and Hosts. */
function checkGeneralElements(root, problems) {
  const textOfRoot = (name) => textOf(root, name);
  if (!GUID.test(textOfRoot('Id'))) problems.push(`<Id> must be a GUID, found "${textOfRoot('Id')}"`);
  if (!VERSION.test(textOfRoot('Version')))
    problems.push(`<Version> must look like 1.0.0.0, found "${textOfRoot('Version')}"`);
  else if (textOfRoot('Version') !== EXPECTED.version) {
    problems.push(
      `<Version> must follow package.json (${EXPECTED.version}), found "${textOfRoot('Version')}": npm run build writes it`,
    );
  }
  if (!textOfRoot('ProviderName')) problems.push('<ProviderName> is missing or empty');
  if (textOfRoot('DefaultLocale') !== EXPECTED.defaultLocale) {
    problems.push(
      `<DefaultLocale> must be ${EXPECTED.defaultLocale}, found "${textOfRoot('DefaultLocale')}"`,
    );
  }
  if (textOfRoot('Permissions') !== EXPECTED.permissions) {
    problems.push(`<Permissions> must be ${EXPECTED.permissions}, found "${textOfRoot('Permissions')}"`);
  }
  const hostNames = childrenNamed(child(root, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (!hostNames.includes(EXPECTED.host))
    problems.push(`<Hosts> must contain <Host Name="${EXPECTED.host}"/>`);
}

/** The ExcelApi requirement set, at EXPECTED.minExcelApi or higher. */
function checkRequirements(root, problems) {
  const sets = child(child(root, 'Requirements'), 'Sets');
  const excelSet = childrenNamed(sets, 'Set').find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelSet) {
    problems.push(`<Requirements> must contain <Set Name="ExcelApi" MinVersion="${EXPECTED.minExcelApi}"/>`);
    return;
  }
  const min = excelSet.attrs.MinVersion || sets.attrs.DefaultMinVersion || '1.1';
  if (!/^\d+\.\d+$/.test(min) || compareVersions(min, EXPECTED.minExcelApi) < 0) {
    problems.push(`ExcelApi MinVersion must be ${EXPECTED.minExcelApi} or higher, found "${min}"`);
  }
}

/**
 * The base URL every page and icon is served from: the task pane's page (<DefaultSettings><SourceLocation>)
 * up to its last "/" ('' when there is none or it is not a URL).
 */
function baseUrlOf(root) {
  const source = child(child(root, 'DefaultSettings'), 'SourceLocation');
  try {
    const url = new URL(source ? source.attrs.DefaultValue || '' : '');
    return `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`;
  } catch {
    return '';
  }
}

/**
 * Every URL in the manifest: valid, https, not template text, under the base URL (so the pages, and the
 * dialogs they open, share one origin), and not local in a shipped manifest.
 */
function checkUrls(root, ctx) {
  const { problems } = ctx;
  const urls = [];
  walk(root, (node) => {
    const name = localName(node.name);
    if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url'].includes(name)) {
      if (node.attrs.DefaultValue !== undefined) urls.push({ node, url: node.attrs.DefaultValue });
      for (const o of childrenNamed(node, 'Override').concat(childrenNamed(node, 'bt:Override'))) {
        urls.push({ node, url: o.attrs.Value || '' });
      }
    }
    if (name === 'AppDomain') urls.push({ node, url: node.text });
  });
  for (const { node, url } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where(node)}: "${url}" is not a valid URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${where(node)}: URL must use https, found "${url}"`);
    if (TEMPLATE_TEXT.test(url)) problems.push(`${where(node)}: URL still points at template text: "${url}"`);
    if (ctx.shipped && isLocalHost(parsed.hostname)) {
      problems.push(
        `${where(node)}: a shipped manifest must not point at ${parsed.host}, found "${url}": build with ADDIN_BASE_URL`,
      );
    }
    if (ctx.baseUrl && !url.startsWith(ctx.baseUrl) && localName(node.name) !== 'SupportUrl') {
      problems.push(
        `${where(node)}: "${url}" is not under the task pane's base ${ctx.baseUrl} (pages and dialogs must share one origin)`,
      );
    }
  }
}

/** The task pane's page (<DefaultSettings><SourceLocation>): present, with its template. Returns its URL. */
function checkDefaultSource(root, ctx) {
  const defaultSource = child(child(root, 'DefaultSettings'), 'SourceLocation');
  const taskpaneUrl = defaultSource ? defaultSource.attrs.DefaultValue : '';
  if (!taskpaneUrl) ctx.problems.push('<DefaultSettings><SourceLocation DefaultValue="…"/> is missing');
  else checkPage(taskpaneUrl, 'DefaultSettings/SourceLocation', ctx);
  return taskpaneUrl;
}

/** An icon file: present, at most 100 KB, a PNG of `size`×`size` px when a size is given. */
function checkIcon(url, size, label, ctx) {
  const file = localFileFor(url, ctx);
  if (!file) return; // already reported as a bad URL
  ctx.icons.push(file);
  const rel = path.relative(ctx.rootDir, file);
  if (!fs.existsSync(file)) {
    ctx.problems.push(`${label}: icon file ${rel} does not exist (${url})`);
    return;
  }
  const buffer = fs.readFileSync(file);
  if (buffer.length > IMAGE_BYTES_MAX) ctx.problems.push(`${label}: ${rel} is larger than 100 KB`);
  const png = readPngSize(buffer);
  if (png.error) ctx.problems.push(`${label}: ${rel} is ${png.error}`);
  else if (size !== undefined && (png.width !== size || png.height !== size)) {
    ctx.problems.push(`${label}: ${rel} is ${png.width}×${png.height} px, must be ${size}×${size}`);
  }
}

/** <IconUrl> (32 px) and <HighResolutionIconUrl> (64 px). */
function checkAppIcons(root, ctx) {
  if (valueOf(root, 'IconUrl')) checkIcon(valueOf(root, 'IconUrl'), 32, 'IconUrl', ctx);
  else ctx.problems.push('<IconUrl> is missing (32×32 PNG)');
  if (valueOf(root, 'HighResolutionIconUrl'))
    checkIcon(valueOf(root, 'HighResolutionIconUrl'), 64, 'HighResolutionIconUrl', ctx);
  else ctx.problems.push('<HighResolutionIconUrl> is missing (64×64 PNG)');
}

/**
 * <VersionOverrides>: its namespace and type, the resources, the resids that name them, the host and the
 * ribbon buttons. Adds the resources' texts to `ctx.texts`. Returns how many buttons and resources it has.
 */
function checkVersionOverrides(overrides, ctx) {
  const { problems } = ctx;
  if (!overrides) {
    problems.push('<VersionOverrides> is missing: no ribbon buttons');
    return { buttons: 0, resourceCount: 0 };
  }
  if (overrides.attrs.xmlns !== NS_OVERRIDES)
    problems.push(`<VersionOverrides> must have xmlns="${NS_OVERRIDES}"`);
  if (xsiType(overrides) !== 'VersionOverridesV1_0') {
    problems.push('<VersionOverrides> must have xsi:type="VersionOverridesV1_0"');
  }
  const { defined, resourceCount } = readResources(child(overrides, 'Resources'), ctx);
  const { used, imageSizes } = resolveResids(overrides, defined, problems);
  checkResourcesUsed(defined, used, imageSizes, ctx);
  const functionFile = checkHost(overrides, problems);
  const buttons = checkControls(overrides, defined, functionFile, ctx);
  return { buttons, resourceCount };
}

/** The resources by kind (id → element), each id present, short enough and unique within its kind. */
function readResources(resources, ctx) {
  const { problems, texts } = ctx;
  const kinds = {
    Images: 'bt:Images',
    Urls: 'bt:Urls',
    ShortStrings: 'bt:ShortStrings',
    LongStrings: 'bt:LongStrings',
  };
  /** @type {Record<string, Map<string, XmlNode>>} */
  const defined = {};
  let resourceCount = 0;
  for (const [kind, element] of Object.entries(kinds)) {
    defined[kind] = new Map();
    for (const item of child(resources, element) ? child(resources, element).children : []) {
      const id = item.attrs.id;
      if (!id) {
        problems.push(`${where(item)}: resource without an id`);
        continue;
      }
      if (id.length > RESID_MAX)
        problems.push(`${where(item)}: id "${id}" is longer than ${RESID_MAX} characters`);
      if (defined[kind].has(id)) problems.push(`${where(item)}: duplicate ${kind} id "${id}"`);
      defined[kind].set(id, item);
      resourceCount++;
      if (kind === 'ShortStrings')
        texts.push([`ShortString ${id}`, item.attrs.DefaultValue || '', SHORT_STRING_MAX]);
      if (kind === 'LongStrings')
        texts.push([`LongString ${id}`, item.attrs.DefaultValue || '', LONG_STRING_MAX]);
    }
  }
  return { defined, resourceCount };
}

/** Every resid resolves, to a resource of the right kind; images at a size Office supports. */
function resolveResids(overrides, defined, problems) {
  const used = { Images: new Set(), Urls: new Set(), ShortStrings: new Set(), LongStrings: new Set() };
  /** @type {Map<string, Set<number>>} image id → sizes it is used at */
  const imageSizes = new Map();
  walk(overrides, (node) => {
    const resid = node.attrs.resid;
    if (resid === undefined) return;
    const kind = residKind(node);
    const candidates = kind ? [kind] : Object.keys(defined);
    const found = candidates.find((k) => defined[k].has(resid));
    if (!found) {
      problems.push(
        `${where(node)}: resid "${resid}" is not defined in <Resources>${kind ? ` (bt:${kind})` : ''}`,
      );
      return;
    }
    used[found].add(resid);
    if (found === 'Images') {
      const size = Number(node.attrs.size);
      if (![16, 20, 24, 32, 40, 48, 64, 80].includes(size)) {
        problems.push(`${where(node)}: icon size "${node.attrs.size}" is not one Office supports`);
      }
      if (!imageSizes.has(resid)) imageSizes.set(resid, new Set());
      imageSizes.get(resid).add(size);
    }
  });
  return { used, imageSizes };
}

/** Unused resources (a warning), each image's file at the one size it is used at, each page URL's template. */
function checkResourcesUsed(defined, used, imageSizes, ctx) {
  for (const [kind, ids] of Object.entries(defined)) {
    for (const id of ids.keys())
      if (!used[kind].has(id)) ctx.warnings.push(`resource "${id}" (bt:${kind}) is never used`);
  }
  for (const [id, item] of defined.Images) {
    const sizes = [...(imageSizes.get(id) || [])];
    if (sizes.length > 1) ctx.problems.push(`image "${id}" is used at several sizes: ${sizes.join(', ')}`);
    checkIcon(item.attrs.DefaultValue || '', sizes.length === 1 ? sizes[0] : undefined, `image "${id}"`, ctx);
  }
  for (const [id, item] of defined.Urls) checkPage(item.attrs.DefaultValue || '', `URL "${id}"`, ctx);
}

/** The Workbook host with its DesktopFormFactor. Returns the form factor's <FunctionFile>, if any. */
function checkHost(overrides, problems) {
  const host = child(child(overrides, 'Hosts'), 'Host');
  if (!host || xsiType(host) !== EXPECTED.host) {
    problems.push(`<VersionOverrides><Hosts> must contain <Host xsi:type="${EXPECTED.host}">`);
  }
  const formFactor = child(host, 'DesktopFormFactor');
  if (host && !formFactor) problems.push('<Host> must contain <DesktopFormFactor>');
  return child(formFactor, 'FunctionFile');
}

/** Controls: unique ids, complete buttons, and the buttons this add-in needs. Returns how many buttons. */
function checkControls(overrides, defined, functionFile, ctx) {
  const { problems } = ctx;
  const ids = new Map();
  const controls = [];
  walk(overrides, (node) => {
    if (['Group', 'Control'].includes(node.name)) {
      const id = node.attrs.id;
      if (!id) problems.push(`${where(node)}: id is missing`);
      else if (ids.has(id)) problems.push(`${where(node)}: id "${id}" is used twice`);
      else ids.set(id, node);
    }
    if (node.name === 'Control') controls.push(node);
  });
  const registered = registeredFunctionNames(ctx.commandsDir);
  const urlOf = (resid) => (defined.Urls.get(resid) ? defined.Urls.get(resid).attrs.DefaultValue : undefined);
  let buttons = 0;
  let showTaskpane = 0;
  let reportPane = 0;
  const executed = new Set();
  for (const control of controls) {
    if (xsiType(control) !== 'Button') continue;
    buttons++;
    for (const required of ['Label', 'Supertip', 'Icon', 'Action']) {
      if (!child(control, required)) problems.push(`${where(control)}: <${required}> is missing`);
    }
    const action = child(control, 'Action');
    const type = xsiType(action);
    if (type === 'ShowTaskpane') {
      showTaskpane++;
      if (checkShowTaskpane(control, action, urlOf, ctx).endsWith(EXPECTED.reportQuery)) reportPane++;
    } else if (type === 'ExecuteFunction') {
      const name = child(action, 'FunctionName') ? child(action, 'FunctionName').text : '';
      executed.add(name);
      checkExecuteFunction(control, name, registered, functionFile, ctx);
    } else {
      problems.push(`${where(control)}: unknown action type "${type}"`);
    }
  }
  if (showTaskpane === 0)
    problems.push('no ribbon button opens the task pane (Action xsi:type="ShowTaskpane")');
  if (reportPane === 0) {
    problems.push(
      `no ribbon button opens the task pane to run the report (ShowTaskpane with the pane's page + "${EXPECTED.reportQuery}")`,
    );
  }
  for (const name of EXPECTED.functionNames) {
    if (!executed.has(name))
      problems.push(`no ribbon button runs "${name}" (Action xsi:type="ExecuteFunction")`);
  }
  return buttons;
}

/**
 * A ShowTaskpane button: the expected TaskpaneId (one pane, reused), and the same page as <DefaultSettings>,
 * a query apart. Returns the URL it opens ('' when none).
 */
function checkShowTaskpane(control, action, urlOf, ctx) {
  const taskpaneId = child(action, 'TaskpaneId') ? child(action, 'TaskpaneId').text : '';
  if (taskpaneId !== EXPECTED.taskpaneId) {
    ctx.problems.push(
      `${where(control)}: <TaskpaneId> must be ${EXPECTED.taskpaneId}, found "${taskpaneId}"`,
    );
  }
  const source = child(action, 'SourceLocation');
  const url = source ? urlOf(source.attrs.resid) : undefined;
  if (url && ctx.taskpaneUrl && url.split('?')[0] !== ctx.taskpaneUrl.split('?')[0]) {
    ctx.problems.push(`${where(control)}: opens ${url}, but <DefaultSettings> says ${ctx.taskpaneUrl}`);
  }
  return url || '';
}

/** An ExecuteFunction button: a function name registered in src/commands, and a <FunctionFile>. */
function checkExecuteFunction(control, name, registered, functionFile, ctx) {
  const { problems, rootDir, commandsDir } = ctx;
  if (!name) problems.push(`${where(control)}: <FunctionName> is missing`);
  else if (!registered.has(name)) {
    problems.push(
      `${where(control)}: FunctionName "${name}" is not registered with Office.actions.associate("${name}", …) in ${path.relative(rootDir, commandsDir) || '.'}`,
    );
  }
  if (!functionFile)
    problems.push(`${where(control)}: ExecuteFunction needs a <FunctionFile> in <DesktopFormFactor>`);
}

/** Texts: Vietnamese, no template leftovers, within length, in NFC. */
function checkTexts(texts, problems) {
  for (const [label, text, max] of texts) {
    if (!text) {
      problems.push(`${label}: text is empty`);
      continue;
    }
    if (text.length > max) problems.push(`${label}: ${text.length} characters, at most ${max} allowed`);
    if (TEMPLATE_TEXT.test(text)) problems.push(`${label}: template text left over: "${text}"`);
    if (!VIETNAMESE_LETTERS.test(text))
      problems.push(`${label}: not Vietnamese (no Vietnamese diacritics): "${text}"`);
    if (text !== text.normalize('NFC'))
      problems.push(`${label}: not in Unicode NFC form (decomposed diacritics)`);
  }
}

/** Which resource kind a resid on this element must name, or undefined when any kind will do. */
function residKind(node) {
  const name = localName(node.name);
  if (name === 'Image') return 'Images';
  if (['FunctionFile', 'SourceLocation', 'LearnMoreUrl', 'Url'].includes(name)) return 'Urls';
  if (['Label', 'Title'].includes(name)) return 'ShortStrings';
  if (name === 'Description') return 'LongStrings';
  return undefined;
}

/** Reports out-of-order or unexpected children for the elements whose schema order we know. */
function checkOrder(node, problems) {
  const key = node.name === 'Action' && xsiType(node) === 'ShowTaskpane' ? 'ShowTaskpane' : node.name;
  const sequence = ORDER[key];
  if (!sequence) return;
  let last = -1;
  for (const c of node.children) {
    const index = sequence.indexOf(c.name);
    if (index < 0) {
      problems.push(`${where(c)}: <${c.name}> is not allowed in <${node.name}>`);
      continue;
    }
    if (index < last) {
      problems.push(`${where(c)}: <${c.name}> is out of order (schema order: ${sequence.join(', ')})`);
    }
    last = Math.max(last, index);
  }
}

/**
 * The file an https URL stands for: its path after the base URL, under rootDir (the repository for the
 * development manifest, the build output for a shipped one). Undefined when the URL is not a URL or lies
 * outside the base (both reported with the URLs).
 */
function localFileFor(url, ctx) {
  try {
    const { origin, pathname } = new URL(url);
    const full = `${origin}${pathname}`;
    if (ctx.baseUrl && !full.startsWith(ctx.baseUrl)) return undefined;
    const relative = ctx.baseUrl ? full.slice(ctx.baseUrl.length) : pathname;
    return path.join(ctx.rootDir, decodeURIComponent(relative));
  } catch {
    return undefined;
  }
}

/**
 * A page URL (…/name.html): in a shipped manifest, the built page next to it; in the development one, its
 * webpack template in src/taskpane or src/commands.
 */
function checkPage(url, label, ctx) {
  const file = localFileFor(url, ctx);
  if (!file || !file.endsWith('.html')) return;
  const base = path.basename(file);
  const candidates = ctx.shipped
    ? [file]
    : [file, ...['taskpane', 'commands'].map((d) => path.join(ctx.rootDir, 'src', d, base))];
  if (!candidates.some((candidate) => fs.existsSync(candidate))) {
    ctx.problems.push(
      ctx.shipped
        ? `${label}: the build has no page ${path.relative(ctx.rootDir, file)} (${url})`
        : `${label}: no page ${base} in src/taskpane or src/commands (${url})`,
    );
  }
}

/**
 * Checks a manifest file; its folder is the root its URLs map to (the repository, or the build output).
 * @param {string} manifestPath
 * @param {{ rootDir?: string, commandsDir?: string, shipped?: boolean }} [options]
 */
function checkManifest(manifestPath, options = {}) {
  const file = path.resolve(manifestPath);
  let xml;
  try {
    xml = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [`cannot read ${manifestPath}: ${error.message}`],
      warnings: [],
      summary: '',
    };
  }
  const rootDir = options.rootDir || path.dirname(file);
  return checkManifestText(xml, {
    rootDir,
    commandsDir: options.commandsDir || path.join(REPO_ROOT, 'src', 'commands'),
    shipped: options.shipped,
  });
}

/** The manifests `npm run validate` checks with no argument: the development one, and the built one if any. */
function defaultManifests(cwd = process.cwd()) {
  const built = path.join(cwd, 'dist', 'manifest.xml');
  return ['manifest.xml', ...(fs.existsSync(built) ? [path.relative(cwd, built)] : [])];
}

function main(argv) {
  const manifests = argv.length > 2 ? argv.slice(2) : defaultManifests();
  let status = 0;
  for (const manifestPath of manifests) {
    const { ok, problems, warnings, summary } = checkManifest(manifestPath);
    for (const warning of warnings) console.warn(`  ! ${warning}`);
    if (ok) {
      console.log(`${manifestPath}: hợp lệ / valid — ${summary}`);
      continue;
    }
    console.error(`${manifestPath}: ${problems.length} lỗi / problems`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    status = 1;
  }
  return status;
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = {
  checkManifest,
  checkManifestText,
  readPngSize,
  registeredFunctionNames,
  defaultManifests,
  EXPECTED,
};
