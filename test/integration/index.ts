/**
 * Entry point loaded by VS Code's extension host (extensionTestsPath). Runs every bundled *.test.js beside it with
 * mocha and prints a closing "integration: N passed, N failed" line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Suites that need a session of their own (run.ts starts one per suite, with MLSTUDY_SUITE set to its name); the
 * benchmark suite runs only when named (npm run bench:formula-index).
 */
const OWN_SESSION = ['hostile', 'formulaIndexBench'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const suite = process.env.MLSTUDY_SUITE;
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && (suite ? f === `${suite}.test.js` : !OWN_SESSION.includes(f.slice(0, -'.test.js'.length))));
  for (const f of files.sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`integration: ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
