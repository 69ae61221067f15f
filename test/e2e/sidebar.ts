/** Training from the Training view's form, as a user does (shared by the e2e suites that need a trained LSTM). */
import type { Page } from 'playwright-core';
import { waitInFrame, webviewFrame } from '../harness/codeServer';

/** Open the sidebar, choose the LSTM form, fill `params` (name → value) and train until the first job is done. */
export async function trainLstmFromSidebar(page: Page, params: [string, string][]): Promise<import('playwright-core').Frame> {
  await page.locator('.activitybar [aria-label^="ML Study"]').first().click();
  const side = await webviewFrame(page, '#start-form');
  await side.locator('#model').click();
  await side.locator('#model').getByRole('option', { name: /LSTM/ }).first().click();
  await waitInFrame(side, () => document.getElementById('param-evalEvery') !== null);
  for (const [name, value] of params) await side.locator(`#param-${name} input`).fill(value);
  await side.locator('#train').click();
  await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 1, 180_000);
  return side;
}
