/** node:test glue for the e2e suites: one code-server session per themed describe block. */
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import { ROOT, type Session, setTheme, startSession, type Theme, waitForWorkbench } from '../harness/codeServer';

export const DEMO_NOTES = process.env.MLSTUDY_WORKSPACE ?? path.join(ROOT, 'demo', 'notes');

/**
 * For each theme, a describe block whose tests share one session (the demo notes open, the theme applied);
 * `body` gets a getter for it.
 */
export function describeInThemes(title: string, body: (session: () => Session, theme: Theme) => void): void {
  for (const theme of ['light', 'dark'] as Theme[]) {
    describe(`${title} (${theme} theme)`, { timeout: 240_000 }, () => {
      let s: Session | undefined;
      before(async () => {
        s = await startSession({ workspace: DEMO_NOTES, theme });
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
