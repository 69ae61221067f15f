/**
 * The one function that builds every webview's HTML: a strict Content-Security-Policy (`default-src 'none'`,
 * scripts only with this page's nonce, styles and fonts only from the extension's dist/media folders), resources
 * through `asWebviewUri`, and no user text in the markup — data arrives later as messages.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  /** The bundle in dist/webview/, without extension: "panel" or "sidebar". */
  bundle: string;
  title: string;
}

/** The folders a webview may load from. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: webviewRoots(extensionUri) };
}

export function buildWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('dist', 'webview', `${page.bundle}.css`)}">
<title>${esc(page.title)}</title>
</head>
<body>
<div id="app" role="main"></div>
<script nonce="${nonce}" src="${asset('dist', 'webview', `${page.bundle}.js`)}"></script>
</body>
</html>`;
}

/**
 * Fill a webview with one page and route what it posts: each raw message goes through `parse` (the boundary's
 * validator) and only a valid one reaches `onMessage`. Dispose the result when the webview is disposed.
 */
export function mountWebview<M>(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage, parse: (raw: unknown) => M | null | undefined, onMessage: (msg: M) => void): vscode.Disposable {
  webview.html = buildWebviewHtml(webview, extensionUri, page);
  return webview.onDidReceiveMessage((raw) => {
    const msg = parse(raw);
    if (msg) onMessage(msg);
  });
}
