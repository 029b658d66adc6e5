/**
 * Nothing unused in the string tables (issue 24): every key of every table exported by src/i18n is read
 * somewhere in src/. knip finds unused exports, not unused keys of an exported object, so this test reads src/
 * with the TypeScript checker: a key counts as read where a property access or a destructuring resolves to it,
 * where it is indexed by a value whose type names it, or where its table (or the object holding it) is used
 * whole (passed on, spread, iterated, indexed by any string).
 */
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const I18N = path.join(ROOT, 'src', 'i18n') + path.sep;

/** Keys unread on purpose, by "TABLE.key", each with why. */
const KEPT: Record<string, string> = {};

/** Each object literal's property assignments, at any depth, by their "TABLE.path" name. */
function tableKeys(table: string, literal: ts.ObjectLiteralExpression, into: Map<ts.Node, string>): void {
  for (const p of literal.properties) {
    if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p)))
      continue;
    const name = `${table}.${p.name.getText()}`;
    into.set(p, name);
    if (ts.isPropertyAssignment(p)) {
      const value = unwrap(p.initializer);
      if (ts.isObjectLiteralExpression(value)) tableKeys(name, value, into);
    }
  }
}

/** An expression without `as const`, `satisfies …` and parentheses. */
function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e))
    e = e.expression;
  return e;
}

/** The keys of the string tables and whether src/ reads each. */
function unreadKeys(program: ts.Program): string[] {
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((f) => f.fileName.startsWith(path.join(ROOT, 'src')));
  /** Each key's declaration → its name; and each object literal (a table or a nested object) → its node. */
  const keys = new Map<ts.Node, string>();
  for (const file of sources.filter((f) => path.normalize(f.fileName).startsWith(I18N)))
    for (const st of file.statements)
      if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        for (const d of st.declarationList.declarations) {
          const value = d.initializer && unwrap(d.initializer);
          if (value && ts.isObjectLiteralExpression(value)) tableKeys(d.name.getText(), value, keys);
        }
  const read = new Set<ts.Node>();
  /** Marks every key under an object literal as read. */
  const readAll = (literal: ts.ObjectLiteralExpression): void => {
    for (const p of literal.properties) {
      if (!keys.has(p)) continue;
      read.add(p);
      if (ts.isPropertyAssignment(p)) {
        const value = unwrap(p.initializer);
        if (ts.isObjectLiteralExpression(value)) readAll(value);
      }
    }
  };
  /** The object literal a symbol is declared with (a table, or a key whose value is an object), if any. */
  const literalOf = (symbol: ts.Symbol | undefined): ts.ObjectLiteralExpression | undefined => {
    const s = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const d of s?.declarations ?? []) {
      const init =
        ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d)
          ? d.initializer && unwrap(d.initializer)
          : undefined;
      if (
        init &&
        ts.isObjectLiteralExpression(init) &&
        path.normalize(d.getSourceFile().fileName).startsWith(I18N)
      )
        return init;
    }
    return undefined;
  };
  const markSymbol = (symbol: ts.Symbol | undefined): void => {
    for (const d of symbol?.declarations ?? []) if (keys.has(d)) read.add(d);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) markSymbol(checker.getSymbolAtLocation(node.name));
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const type = checker.getTypeAtLocation(node.parent);
      const name = (node.propertyName ?? node.name).getText();
      markSymbol(type.getProperty(name));
    }
    if (ts.isElementAccessExpression(node)) {
      const type = checker.getTypeAtLocation(node.argumentExpression);
      const literals = (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral());
      const target = checker.getTypeAtLocation(node.expression);
      if (literals.length > 0 && literals.length === (type.isUnion() ? type.types.length : 1))
        for (const t of literals) markSymbol(target.getProperty((t as ts.StringLiteralType).value));
      else {
        const literal = literalOf(checker.getSymbolAtLocation(node.expression));
        if (literal) readAll(literal);
      }
    }
    // A table, or an object under a key, used whole: anything but reading one of its keys by name.
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const parent = node.parent;
      const byName =
        (ts.isPropertyAccessExpression(parent) && parent.expression === node) ||
        (ts.isElementAccessExpression(parent) && parent.expression === node) ||
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ts.isImportSpecifier(parent) ||
        ts.isExportSpecifier(parent) ||
        (ts.isVariableDeclaration(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        // `const { a, b } = TABLE` reads a and b (the binding elements), not the whole table.
        (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) ||
        ts.isTypeQueryNode(parent) ||
        ts.isQualifiedName(parent);
      const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
      const literal = byName ? undefined : literalOf(symbol);
      if (literal) readAll(literal);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of sources) visit(file);
  return [...keys].filter(([node]) => !read.has(node)).map(([, name]) => name);
}

describe('the string tables of src/i18n', () => {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const SRC = path.join(ROOT, 'src');

  it('has no key that src/ never reads, but those kept with a reason', () => {
    const program = ts.createProgram({
      rootNames: parsed.fileNames.filter((f) => f.startsWith(SRC)),
      options: parsed.options,
    });
    const unread = unreadKeys(program).filter((k) => !(k in KEPT));
    expect(unread).toEqual([]);
  });

  it('would find one: each way of reading a key counts, and only those', () => {
    // Two files that exist only in memory, as if they were in src/i18n and src/.
    const probe: Record<string, string> = {
      [path.join(SRC, 'i18n', 'probe.ts')]: [
        "export const T = { byName: 'a', destructured: 'b', byKey: 'c', unread: 'd', nested: { inner: 'e', gone: 'f' } } as const;",
        "export const WHOLE = { x: 'g', y: 'h' } as const;",
      ].join('\n'),
      [path.join(SRC, 'probeUser.ts')]: [
        "import { T, WHOLE } from './i18n/probe';",
        "const k: 'byKey' = 'byKey';",
        'const { destructured } = T;',
        'export const used = [T.byName, destructured, T[k], T.nested.inner, Object.keys(WHOLE)];',
      ].join('\n'),
    };
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name in probe ? ts.createSourceFile(name, probe[name], version) : getSourceFile(name, version);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name in probe || fileExists(name);
    const program = ts.createProgram({ rootNames: Object.keys(probe), options: parsed.options, host });
    expect(unreadKeys(program)).toEqual(['T.unread', 'T.nested.gone']);
  });
});
