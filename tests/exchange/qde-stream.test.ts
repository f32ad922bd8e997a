/**
 * The streaming (callback) writer of project.qde and .qdc must write exactly the bytes the former
 * DOM writer wrote (kept as the golden in ./qde-dom-reference.ts), and the streamed .qdpx must hold
 * that project.qde and the sources.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildQdc, buildQde, buildQdpx } from "../../lib/exchange/refi";
import { loadSnapshot, type ExportSnapshot } from "../../lib/exchange/snapshot";
import { createTestDb, type TestDb } from "../helpers/db";
import { exchangeFixture, type ExchangeFixture } from "./fixture";
import { buildQdcDom, buildQdeDom } from "./qde-dom-reference";

describe("project.qde streaming writer", () => {
  let t: TestDb;
  let f: ExchangeFixture;
  beforeEach(async () => {
    t = await createTestDb();
    f = await exchangeFixture(t.db);
  });
  afterEach(async () => t.close());

  /** The fixture with a project description and text that needs escaping or dropping (control characters). */
  const snapshot = async (filters = {}): Promise<ExportSnapshot> => {
    const s = await loadSnapshot(t.db, f.project.id, filters, false);
    return { ...s, project: { ...s.project, description: 'a & b < c > d "e" \u0001 𠮷\nline 2' } };
  };

  it("writes the same bytes as the DOM writer, in code points and in UTF-16 positions, whole and filtered", async () => {
    const whole = await snapshot();
    const oneDoc = await snapshot({ documents: [f.b.doc.id] });
    for (const s of [whole, oneDoc]) {
      for (const positions of ["codepoints", "utf16"] as const) {
        const dom = buildQdeDom(s, { positions });
        const streamed = buildQde(s, { positions });
        expect(streamed.xml).toBe(dom.xml);
        expect(streamed.sources).toEqual(dom.sources);
      }
    }
    // The check has something to compare: every kind of element is in the golden.
    const { xml } = buildQdeDom(whole, { positions: "utf16" });
    for (const el of ["<Users>", "<Codes>", "<Variables>", "<TextSource", "<PlainTextSelection", "<Coding ", "<NoteRef", "<VariableValue>", "<Notes>", "<Sets>", "<Description>a &amp; b &lt; c &gt; d \"e\"  𠮷\nline 2</Description>"]) {
      expect(xml).toContain(el);
    }
  });

  it("writes the same bytes as the DOM writer for an empty project and for the codebook", async () => {
    const s = await snapshot();
    const empty: ExportSnapshot = { ...s, users: [], codes: [], documents: [], codings: [], memos: [], groups: [], project: { ...s.project, description: "" } };
    expect(buildQde(empty).xml).toBe(buildQdeDom(empty).xml);
    expect(buildQdc(s)).toBe(buildQdcDom(s));
    const noGroups = { ...s, groups: [] };
    expect(buildQdc(noGroups)).toBe(buildQdcDom(noGroups));
  });

  it("puts the streamed project.qde and the sources into the .qdpx unchanged, and the same archive twice", async () => {
    const s = await snapshot();
    const bytes = buildQdpx(s);
    const entries = unzipSync(bytes);
    const dom = buildQdeDom(s);
    expect(Object.keys(entries)).toEqual(["project.qde", ...dom.sources.map((x) => x.path)]);
    expect(strFromU8(entries["project.qde"]!)).toBe(dom.xml);
    for (const src of dom.sources) expect(strFromU8(entries[src.path]!)).toBe(src.text);
    expect(buildQdpx(s)).toEqual(bytes);
  });
});
