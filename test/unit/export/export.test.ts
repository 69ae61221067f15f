/**
 * Pictures leaving the panel: the SVG-recording 2-D context (its output is a checked SVG whose elements are the
 * drawing calls made), the host's checks of a PNG and an SVG from the webview, and the reference a note gets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { SvgContext } from '../../../webview/panel/svgContext';
import { checkPng, checkSvg, imageFileStem, noteKind, noteReference } from '../../../src/extension/export/validate';
import { parseExportParams } from '../../../src/extension/export/exportParams';

const PIXEL = 'data:image/png;base64,AAAA';
const svgOf = (draw: (c: CanvasRenderingContext2D) => void, w = 100, h = 80) => {
  const s = new SvgContext(w, h, { measure: (t) => 7 * t.length, encode: () => PIXEL });
  draw(s.asContext());
  return s.toSvg();
};

test('SVG context: rectangles with fill, alpha and transform become <rect> elements', () => {
  const svg = svgOf((c) => {
    c.fillStyle = '#ff0000';
    c.globalAlpha = 0.5;
    c.fillRect(10, 20, 30, 40);
    c.globalAlpha = 1;
    c.setTransform(2, 0, 0, 2, 0, 0);
    c.strokeStyle = 'rgb(0, 0, 255)';
    c.lineWidth = 1.5;
    c.strokeRect(1, 2, 3, 4);
  });
  assert.deepEqual(checkSvg(svg), { width: '100', height: '80' });
  assert.match(svg, /<rect x="10" y="20" width="30" height="40" fill="#ff0000" fill-opacity="0.5"\/>/);
  assert.match(svg, /<rect x="1" y="2" width="3" height="4" fill="none" stroke="rgb\(0, 0, 255\)" stroke-width="1.5" transform="matrix\(2 0 0 2 0 0\)"\/>/);
  assert.equal((svg.match(/<rect /g) ?? []).length, 2);
});

test('SVG context: path points are transformed as they are added; arcs, dashes, save/restore', () => {
  const svg = svgOf((c) => {
    c.translate(5, 7);
    c.beginPath();
    c.moveTo(0, 0);
    c.lineTo(10, 0);
    c.lineTo(10, 10);
    c.closePath();
    c.save();
    c.strokeStyle = '#123456';
    c.setLineDash([4, 2]);
    c.stroke();
    c.restore();
    c.stroke();
    c.beginPath();
    c.arc(20, 20, 5, 0, Math.PI * 2);
    c.fillStyle = 'green';
    c.fill();
  });
  checkSvg(svg);
  const paths = [...svg.matchAll(/<path d="([^"]*)" ([^/]*)\/>/g)];
  assert.equal(paths.length, 3);
  assert.equal(paths[0][1], 'M5 7L15 7L15 17Z');
  assert.match(paths[0][2], /stroke="#123456" stroke-width="1" stroke-dasharray="4 2"/);
  // restore() brought back the default stroke and no dash.
  assert.match(paths[1][2], /^fill="none" stroke="#000000" stroke-width="1"$/);
  // A full circle about (25, 27) of radius 5: from (30, 27) through (20, 27) and back.
  assert.equal(paths[2][1], 'M30 27A5 5 0 0 1 20 27A5 5 0 0 1 30 27');
  assert.match(paths[2][2], /^fill="green"$/);
});

test('SVG context: text keeps its alignment, baseline, font and rotation; measureText uses the measurer', () => {
  let measured = 0;
  const s = new SvgContext(50, 50, {
    measure: (t, font) => {
      measured++;
      assert.equal(font, '12px serif');
      return 3 * t.length;
    },
  });
  const c = s.asContext();
  c.font = '12px serif';
  assert.equal(c.measureText('abcd').width, 12);
  c.textAlign = 'right';
  c.textBaseline = 'middle';
  c.fillStyle = '#010203';
  c.translate(10, 20);
  c.rotate(Math.PI / 2);
  c.fillText('a<b & "c"', 0, 0);
  const svg = s.toSvg({ cssWidth: 25, cssHeight: 25, background: '#fff', title: 'A & B' });
  assert.equal(measured, 1);
  assert.deepEqual(checkSvg(svg), { width: '25', height: '25' });
  assert.match(svg, /viewBox="0 0 50 50"><title>A &amp; B<\/title><rect width="50" height="50" fill="#fff"\/>/);
  assert.match(svg, /<text x="0" y="0" text-anchor="end" dominant-baseline="central" style="font: 12px serif" fill="#010203" xml:space="preserve" transform="matrix\(0 1 -1 0 10 20\)">a&lt;b &amp; &quot;c&quot;<\/text>/);
});

test('SVG context: pixels become an embedded PNG image; clearing the whole drawing forgets it', () => {
  const svg = svgOf((c) => {
    c.fillRect(0, 0, 5, 5);
    c.clearRect(0, 0, 100, 80);
    const img = (c as unknown as SvgContext).createImageData(4, 3);
    c.putImageData(img, 2, 3);
  });
  checkSvg(svg);
  assert.doesNotMatch(svg, /<rect/);
  assert.match(svg, /<image x="2" y="3" width="4" height="3" href="data:image\/png;base64,AAAA"/);
});

/** A real PNG of w × h grey pixels (chunks with their CRCs). */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((w + 1) * h, 128);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const url = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;

test('PNG check: a real PNG passes with its size; bad signature, header, truncation, size and type are refused', () => {
  const good = png(7, 5);
  const r = checkPng(url(good));
  assert.deepEqual([r.width, r.height], [7, 5]);
  assert.deepEqual(r.bytes, good);
  const bad = Buffer.from(good);
  bad[1] = 0x51;
  assert.throws(() => checkPng(url(bad)), /bad signature/);
  const noHeader = Buffer.from(good);
  noHeader.write('IHDX', 12, 'latin1');
  assert.throws(() => checkPng(url(noHeader)), /IHDR/);
  assert.throws(() => checkPng(url(good.subarray(0, good.length - 5))), /cut short/);
  assert.throws(() => checkPng(url(png(0, 5))), /out of range/);
  assert.throws(() => checkPng(`data:image/jpeg;base64,${good.toString('base64')}`), /not a PNG data URL/);
  assert.throws(() => checkPng('data:image/png;base64,@@@'), /not a PNG data URL/);
  assert.throws(() => checkPng(`data:image/png;base64,${'A'.repeat(45 * 1024 * 1024)}`), /too large/);
});

test('SVG check: well-formed SVG with one svg root passes; malformed, other roots, DTDs and scripts are refused', () => {
  const ok = '<?xml version="1.0"?>\n<!-- a map --><svg xmlns="http://www.w3.org/2000/svg" width="10" height="4"><g><rect x="0" y="0" width="1" height="1"/><text>a &amp; b &#x3b1;</text></g><image href="data:image/png;base64,AAAA"/><use href="#a"/></svg>\n';
  assert.deepEqual(checkSvg(ok), { width: '10', height: '4' });
  const refused: [string, RegExp][] = [
    ['<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', /does not close/],
    ['<svg xmlns="http://www.w3.org/2000/svg"><g>', /never closed/],
    ['<html xmlns="http://www.w3.org/2000/svg"></html>', /root is <html>/],
    ['<svg><rect/></svg>', /root is <svg>, not an SVG/],
    ['<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg"/>', /more than one root/],
    ['<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', /DTD/],
    ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /<script>/],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', /event handler/],
    ['<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>', /links outside/],
    ['<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>', /bad "&"/],
    ['<svg xmlns="http://www.w3.org/2000/svg" width=10></svg>', /quoted value/],
    ['<svg xmlns="http://www.w3.org/2000/svg" a="1" a="2"></svg>', /twice/],
    ['not xml at all', /outside its root|no <svg>/],
    ['', /no <svg> root/],
  ];
  for (const [text, why] of refused) assert.throws(() => checkSvg(text), why, text);
});

test('note references: markdown image, LaTeX include, plain path; relative to the note, forward slashes', () => {
  const note = path.join('/ws', 'notes', 'week1', 'attention.md');
  const img = path.join('/ws', 'notes', 'figures', 'alignment map.png');
  assert.equal(noteKind('markdown', note), 'markdown');
  assert.equal(noteKind('plaintext', '/ws/a.tex'), 'latex');
  assert.equal(noteKind('latex', '/ws/a.txt'), 'latex');
  assert.equal(noteKind('plaintext', '/ws/a.txt'), 'text');
  assert.equal(noteReference('markdown', note, img, 'The [map]\nof dot'), '![The map of dot](<../figures/alignment map.png>)');
  assert.equal(noteReference('markdown', note, path.join('/ws', 'notes', 'week1', 'map.png'), 'm'), '![m](map.png)');
  assert.equal(noteReference('latex', '/ws/t/main.tex', '/ws/t/fig/map.png', 'm'), '\\includegraphics{fig/map}');
  assert.equal(noteReference('latex', '/ws/t/main.tex', '/ws/t/fig/map.svg', 'm'), '\\includesvg{fig/map}');
  assert.equal(noteReference('text', '/ws/t/n.txt', '/ws/img/map.svg', 'm'), '../img/map.svg');
  // The link resolves to the image from the note's folder.
  assert.equal(path.resolve(path.dirname(note), '../figures/alignment map.png'), img);
  assert.equal(imageFileStem('Alignment — transformer-3 / L1'), 'alignment-transformer-3-l1');
  assert.equal(imageFileStem('???'), 'picture');
});

test('export request: the shape is checked before the picture', () => {
  const data = url(png(3, 3));
  assert.equal(parseExportParams({ format: 'png', data, name: 'm', alt: 'a', action: 'note' }).bytes.length, png(3, 3).length);
  assert.throws(() => parseExportParams({ format: 'gif', data, name: 'm', alt: 'a', action: 'note' }), /png or svg/);
  assert.throws(() => parseExportParams({ format: 'png', data, name: 'm', alt: 'a', action: 'mail' }), /save or note/);
  assert.throws(() => parseExportParams({ format: 'png', data: 3, name: 'm', alt: 'a', action: 'save' }), /text data/);
  assert.throws(() => parseExportParams({ format: 'svg', data: '<svg/>', name: 'm', alt: 'a', action: 'save' }), /not saved: .*not an SVG/);
  assert.throws(() => parseExportParams([]), /needs/);
});
