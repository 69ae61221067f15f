/** node:test glue for the e2e suites: one code-server session per themed describe block. */
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import { ROOT, type Session, type SessionOptions, setTheme, startSession, type Theme, waitForWorkbench } from '../harness/codeServer';

export const DEMO_NOTES = process.env.MLSTUDY_WORKSPACE ?? path.join(ROOT, 'demo', 'notes');

/**
 * For each theme, a describe block whose tests share one session (the demo notes open, the theme applied);
 * `body` gets a getter for it; `prepare` may add files to the workspace copy before the session starts.
 */
export function describeInThemes(title: string, body: (session: () => Session, theme: Theme) => void, prepare?: SessionOptions['prepare']): void {
  for (const theme of ['light', 'dark'] as Theme[]) {
    describe(`${title} (${theme} theme)`, { timeout: 240_000 }, () => {
      let s: Session | undefined;
      before(async () => {
        s = await startSession({ workspace: DEMO_NOTES, theme, prepare });
        await waitForWorkbench(s.page);
        await setTheme(s.page, theme);
      });
      after(async () => {
        await s?.stop();
      });
      body(() => s!, theme);
    });
  }
}
