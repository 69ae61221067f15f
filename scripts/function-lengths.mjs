#!/usr/bin/env node
// Lists functions (declarations, methods, arrows, function expressions, constructors, accessors) longer than N lines,
// using the TypeScript compiler's parser. A function's length counts from the line of its first token to the line
// of its closing brace; functions nested inside it count towards its length too.
//
//   node scripts/function-lengths.mjs [--max=150] [--exclude=src/core/formula,webview] [--json] [dirs...]
//
// Default directory: src. Exit code 1 when any function is longer than --max (0 with --list-only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(import.meta.url)('typescript');

/** Every .ts file under dir (relative paths from root), skipping excluded prefixes and declaration files. */
function tsFiles(dir, exclude) {
  const abs = path.resolve(root, dir);
  if (!fs.existsSync(abs)) return [];
  const out = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.tsx?$/.test(e.name) || e.name.endsWith('.d.ts')) continue;
    const rel = path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/');
    if (!exclude.some((x) => rel === x || rel.startsWith(x.replace(/\/?$/, '/')))) out.push(rel);
  }
  return out.sort();
}

function nameOf(node, sf) {
  if (node.name) return node.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p)) return p.name.getText(sf);
  if (p && ts.isPropertyAssignment(p)) return p.name.getText(sf);
  if (p && ts.isPropertyDeclaration(p)) return p.name.getText(sf);
  return '(anonymous)';
}

/** { file, name, line, lines } for every function-like node in one file. */
export function functionsOf(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ file, name: nameOf(node, sf), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * Functions longer than max lines under dirs, longest first. An exclude entry is a directory or file prefix, or
 * `file:function` for one function of one file.
 */
export function longFunctions({ dirs = ['src'], exclude = [], max = 150 } = {}) {
  const all = [];
  const paths = exclude.filter((x) => !x.includes(':'));
  const fns = new Set(exclude.filter((x) => x.includes(':')));
  for (const d of dirs) for (const f of tsFiles(d, paths)) all.push(...functionsOf(f, fs.readFileSync(path.join(root, f), 'utf8')));
  return all.filter((f) => f.lines > max && !fns.has(`${f.file}:${f.name}`)).sort((a, b) => b.lines - a.lines);
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write('usage: node scripts/function-lengths.mjs [--max=150] [--exclude=dir,file,file:function,...] [--json] [--list-only] [dirs...]\n');
    return 0;
  }
  const opt = (k) => args.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
  const max = Number(opt('max') ?? 150);
  if (!Number.isInteger(max) || max < 1) throw new Error('--max must be a positive whole number');
  const exclude = (opt('exclude') ?? '').split(',').filter(Boolean);
  const dirs = args.filter((a) => !a.startsWith('--'));
  const long = longFunctions({ dirs: dirs.length ? dirs : ['src'], exclude, max });
  if (args.includes('--json')) process.stdout.write(JSON.stringify(long, null, 2) + '\n');
  else {
    for (const f of long) process.stdout.write(`${String(f.lines).padStart(5)}  ${f.file}:${f.line}  ${f.name}\n`);
    process.stdout.write(`${long.length} function(s) over ${max} lines\n`);
  }
  return long.length && !args.includes('--list-only') ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
