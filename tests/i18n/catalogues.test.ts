import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

type Tree = { [key: string]: string | Tree };

/** Every leaf key path ("codebook.menu.edit") with its text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * ICU argument names of a message ({name}, {count, plural, one {…} other {…}}, branches
 * included) and its rich-text tags (<b>…</b>). A small reader of the ICU syntax we use.
 */
function placeholders(message: string): { args: Set<string>; tags: Set<string> } {
  const args = new Set<string>();
  let i = 0;
  // Reads message text until an unmatched "}" (end of a branch) or the end.
  const text = (): void => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = (): void => {
    i++; // "{"
    const name = /^\s*(\w+)\s*/.exec(message.slice(i));
    if (!name) throw new Error(`bad argument in ${message}`);
    args.add(name[1]!);
    i += name[0].length;
    if (message[i] === "}") {
      i++;
      return;
    }
    const type = /^,\s*(\w+)\s*/.exec(message.slice(i));
    if (!type) throw new Error(`bad argument type in ${message}`);
    i += type[0].length;
    if (!["plural", "select", "selectordinal"].includes(type[1]!)) {
      i = message.indexOf("}", i) + 1; // {n, number} and the like
      return;
    }
    i++; // ","
    while (i < message.length && message[i] !== "}") {
      const open = message.indexOf("{", i);
      if (open < 0) throw new Error(`unclosed branch in ${message}`);
      i = open + 1;
      text();
      i++; // branch "}"
      while (message[i] === " ") i++;
    }
    i++; // argument "}"
  };
  text();
  const tags = new Set([...message.matchAll(/<([A-Za-z]\w*)>/g)].map((m) => m[1]!));
  return { args, tags };
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

const enLeaves = leaves(en as Tree);
const zhLeaves = leaves(zh as Tree);

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    const missingInZh = [...enLeaves.keys()].filter((k) => !zhLeaves.has(k));
    const missingInEn = [...zhLeaves.keys()].filter((k) => !enLeaves.has(k));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
  });

  it("give every message text and the same arguments in both languages", () => {
    const problems: string[] = [];
    for (const [key, e] of enLeaves) {
      const z = zhLeaves.get(key);
      if (z === undefined) continue;
      if (e.trim() === "" || z.trim() === "") problems.push(`${key}: empty`);
      const pe = placeholders(e);
      const pz = placeholders(z);
      // A plural count may be needed in one language only (Chinese has no plural forms).
      pe.args.delete("count");
      pz.args.delete("count");
      if (!same(pe.args, pz.args) || !same(pe.tags, pz.tags)) {
        problems.push(`${key}: ${[...pe.args, ...pe.tags]} vs ${[...pz.args, ...pz.tags]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keep English texts free of Chinese except quoted examples", () => {
    // Examples of Chinese input (search syntax, place names) are the only CJK allowed.
    const allowed = new Set(["search.placeholder", "search.placeholderRegex", "metadata.issuerPlaceholder", "upload.cityPlaceholder"]);
    const cjk = [...enLeaves].filter(([k, v]) => !allowed.has(k) && /[\u3400-\u9fff]/.test(v)).map(([k]) => k);
    expect(cjk).toEqual([]);
  });

  it("contain every literal key the components ask for", () => {
    const root = path.resolve(__dirname, "../..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(e.name)) files.push(full);
      }
    };
    walk(path.join(root, "app"));
    walk(path.join(root, "components"));

    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const src = fs.readFileSync(file, "utf8");
      // Which variable holds which namespace: `const t = useTranslations("ns")`,
      // `await getTranslations("ns")`, or a slot of `const [t, …] = await Promise.all([getTranslations("ns"), …])`.
      // A call uses the nearest declaration above it (each component declares its own `t`).
      const decls: { name: string; namespace: string; at: number }[] = [];
      for (const m of src.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\("([\w.]+)"\)/g)) {
        decls.push({ name: m[1]!, namespace: m[2]!, at: m.index });
      }
      for (const m of src.matchAll(/const\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([^\]]*)\]\)/g)) {
        const names = m[1]!.split(",").map((s) => s.trim());
        const calls = m[2]!.split(/,(?![^(]*\))/).map((s) => s.trim());
        names.forEach((name, i) => {
          const call = /getTranslations\("([\w.]+)"\)/.exec(calls[i] ?? "");
          if (call) decls.push({ name, namespace: call[1]!, at: m.index });
        });
      }
      for (const name of new Set(decls.map((d) => d.name))) {
        const mine = decls.filter((d) => d.name === name).sort((a, b) => a.at - b.at);
        for (const m of src.matchAll(new RegExp(`\\b${name}(?:\\.rich)?\\("([\\w.]+)"`, "g"))) {
          const decl = mine.filter((d) => d.at < m.index).at(-1);
          if (!decl) continue;
          checked++;
          const key = `${decl.namespace}.${m[1]}`;
          if (!enLeaves.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The scan must actually see the components' calls (guards against a broken pattern).
    expect(checked).toBeGreaterThan(300);
  });
});
