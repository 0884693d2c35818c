// check-drawio.js — a .drawio file as mxGraph, the library draw.io is built
// on, reads and draws it.
//
// Copyright 2026 The Waymark authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node check-drawio.js FILE.drawio N_PAGES N_ITEMS
//
// Decodes every page with mxGraph's own codec (mxCodec into an mxGraphModel)
// and lays it out and draws it with an mxGraph view in a jsdom document.
// Fails when the number of pages is not N_PAGES, when fewer than N_ITEMS
// cells carry a Waymark item, when an edge does not end at two shapes, when
// a cell lies outside the model's tree, when a shape has no size, or when
// drawing throws. Needs the npm packages mxgraph and jsdom on NODE_PATH.
'use strict';

const fs = require('fs');
const { JSDOM } = require('jsdom');

const [file, wantedPages, wantedItems] = process.argv.slice(2);
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
const win = dom.window;
for (const name of ['window', 'document', 'navigator', 'location', 'XMLSerializer', 'DOMParser',
                    'Node', 'Element', 'HTMLElement', 'XMLDocument', 'Document'])
  global[name] = win[name];
const mx = require('mxgraph')({ mxLoadResources: false, mxLoadStylesheets: false });
// The codec finds the classes it decodes by name on the window.
for (const name in mx) {
  win[name] = mx[name];
  global[name] = mx[name];
}

const problems = [];
const doc = mx.mxUtils.parseXml(fs.readFileSync(file, 'utf8'));
const pages = Array.from(doc.documentElement.getElementsByTagName('diagram'));
let items = 0;

function isItem(cell) {
  return cell.value != null && typeof cell.value === 'object' &&
         cell.value.getAttribute('waymark-type') != null;
}

for (const page of pages) {
  const name = page.getAttribute('name');
  const node = page.getElementsByTagName('mxGraphModel')[0];
  const model = new mx.mxGraphModel();
  let shapes = 0, edges = 0;

  if (node == null) {
    problems.push(`${name}: no mxGraphModel`);
    continue;
  }
  new mx.mxCodec(node.ownerDocument).decode(node, model);
  for (const id in model.cells) {
    const cell = model.cells[id];

    if (isItem(cell))
      items++;
    if (cell !== model.root && !model.isAncestor(model.root, cell))
      problems.push(`${name}: ${id} is outside the model's tree`);
    if (cell.vertex) {
      const g = cell.geometry;

      shapes++;
      if (g == null || (!g.relative && !(g.width > 0 && g.height > 0)))
        problems.push(`${name}: shape ${id} has no size`);
    }
    if (cell.edge) {
      edges++;
      if (cell.source == null || cell.target == null || !cell.source.vertex || !cell.target.vertex)
        problems.push(`${name}: edge ${id} does not end at two shapes`);
    }
  }
  const container = win.document.createElement('div');
  win.document.body.appendChild(container);
  try {
    const graph = new mx.mxGraph(container, model);
    const bounds = graph.getGraphBounds();

    if (!(bounds.width > 0 && bounds.height > 0))
      problems.push(`${name}: draws nothing`);
    console.log(`${name}: ${shapes} shapes, ${edges} edges, drawn ${Math.round(bounds.width)}` +
                ` × ${Math.round(bounds.height)}`);
  } catch (error) {
    problems.push(`${name}: drawing failed: ${error.message}`);
  }
}
if (pages.length !== Number(wantedPages))
  problems.push(`${pages.length} pages, not ${wantedPages}`);
if (items < Number(wantedItems))
  problems.push(`${items} cells carry a Waymark item, fewer than ${wantedItems}`);
for (const problem of problems)
  console.log(`problem: ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
