/**
 * Practice: "Practice This Note" and "Practice the Course" build a session from the concepts recognised in the
 * notes' formulas (notes.ts), and the Practice view asks, grades and shows progress. Numeric questions are graded
 * by src/core/practice; "what happens if…" questions by a run in the training worker (`practice.run`). Progress is
 * kept per workspace in `<storage>/practice.json` (progressStore.ts), in memory only when the workspace is not
 * trusted. The host only routes and checks.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isObject } from '../../shared/protocol';
import type { PracticePanelData } from '../../shared/views/practice';
import type { PracticeResult } from '../../core/practice/session';
import { conceptTitle, PracticeAnswerError, PracticeSession } from '../../core/practice/session';
import { CONCEPT_TEMPLATES, EXPERIMENT_TEMPLATES, type TemplateId } from '../../core/practice/questions';
import { progressByConcept } from '../../core/practice/progress';
import { pickWord } from '../../core/practice/experiments';
import { CATALOG } from '../../core/formula/catalog';
import type { ConceptId } from '../../core/formula/concepts';
import { readSettings } from '../config';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import type { FormulaService } from '../formula/formulaFeature';
import { reportingCommand } from '../util/notify';
import { conceptsInNotes, type NoteText, readCourseNotes } from './notes';
import { PracticeStore } from './progressStore';
import { markWalkthrough } from './walkthrough';

/** An experiment question runs this long at most. */
const RUN_TIMEOUT_MS = 120_000;

/** The question kinds the concepts lead to, in the catalog's order; experiments only where training is allowed. */
export function templatesFor(concepts: Iterable<ConceptId>, experiments: boolean): TemplateId[] {
  const out = new Set<TemplateId>();
  for (const c of concepts) for (const t of CONCEPT_TEMPLATES[c] ?? []) if (experiments || !(EXPERIMENT_TEMPLATES as readonly string[]).includes(t)) out.add(t);
  return [...out];
}

export class PracticeFeature {
  private session: PracticeSession | undefined;
  private store: PracticeStore = new PracticeStore(undefined);
  private scope = '';
  private concepts: ConceptId[] = [];
  private notesText = '';
  private result: PracticeResult | null = null;
  private parseError: string | undefined;
  private stamp = 0;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
    private readonly formulas: FormulaService,
  ) {}

  /** The store for this workspace now: the file when trusted with a folder open, memory otherwise. */
  private openStore(): PracticeStore {
    const ws = vscode.workspace.workspaceFolders?.[0];
    if (!vscode.workspace.isTrusted) return new PracticeStore(undefined, 'the workspace is not trusted, so nothing is written to it');
    if (!ws || ws.uri.scheme !== 'file') return new PracticeStore(undefined, 'no workspace folder is open');
    const store = new PracticeStore({ dir: path.join(ws.uri.fsPath, readSettings().storageFolder), workspace: ws.uri.fsPath });
    store.load();
    return store;
  }

  /** Start practising these notes: their concepts, the question kinds, the first question. */
  async start(scope: string, notes: readonly NoteText[]): Promise<PracticePanelData> {
    const found = await conceptsInNotes(this.formulas, notes);
    this.concepts = [...found.keys()].filter((c) => CONCEPT_TEMPLATES[c]);
    this.store = this.openStore();
    this.notesText = notes.map((n) => n.text).join('\n\n');
    const trusted = vscode.workspace.isTrusted;
    this.session = new PracticeSession(templatesFor(this.concepts, trusted), this.store.progress, trusted ? pickWord(this.notesText) : undefined);
    this.scope = scope;
    this.result = null;
    this.parseError = undefined;
    this.session.next(Date.now());
    this.store.save();
    return this.publish();
  }

  /** What the view draws now. */
  data(): PracticePanelData {
    const now = Date.now();
    const s = this.session;
    const q = s?.current ?? null;
    const progress = progressByConcept(this.store.progress, now).map((r) => ({ ...r, title: CATALOG[r.concept].title }));
    return {
      scope: this.scope,
      concepts: this.concepts.map((c) => CATALOG[c].title),
      question: q && {
        id: q.id,
        kind: q.kind,
        conceptTitle: conceptTitle(q),
        prompt: q.prompt,
        components: q.kind === 'numeric' ? q.answer.length : 1,
        choices: q.kind === 'experiment' ? q.choices : undefined,
      },
      result: this.result,
      parseError: this.parseError,
      progress,
      due: s?.due(now) ?? 0,
      storage:
        this.store.memoryOnly === undefined
          ? { kind: 'file', note: `Progress is saved in ${vscode.workspace.asRelativePath(this.store.file ?? '')}.` }
          : { kind: 'memory', note: `Progress is kept in memory only: ${this.store.memoryOnly}.` },
      stamp: ++this.stamp,
    };
  }

  private publish(): PracticePanelData {
    const d = this.data();
    this.panel.showView('practice', d);
    return d;
  }

  /** Grade an answer from the view (or a test): a typed number / vector, or a choice index. */
  async answer(params: unknown): Promise<PracticePanelData> {
    const s = this.session;
    if (!s) throw new PracticeAnswerError('start with “Practice This Note” or “Practice the Course”');
    const p = isObject(params) ? params : {};
    const q = s.open(p.id);
    this.parseError = undefined;
    if (q.kind === 'numeric') {
      const r = s.answerNumeric(p.id, p.answer, Date.now());
      if ('parseError' in r) this.parseError = r.parseError;
      else this.result = r;
    } else {
      s.checkChoice(p.id, p.answer);
      const outcome = await this.jobs.request('practice.run', { template: q.template, text: this.notesText, word: q.word }, RUN_TIMEOUT_MS);
      if (s !== this.session) throw new PracticeAnswerError('practice was restarted meanwhile');
      this.result = s.answerChoice(p.id, p.answer, outcome, Date.now());
    }
    if (!this.parseError) {
      this.store.save();
      markWalkthrough('practiced');
    }
    return this.publish();
  }

  /** The next question (due ones first). */
  next(): PracticePanelData {
    if (!this.session) throw new PracticeAnswerError('start with “Practice This Note” or “Practice the Course”');
    this.session.next(Date.now());
    this.result = null;
    this.parseError = undefined;
    this.store.save();
    return this.publish();
  }

  /** The question open now, with its answer (integration tests grade with it). */
  currentQuestion() {
    return this.session?.current ?? null;
  }
}

const LANGUAGE_IDS = new Set(['markdown', 'latex', 'tex', 'plaintext']);

export function registerPracticeFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel, formulas: FormulaService): PracticeFeature {
  const feature = new PracticeFeature(jobs, panel, formulas);
  context.subscriptions.push(
    reportingCommand('mlStudy.practiceNote', 'could not practise this note', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !LANGUAGE_IDS.has(doc.languageId)) throw new PracticeAnswerError('open a note (Markdown, LaTeX or plain text) first');
      const name = vscode.workspace.asRelativePath(doc.uri);
      return feature.start(`this note: ${name}`, [{ name, text: doc.getText(), languageId: doc.languageId }]);
    }),
    reportingCommand('mlStudy.practiceCourse', 'could not practise the course', async () => {
      const notes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'ML Study: reading the notes' }, () => readCourseNotes());
      if (!notes.length) throw new PracticeAnswerError('no readable notes in this workspace');
      return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'ML Study: finding the formulas' }, () =>
        feature.start(`the course: ${notes.length} note${notes.length === 1 ? '' : 's'}`, notes),
      );
    }),
    jobs.onDidChangeJob((job) => job.status === 'done' && markWalkthrough('runFinished')),
  );
  panel.handle('practice', {
    'practice.answer': (params) => feature.answer(params),
    'practice.next': () => Promise.resolve(feature.next()),
  });
  return feature;
}
