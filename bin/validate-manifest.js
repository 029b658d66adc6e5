#!/usr/bin/env node
// Offline check of the add-in only manifest (manifest.xml). Microsoft's validator (office-addin-manifest
// validate) needs the internet; this one needs nothing but the repository. It checks what breaks an add-in
// in practice: malformed XML, elements out of schema order, resids with no resource, icons that are missing or
// of the wrong pixel size, http URLs, untranslated template text, a too-low ExcelApi requirement, and ribbon
// buttons whose ExecuteFunction name is not registered by src/commands.
//
//   node bin/validate-manifest.js [manifest.xml]     exit 0 = valid, 1 = problems (each listed)
//
// Used by test/manifest.test.ts through `checkManifest` / `checkManifestText`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

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
  functionNames: ['compileReportCommand'],
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
 * @param {string} xml
 * @param {{ rootDir: string, commandsDir?: string }} options
 * @returns {{ ok: boolean, problems: string[], warnings: string[], summary: string }}
 */
function checkManifestText(xml, options) {
  const rootDir = path.resolve(options.rootDir);
  const commandsDir = options.commandsDir
    ? path.resolve(options.commandsDir)
    : path.join(rootDir, 'src', 'commands');
  const problems = [];
  const warnings = [];
  const result = (summary) => ({ ok: problems.length === 0, problems, warnings, summary });

  // --- well-formed XML ---
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    problems.push(`XML is not well-formed (line ${line}, column ${col}): ${msg}`);
    return result('');
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
    return result('');
  }

  // --- root, namespaces, order ---
  if (root.attrs.xmlns !== NS_OFFICE_APP) problems.push(`<OfficeApp> must have xmlns="${NS_OFFICE_APP}"`);
  if (root.attrs['xmlns:bt'] !== NS_BASIC_TYPES)
    problems.push(`<OfficeApp> must declare xmlns:bt="${NS_BASIC_TYPES}"`);
  if (xsiType(root) !== 'TaskPaneApp') problems.push('<OfficeApp> must have xsi:type="TaskPaneApp"');
  walk(root, (node) => checkOrder(node, problems));

  // --- general elements ---
  const textOf = (name) => (child(root, name) ? child(root, name).text : '');
  const valueOf = (name) => (child(root, name) ? child(root, name).attrs.DefaultValue || '' : '');
  if (!GUID.test(textOf('Id'))) problems.push(`<Id> must be a GUID, found "${textOf('Id')}"`);
  if (!VERSION.test(textOf('Version')))
    problems.push(`<Version> must look like 1.0.0.0, found "${textOf('Version')}"`);
  if (!textOf('ProviderName')) problems.push('<ProviderName> is missing or empty');
  if (textOf('DefaultLocale') !== EXPECTED.defaultLocale) {
    problems.push(`<DefaultLocale> must be ${EXPECTED.defaultLocale}, found "${textOf('DefaultLocale')}"`);
  }
  if (textOf('Permissions') !== EXPECTED.permissions) {
    problems.push(`<Permissions> must be ${EXPECTED.permissions}, found "${textOf('Permissions')}"`);
  }
  const hostNames = childrenNamed(child(root, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (!hostNames.includes(EXPECTED.host))
    problems.push(`<Hosts> must contain <Host Name="${EXPECTED.host}"/>`);

  /** Every user-visible text: [label for messages, text, max length]. */
  const texts = [
    ['ProviderName', textOf('ProviderName'), SHORT_STRING_MAX],
    ['DisplayName', valueOf('DisplayName'), SHORT_STRING_MAX],
    ['Description', valueOf('Description'), LONG_STRING_MAX],
  ];

  // --- requirements ---
  const sets = child(child(root, 'Requirements'), 'Sets');
  const excelSet = childrenNamed(sets, 'Set').find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelSet) {
    problems.push(`<Requirements> must contain <Set Name="ExcelApi" MinVersion="${EXPECTED.minExcelApi}"/>`);
  } else {
    const min = excelSet.attrs.MinVersion || sets.attrs.DefaultMinVersion || '1.1';
    if (!/^\d+\.\d+$/.test(min) || compareVersions(min, EXPECTED.minExcelApi) < 0) {
      problems.push(`ExcelApi MinVersion must be ${EXPECTED.minExcelApi} or higher, found "${min}"`);
    }
  }

  // --- URLs: all https, files present ---
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
  }

  const defaultSource = child(child(root, 'DefaultSettings'), 'SourceLocation');
  const taskpaneUrl = defaultSource ? defaultSource.attrs.DefaultValue : '';
  if (!taskpaneUrl) problems.push('<DefaultSettings><SourceLocation DefaultValue="…"/> is missing');
  else checkPage(taskpaneUrl, 'DefaultSettings/SourceLocation', rootDir, problems);

  const icons = [];
  const checkIcon = (url, size, label) => {
    const file = localFileFor(url, rootDir);
    if (!file) return; // already reported as a bad URL
    icons.push(file);
    const rel = path.relative(rootDir, file);
    if (!fs.existsSync(file)) {
      problems.push(`${label}: icon file ${rel} does not exist (${url})`);
      return;
    }
    const buffer = fs.readFileSync(file);
    if (buffer.length > IMAGE_BYTES_MAX) problems.push(`${label}: ${rel} is larger than 100 KB`);
    const png = readPngSize(buffer);
    if (png.error) problems.push(`${label}: ${rel} is ${png.error}`);
    else if (size !== undefined && (png.width !== size || png.height !== size)) {
      problems.push(`${label}: ${rel} is ${png.width}×${png.height} px, must be ${size}×${size}`);
    }
  };
  if (valueOf('IconUrl')) checkIcon(valueOf('IconUrl'), 32, 'IconUrl');
  else problems.push('<IconUrl> is missing (32×32 PNG)');
  if (valueOf('HighResolutionIconUrl'))
    checkIcon(valueOf('HighResolutionIconUrl'), 64, 'HighResolutionIconUrl');
  else problems.push('<HighResolutionIconUrl> is missing (64×64 PNG)');

  // --- VersionOverrides ---
  const overrides = child(root, 'VersionOverrides');
  let buttons = 0;
  let resourceCount = 0;
  if (!overrides) {
    problems.push('<VersionOverrides> is missing: no ribbon buttons');
  } else {
    if (overrides.attrs.xmlns !== NS_OVERRIDES)
      problems.push(`<VersionOverrides> must have xmlns="${NS_OVERRIDES}"`);
    if (xsiType(overrides) !== 'VersionOverridesV1_0') {
      problems.push('<VersionOverrides> must have xsi:type="VersionOverridesV1_0"');
    }

    // Resources by kind.
    const resources = child(overrides, 'Resources');
    const kinds = {
      Images: 'bt:Images',
      Urls: 'bt:Urls',
      ShortStrings: 'bt:ShortStrings',
      LongStrings: 'bt:LongStrings',
    };
    /** @type {Record<string, Map<string, XmlNode>>} */
    const defined = {};
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

    // Every resid resolves, to a resource of the right kind.
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
    for (const [kind, ids] of Object.entries(defined)) {
      for (const id of ids.keys())
        if (!used[kind].has(id)) warnings.push(`resource "${id}" (bt:${kind}) is never used`);
    }
    for (const [id, item] of defined.Images) {
      const sizes = [...(imageSizes.get(id) || [])];
      if (sizes.length > 1) problems.push(`image "${id}" is used at several sizes: ${sizes.join(', ')}`);
      checkIcon(item.attrs.DefaultValue || '', sizes.length === 1 ? sizes[0] : undefined, `image "${id}"`);
    }
    const urlOf = (resid) =>
      defined.Urls.get(resid) ? defined.Urls.get(resid).attrs.DefaultValue : undefined;
    for (const [id, item] of defined.Urls)
      checkPage(item.attrs.DefaultValue || '', `URL "${id}"`, rootDir, problems);

    // Hosts and form factor.
    const host = child(child(overrides, 'Hosts'), 'Host');
    if (!host || xsiType(host) !== EXPECTED.host) {
      problems.push(`<VersionOverrides><Hosts> must contain <Host xsi:type="${EXPECTED.host}">`);
    }
    const formFactor = child(host, 'DesktopFormFactor');
    if (host && !formFactor) problems.push('<Host> must contain <DesktopFormFactor>');
    const functionFile = child(formFactor, 'FunctionFile');

    // Controls: unique ids, and the two buttons this add-in needs.
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
    const registered = registeredFunctionNames(commandsDir);
    let showTaskpane = 0;
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
        const taskpaneId = child(action, 'TaskpaneId') ? child(action, 'TaskpaneId').text : '';
        if (taskpaneId !== EXPECTED.taskpaneId) {
          problems.push(
            `${where(control)}: <TaskpaneId> must be ${EXPECTED.taskpaneId}, found "${taskpaneId}"`,
          );
        }
        const source = child(action, 'SourceLocation');
        const url = source ? urlOf(source.attrs.resid) : undefined;
        if (url && taskpaneUrl && url !== taskpaneUrl) {
          problems.push(`${where(control)}: opens ${url}, but <DefaultSettings> says ${taskpaneUrl}`);
        }
      } else if (type === 'ExecuteFunction') {
        const name = child(action, 'FunctionName') ? child(action, 'FunctionName').text : '';
        executed.add(name);
        if (!name) problems.push(`${where(control)}: <FunctionName> is missing`);
        else if (!registered.has(name)) {
          problems.push(
            `${where(control)}: FunctionName "${name}" is not registered with Office.actions.associate("${name}", …) in ${path.relative(rootDir, commandsDir) || '.'}`,
          );
        }
        if (!functionFile)
          problems.push(`${where(control)}: ExecuteFunction needs a <FunctionFile> in <DesktopFormFactor>`);
      } else {
        problems.push(`${where(control)}: unknown action type "${type}"`);
      }
    }
    if (showTaskpane === 0)
      problems.push('no ribbon button opens the task pane (Action xsi:type="ShowTaskpane")');
    for (const name of EXPECTED.functionNames) {
      if (!executed.has(name))
        problems.push(`no ribbon button runs "${name}" (Action xsi:type="ExecuteFunction")`);
    }
  }

  // --- texts: Vietnamese, no template leftovers, within length ---
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

  const uniqueIcons = new Set(icons).size;
  return result(
    `${buttons} nút lệnh / buttons, ${resourceCount} tài nguyên / resources, ${uniqueIcons} biểu tượng / icons, ` +
      `ExcelApi ≥ ${EXPECTED.minExcelApi}`,
  );
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

/** The repository file an https URL stands for: its path under rootDir. */
function localFileFor(url, rootDir) {
  try {
    return path.join(rootDir, decodeURIComponent(new URL(url).pathname));
  } catch {
    return undefined;
  }
}

/** A page URL (…/name.html) must have its webpack template in src/taskpane or src/commands. */
function checkPage(url, label, rootDir, problems) {
  let pathname;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return; // reported with the other URLs
  }
  if (!pathname.endsWith('.html')) return;
  const base = path.posix.basename(pathname);
  const candidates = [
    path.join(rootDir, pathname),
    ...['taskpane', 'commands'].map((d) => path.join(rootDir, 'src', d, base)),
  ];
  if (!candidates.some((file) => fs.existsSync(file))) {
    problems.push(`${label}: no page ${base} in src/taskpane or src/commands (${url})`);
  }
}

/**
 * Checks a manifest file; its folder is the repository root.
 * @param {string} manifestPath
 * @param {{ rootDir?: string, commandsDir?: string }} [options]
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
  return checkManifestText(xml, {
    rootDir: options.rootDir || path.dirname(file),
    commandsDir: options.commandsDir,
  });
}

function main(argv) {
  const manifestPath = argv[2] || 'manifest.xml';
  const { ok, problems, warnings, summary } = checkManifest(manifestPath);
  for (const warning of warnings) console.warn(`  ! ${warning}`);
  if (ok) {
    console.log(`${manifestPath}: hợp lệ / valid — ${summary}`);
    return 0;
  }
  console.error(`${manifestPath}: ${problems.length} lỗi / problems`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = { checkManifest, checkManifestText, readPngSize, registeredFunctionNames, EXPECTED };
