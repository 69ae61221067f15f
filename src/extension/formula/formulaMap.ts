/**
 * The formula map: the Formulas tree in the ML Study sidebar and the study panel's Formulas page, both drawn from
 * the index (formulaMapIndex.ts). Groups → concepts → each formula (its TeX, its letters, file:line); the formulas
 * the recogniser does not know listed apart; notes left out (too large, outside the workspace) listed too. A click
 * opens the note with the formula selected.
 */
import * as vscode from 'vscode';
import type { ConceptOccurrences, FormulaLocation, FormulaMapData, FormulaOccurrence, GroupOccurrences, SkippedNote, UnrecognisedFormula } from '../../shared/views/formulas';
import { isObject } from '../../shared/protocol';
import type { StudyPanel } from '../panel/studyPanel';
import { reportingCommand } from '../util/notify';
import type { FormulaService } from './formulaFeature';
import { FormulaMapIndex } from './formulaMapIndex';

export const FORMULA_TREE_VIEW = 'mlStudy.formulaMap';
export const REVEAL_COMMAND = 'mlStudy.revealFormula';

export type FormulaNode =
  | { kind: 'group'; group: GroupOccurrences }
  | { kind: 'concept'; concept: ConceptOccurrences }
  | { kind: 'formula'; formula: FormulaOccurrence | UnrecognisedFormula }
  | { kind: 'unrecognised'; list: UnrecognisedFormula[]; count: number }
  | { kind: 'skipped'; list: SkippedNote[] }
  | { kind: 'skip'; skip: SkippedNote };

const short = (s: string, n = 60) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
export const whereOf = (f: FormulaOccurrence) => `${f.file}:${f.line + 1}`;
const lettersOf = (f: FormulaOccurrence) => (f.letters.length ? f.letters.join(', ') : '—');

/** The Formulas tree: what each node shows and what it contains. */
export class FormulaTreeProvider implements vscode.TreeDataProvider<FormulaNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: FormulaMapIndex) {
    index.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: FormulaNode): FormulaNode[] {
    if (!node) {
      void this.index.start();
      const map = this.index.current;
      const roots: FormulaNode[] = map.groups.map((group) => ({ kind: 'group', group }));
      if (map.unrecognisedCount) roots.push({ kind: 'unrecognised', list: map.unrecognised, count: map.unrecognisedCount });
      if (map.skipped.length) roots.push({ kind: 'skipped', list: map.skipped });
      return roots;
    }
    switch (node.kind) {
      case 'group':
        return node.group.concepts.map((concept) => ({ kind: 'concept', concept }));
      case 'concept':
        return node.concept.occurrences.map((formula) => ({ kind: 'formula', formula }));
      case 'unrecognised':
        return node.list.map((formula) => ({ kind: 'formula', formula }));
      case 'skipped':
        return node.list.map((skip) => ({ kind: 'skip', skip }));
      default:
        return [];
    }
  }

  getTreeItem(node: FormulaNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'group':
        return item(node.group.title, `${node.group.count}`, C.Expanded, 'symbol-namespace', `${node.group.count} formulas of ${node.group.concepts.length} concepts`);
      case 'concept': {
        const c = node.concept;
        const ways = c.notations.map((n) => `${n.letters.join(', ') || '—'} (${n.count}×)`).join('\n');
        return item(c.title, `${c.count} in ${c.files} ${c.files === 1 ? 'note' : 'notes'}${c.notations.length > 1 ? ` · ${c.notations.length} notations` : ''}`, C.Collapsed, 'symbol-function', `Written with the letters:\n${ways}`);
      }
      case 'formula': {
        const f = node.formula;
        const reason = 'reason' in f ? `\nNot recognised: ${f.reason}` : '';
        const it = item(short(f.latex), `${lettersOf(f)} · ${whereOf(f)}`, C.None, 'reason' in f ? 'question' : 'symbol-constant', `${f.latex}\n\nletters: ${lettersOf(f)}\n${whereOf(f)}${reason}`);
        it.command = { command: REVEAL_COMMAND, title: 'Show in the note', arguments: [locationOf(f)] };
        return it;
      }
      case 'unrecognised':
        return item('Not recognised', `${node.count}`, C.Collapsed, 'question', 'Formulas the recogniser does not name: it says "unsure" rather than guess.');
      case 'skipped':
        return item('Notes left out', `${node.list.length}`, C.Collapsed, 'warning', 'Notes that were not indexed, and why.');
      case 'skip':
        return item(node.skip.file, node.skip.reason, C.None, 'warning', `${node.skip.file}: ${node.skip.reason}`);
    }
  }
}

function item(label: string, description: string, state: vscode.TreeItemCollapsibleState, icon: string, tooltip: string): vscode.TreeItem {
  const it = new vscode.TreeItem(label, state);
  it.description = description;
  it.iconPath = new vscode.ThemeIcon(icon);
  it.tooltip = tooltip;
  return it;
}

const locationOf = (f: FormulaOccurrence): FormulaLocation => ({ uri: f.uri, line: f.line, character: f.character, endLine: f.endLine, endCharacter: f.endCharacter });

/** A location from a webview or a command's arguments, checked: whole non-negative numbers, a URI the map lists. */
export function checkLocation(v: unknown, map: FormulaMapData): FormulaLocation {
  if (!isObject(v) || typeof v.uri !== 'string') throw new Error('a formula location needs { uri, line, character, endLine, endCharacter }');
  const nums = [v.line, v.character, v.endLine, v.endCharacter];
  if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 10_000_000)) throw new Error('a formula location needs whole, non-negative line and character numbers');
  const known = map.groups.some((g) => g.concepts.some((c) => c.occurrences.some((o) => o.uri === v.uri))) || map.unrecognised.some((o) => o.uri === v.uri);
  if (!known) throw new Error('that note is not in the formula map');
  const [line, character, endLine, endCharacter] = nums as number[];
  return { uri: v.uri, line, character, endLine, endCharacter };
}

/** Open the note and select the formula. */
export async function revealFormula(loc: FormulaLocation): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(loc.uri, true));
  const range = doc.validateRange(new vscode.Range(loc.line, loc.character, loc.endLine, loc.endCharacter));
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true, viewColumn: vscode.ViewColumn.One });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** What the extension's API exposes of the formula map. */
export interface FormulaMapFeature {
  index: FormulaMapIndex;
  tree: FormulaTreeProvider;
}

export function registerFormulaMap(context: vscode.ExtensionContext, panel: StudyPanel, service: FormulaService): FormulaMapFeature {
  const index = new FormulaMapIndex(service);
  const tree = new FormulaTreeProvider(index);
  const view = vscode.window.createTreeView(FORMULA_TREE_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  let pageShown = false;
  const describe = (m: FormulaMapData) => (m.indexing ? `Reading the notes… ${m.formulas} formulas in ${m.notes} notes so far` : m.formulas ? undefined : `No formulas found in ${m.notes} notes.`);
  context.subscriptions.push(
    index,
    view,
    index.onDidChange((m) => {
      view.message = describe(m);
      view.description = m.indexing ? undefined : `${m.formulas}`;
      if (pageShown) panel.showView('formulas', m, { live: true });
    }),
    reportingCommand(REVEAL_COMMAND, 'could not show the formula', (args) => revealFormula(checkLocation(args, index.current)).then(() => true)),
    reportingCommand('mlStudy.showFormulaMap', 'could not show the formula map', async () => {
        pageShown = true;
        panel.showView('formulas', index.current);
        await index.start();
        panel.showView('formulas', index.current, { live: true });
        return true;
    }),
    reportingCommand('mlStudy.refreshFormulaMap', 'could not index the notes', async () => {
      await index.rescan();
      return true;
    }),
  );
  panel.handle('formulas', {
    'formulas.reveal': async (params) => {
      await revealFormula(checkLocation(params, index.current));
      return true;
    },
  });
  return { index, tree };
}
