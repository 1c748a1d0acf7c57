// Parse Mermaid source from standard input with mermaid.parse (jsdom stands in for the browser). Exit 1 on a parse error.
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMPurify = undefined;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
const src = readFileSync(0, "utf8");
try { const r = await mermaid.parse(src); console.log("ok", JSON.stringify(r)); }
catch (e) { console.error("parse error:", e.message); process.exit(1); }
