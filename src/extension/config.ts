/**
 * Settings, read and validated in one place. A wrong value (edited by hand in settings.json) falls back to the
 * default with one warning, never an exception.
 */
import * as vscode from 'vscode';

export const SECTION = 'mlStudy';

export interface Settings {
  openPanelOnTrain: boolean;
  progressNotification: boolean;
  storageFolder: string;
  keepRuns: number;
  /** Versions of each saved model kept (the current one included). */
  keepVersions: number;
}

const DEFAULTS: Settings = { openPanelOnTrain: true, progressNotification: false, storageFolder: '.ml-study', keepRuns: 50, keepVersions: 1 };
const warned = new Set<string>();

function warn(key: string, why: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  void vscode.window.showWarningMessage(`ML Study: the setting ${SECTION}.${key} ${why}; using the default.`);
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const bool = (key: string, def: boolean): boolean => {
    const v = c.get<unknown>(key, def);
    if (typeof v === 'boolean') return v;
    warn(key, 'must be true or false');
    return def;
  };
  const storage = c.get<unknown>('storage.folder', DEFAULTS.storageFolder);
  let storageFolder = DEFAULTS.storageFolder;
  // A relative path of plain names: no `..`, no absolute path, no drive, no `~`, no empty or dot segment.
  const segments = typeof storage === 'string' ? storage.trim().split(/[\\/]+/) : [];
  if (typeof storage === 'string' && !/^[\\/~]|^[A-Za-z]:/.test(storage.trim()) && segments.length > 0 && segments.length <= 4 && segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\0:*?"<>|]/.test(s))) {
    storageFolder = segments.join('/');
  } else warn('storage.folder', 'must be a folder name inside the workspace');
  const keep = c.get<unknown>('runs.keep', DEFAULTS.keepRuns);
  let keepRuns = DEFAULTS.keepRuns;
  if (typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 && keep <= 1000) keepRuns = keep;
  else warn('runs.keep', 'must be a whole number from 1 to 1000');
  const versions = c.get<unknown>('models.keepVersions', DEFAULTS.keepVersions);
  let keepVersions = DEFAULTS.keepVersions;
  if (typeof versions === 'number' && Number.isInteger(versions) && versions >= 1 && versions <= 20) keepVersions = versions;
  else warn('models.keepVersions', 'must be a whole number from 1 to 20');
  return {
    keepVersions,
    openPanelOnTrain: bool('panel.openOnTrain', DEFAULTS.openPanelOnTrain),
    progressNotification: bool('training.progressNotification', DEFAULTS.progressNotification),
    storageFolder,
    keepRuns,
  };
}
