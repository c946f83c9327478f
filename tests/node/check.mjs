// Reads a JSON list of {kind: "bpmn" | "mermaid", text} on stdin and prints a JSON list of what the
// third-party readers made of each: bpmn-moddle's warnings and bpmnlint's recommended reports for
// BPMN, mermaid's parse error or what its diagram database read for Mermaid.
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const require = createRequire(import.meta.url);
const { BpmnModdle } = await import('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

// mermaid sanitises labels with DOMPurify, which needs a window even to parse.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;

async function checkBpmn(text) {
  const moddle = new BpmnModdle();
  let parsed;
  try {
    parsed = await moddle.fromXML(text);
  } catch (error) {
    return { error: String(error.message || error) };
  }
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(parsed.rootElement);
  const reports = [];
  for (const [rule, list] of Object.entries(results)) {
    for (const report of list) {
      reports.push({ rule, id: report.id, message: report.message, category: report.category });
    }
  }
  return { warnings: parsed.warnings.map(w => String(w.message)), reports };
}

function flowchartOf(db) {
  return {
    vertices: [...db.getVertices().values()].map(v => ({ id: v.id, text: v.text })),
    edges: db.getEdges().map(e => ({ start: e.start, end: e.end, text: e.text, stroke: e.stroke })),
    subgraphs: db.getSubGraphs().map(s => ({ id: s.id, title: s.title, nodes: [...s.nodes] })),
  };
}

function journeyOf(db) {
  return {
    title: db.getDiagramTitle ? db.getDiagramTitle() : '',
    sections: [...db.getSections()],  // copies: the database is reused by the next diagram
    tasks: db.getTasks().map(t => ({ section: t.section, task: t.task, score: t.score, people: [...t.people] })),
  };
}

async function checkMermaid(text) {
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const read = diagram.type === 'journey' ? journeyOf(diagram.db) : flowchartOf(diagram.db);
    return { type: diagram.type, ...read };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const item of JSON.parse(input)) {
  out.push(item.kind === 'bpmn' ? await checkBpmn(item.text) : await checkMermaid(item.text));
}
process.stdout.write(JSON.stringify(out));
