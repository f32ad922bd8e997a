import { Extension, Mark } from "@tiptap/core";
import Paragraph from "@tiptap/extension-paragraph";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";
import type { EditorView, ViewMutationRecord } from "@tiptap/pm/view";
import type { Attrs } from "@tiptap/pm/model";

/**
 * The sentence unit as a mark: `<span class="unit" data-unit-id data-start data-end>`
 * around exactly the sentence's text (start/end in code points). See doc.ts for why
 * units are a mark rather than a decoration.
 */
let template: HTMLElement | null = null;
/** `<span class="unit"><span class="unit-handle" …></span><span>text</span></span>`, made once. */
function unitTemplate(): HTMLElement {
  if (!template) {
    template = document.createElement("span");
    template.className = "unit";
    const handle = document.createElement("span");
    handle.className = "unit-handle";
    handle.setAttribute("role", "button");
    handle.setAttribute("contenteditable", "false");
    template.append(handle, document.createElement("span"));
  }
  return template;
}

/** A unit's data attributes: its id and its span in code points (and its number, from 0). */
function unitAttributes(a: Attrs): Record<string, string> {
  const out: Record<string, string> = { "data-start": String(a.start), "data-end": String(a.end), "data-ordinal": String(a.ordinal) };
  if (a.unitId != null) out["data-unit-id"] = String(a.unitId);
  return out;
}

/** The unit's element in the editor (see UnitMark.addMarkView): its data attributes, its handle, its text. */
function unitView(a: Attrs, handleLabel: (n: string) => string) {
  // Thousands of units: clone one prepared element rather than build each from scratch.
  const dom = unitTemplate().cloneNode(true) as HTMLElement;
  const [handle, contentDOM] = [dom.firstChild as HTMLElement, dom.lastChild as HTMLElement];
  for (const [k, v] of Object.entries(unitAttributes(a))) dom.setAttribute(k, v);
  const label = String(Number(a.ordinal) + 1);
  handle.setAttribute("data-unit-handle", String(a.unitId ?? ""));
  handle.setAttribute("data-ordinal", label);
  handle.setAttribute("aria-label", handleLabel(label));
  return {
    dom,
    contentDOM,
    // The reader sets the handle's title on first hover: nothing for the editor to re-read.
    ignoreMutation: (m: ViewMutationRecord) => m.type !== "selection" && handle.contains(m.target),
  };
}

export const UnitMark = Mark.create<{ handleLabel: (n: string) => string }>({
  name: "unit",
  addOptions() {
    // The handle's accessible name, in the interface language (set by the reader).
    return { handleLabel: (n: string) => n };
  },
  inclusive: false,
  spanning: true,
  // Not rendered by Tiptap (rendered: false): it would render and merge each attribute of
  // each of thousands of units on every build, a tenth of building a long text. The mark
  // view and renderHTML write them from the mark's attributes instead (unitAttributes).
  addAttributes() {
    return {
      unitId: { default: null, rendered: false },
      start: { default: 0, rendered: false },
      end: { default: 0, rendered: false },
      ordinal: { default: 0, rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: "span.unit" }];
  },
  renderHTML({ mark }) {
    return ["span", { class: "unit", ...unitAttributes(mark.attrs), "data-label": String(Number(mark.attrs.ordinal) + 1) }, 0];
  },
  /**
   * In the editor, each sentence also carries its handle: a small clickable badge before
   * its first character, showing the sentence number (drawn by CSS from data-ordinal, so
   * the handle adds no text: copying or reading `.unit` text is unaffected). Built with the
   * unit's own element rather than as thousands of widget decorations, which cost the
   * editor a view description, a DOM build and a diff each. The text goes in an inner
   * span (the mark view's content), so ProseMirror never touches the handle.
   */
  addMarkView() {
    const handleLabel = this.options.handleLabel;
    return ({ mark }) => unitView(mark.attrs, handleLabel) as never; // a plain ProseMirror mark view: Tiptap passes it through
  },
});

/**
 * A stored paragraph: `<p class="reader-paragraph" data-paragraph data-start data-end>` (code
 * points). Its length in code points goes into `--chars`, from which reader.css estimates
 * the height of the paragraph while it is off screen and not rendered (content-visibility).
 */
export const ReaderParagraph = Paragraph.extend({
  // As for units: written from the node's attributes in one object, not rendered and merged one by one.
  addAttributes() {
    return {
      paragraph: { default: null, rendered: false },
      start: { default: 0, rendered: false },
      end: { default: 0, rendered: false },
    };
  },
  renderHTML({ node }) {
    const a = node.attrs;
    return [
      "p",
      {
        class: "reader-paragraph",
        "data-paragraph": String(a.paragraph),
        style: `--chars:${Math.max(0, Number(a.end) - Number(a.start))}`,
        "data-start": String(a.start),
        "data-end": String(a.end),
      },
      0,
    ];
  },
});

/**
 * A decoration layer: a plugin whose state is a DecorationSet replaced wholesale through
 * a transaction meta. The document never changes (the editor is read-only), so sets are
 * built from data, not mapped through edits. Two layers keep rebuilds small: the
 * codings (rebuilt when codings change) and the overlay (selected coding, pending selection, flash — rebuilt on every click).
 */
export type DecorationLayer = {
  key: PluginKey<DecorationSet>;
  extension: Extension;
  set: (view: EditorView, deco: DecorationSet) => void;
  /**
   * The set the plugin starts with. Tiptap creates its state without plugins and adds them
   * when the editor mounts, so a set dispatched before mounting would be lost; this one is
   * picked up by the plugin's init instead.
   */
  setInitial: (deco: DecorationSet) => void;
};

export function decorationLayer(name: string): DecorationLayer {
  const key = new PluginKey<DecorationSet>(name);
  let initial: DecorationSet = DecorationSet.empty;
  const extension = Extension.create({
    name,
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: () => initial,
            apply: (tr, old) => {
              const next = tr.getMeta(key) as DecorationSet | undefined;
              if (next) return next;
              return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
            },
          },
          props: {
            decorations: (state) => key.getState(state),
          },
        }),
      ];
    },
  });
  return {
    key,
    extension,
    set: (view, deco) => view.dispatch(view.state.tr.setMeta(key, deco).setMeta("addToHistory", false)),
    setInitial: (deco) => {
      initial = deco;
    },
  };
}
