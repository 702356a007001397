/**
 * DESIGN.md §3: every VALUE the plugin imports from '@openshift-console/dynamic-plugin-sdk' must
 * be provided by this runtime (`sdk` in ./index.ts). Type-only imports need nothing at runtime.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const SDK = '@openshift-console/dynamic-plugin-sdk';

const sourceFiles = (dir: string): string[] => {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
};

/** Names imported (not type-only) from the SDK package root, per file. */
const pluginImports = (): { file: string; name: string }[] =>
  sourceFiles(join(ROOT, 'src')).flatMap((file) => {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const found: { file: string; name: string }[] = [];
    for (const stmt of source.statements) {
      if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
      if (stmt.moduleSpecifier.text !== SDK || stmt.importClause?.isTypeOnly) continue;
      const bindings = stmt.importClause?.namedBindings;
      if (stmt.importClause?.name) found.push({ file, name: 'default' });
      if (bindings && ts.isNamespaceImport(bindings))
        found.push({ file, name: '* (namespace import)' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          if (!el.isTypeOnly) found.push({ file, name: (el.propertyName ?? el.name).text });
        }
      }
    }
    return found;
  });

/** The runtime's keys, and the SDK package's value exports, from the type checker. */
const exportsFromChecker = () => {
  const index = join(ROOT, 'console-host/sdk/index.ts');
  const program = ts.createProgram([index], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
    noEmit: true,
    esModuleInterop: true,
    resolveJsonModule: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(index);
  if (!file) throw new Error(`cannot read ${index}`);
  let runtime: string[] = [];
  let sdkValues: string[] = [];
  ts.forEachChild(file, (node) => {
    if (ts.isVariableStatement(node)) {
      for (const decl of node.declarationList.declarations) {
        if (decl.name.getText(file) === 'sdk') {
          runtime = checker
            .getTypeAtLocation(decl.name)
            .getProperties()
            .map((p) => p.name);
        }
      }
    }
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text === SDK
    ) {
      const moduleSymbol = checker.getSymbolAtLocation(node.moduleSpecifier);
      if (!moduleSymbol) return;
      sdkValues = checker
        .getExportsOfModule(moduleSymbol)
        .filter((s) => {
          const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
          return !!(target.flags & ts.SymbolFlags.Value);
        })
        .map((s) => s.name);
    }
  });
  return { runtime: new Set(runtime), sdkValues: new Set(sdkValues) };
};

describe('plugin ↔ host SDK runtime', () => {
  const { runtime, sdkValues } = exportsFromChecker();

  it('knows the runtime and the SDK exports', () => {
    expect(runtime.has('useK8sWatchResource')).toBe(true);
    expect(runtime.has('isNavSection')).toBe(true);
    expect(sdkValues.has('VirtualizedTable')).toBe(true);
    expect(sdkValues.has('K8sResourceCommon')).toBe(false);
  });

  it('provides every SDK value the plugin imports', () => {
    const missing = pluginImports()
      .filter(
        ({ name }) =>
          (sdkValues.has(name) || name.startsWith('*') || name === 'default') && !runtime.has(name),
      )
      .map(({ file, name }) => `${name} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });
}, 60000);
