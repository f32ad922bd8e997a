import type { EditorView } from "@tiptap/pm/view";
import { rgba, safeColor } from "./colors";
import { assignLanes } from "./lanes";
import type { PositionMap } from "./positions";
import type { ReaderCoding } from "./types";

export const LANE_WIDTH = 20;
export const MAX_LANES = 14;

/** Height of a vertical label (10px sans, ~6.6px per Latin character, 10px per CJK one). */
function labelHeight(shortName: string): number {
  let h = 8;
  for (const ch of shortName) h += ch.charCodeAt(0) > 0x2e80 ? 11 : 6.8;
  return h;
}

/** A code-point range of the text; the margin draws the codings that overlap it. */
export type CpWindow = { start: number; end: number };

/**
 * The coding margin, drawn imperatively: one absolutely positioned bar per coding beside
 * the text, spanning the vertical extent of its passage, in its own lane when it overlaps
 * another; only for the codings near the viewport (see layout()). Layout is one READ pass
 * (coordsAtPos for every drawn coding's start and end, with no DOM writes in between, so
 * the browser lays out once) followed by one WRITE pass that reuses bar elements by coding
 * id. React never renders a bar, so thousands of codings cost no component re-renders;
 * hover and click reach React through event delegation.
 */
export class MarginRenderer {
  private readonly els = new Map<string, HTMLElement>();
  private selectedId: string | null = null;
  laneCount = 0;
  /** How many bars the last layout drew. */
  drawn = 0;
  /** The most lanes any layout needed (the margin's width). */
  private widest = 0;

  /** `barLabel` names a bar for assistive technology, in the interface language. */
  constructor(
    private readonly container: HTMLElement,
    private readonly barLabel: (c: ReaderCoding) => string,
  ) {}

  /**
   * Lays out the bars of the codings overlapping `near` (all of them when null), measured
   * within it, and removes every other bar. Only the text near the viewport is rendered
   * (the paragraphs use content-visibility: auto), so measuring a coding far away would
   * force the browser to lay that paragraph out; its bar is drawn when the reader scrolls
   * near it instead. Lanes are assigned among the drawn bars.
   */
  layout(
    view: EditorView,
    map: PositionMap,
    codings: readonly ReaderCoding[],
    near: CpWindow | null = null,
  ): { laneCount: number; overflow: number } {
    const origin = this.container.getBoundingClientRect().top;
    const cpCount = map.cpCount;
    const shown = near ? codings.filter((c) => c.start < near.end && c.end > near.start) : codings;
    const hint = { p: 0 };
    // Codings coded by sentence share their edges: measure each position once.
    const topAt = new Map<number, number>();
    const bottomAt = new Map<number, number>();
    const measure = (pos: number, side: 1 | -1, cache: Map<number, number>, pick: "top" | "bottom") => {
      let v = cache.get(pos);
      if (v === undefined) {
        v = view.coordsAtPos(pos, side)[pick] - origin;
        cache.set(pos, v);
      }
      return v;
    };
    // ---- read pass (codings arrive sorted by start, so the position hint only moves forward)
    // A coding reaching beyond the window is measured to the window's edge (off screen):
    // the text beyond it is not rendered, and the next layout draws the rest.
    const lo = near ? Math.max(0, near.start) : 0;
    const hi = near ? Math.min(cpCount, near.end) : cpCount;
    const bars = shown.map((c) => {
      const a = Math.max(lo, Math.min(c.start, hi));
      const b = Math.max(a, Math.min(c.end, hi));
      const from = map.cpToPos(a, "start", hint);
      const to = Math.max(from, map.cpToPos(b, "end"));
      let top = 0;
      let bottom = 12;
      try {
        top = measure(from, 1, topAt, "top");
        bottom = Math.max(to > from ? measure(to, -1, bottomAt, "bottom") : top, top + 12);
      } catch {
        // a position the view cannot resolve: the bar sits at the top, as before
      }
      // A lane is taken down to where the bar's vertical label ends, so labels never collide.
      return { coding: c, top, bottom, laneBottom: Math.max(bottom, top + labelHeight(c.shortName)) };
    });
    const { lanes, laneCount, overflow } = assignLanes(
      bars.map((b) => ({ top: b.top, bottom: b.laneBottom })),
      { gap: 3, maxLanes: MAX_LANES },
    );

    // ---- write pass
    const keep = new Set<string>();
    const fresh = document.createDocumentFragment();
    for (const [k, { coding: c, top, bottom }] of bars.entries()) {
      const lane = lanes[k] ?? 0;
      keep.add(c.id);
      let el = this.els.get(c.id);
      if (!el) {
        el = document.createElement("div");
        el.className = "margin-bar";
        el.setAttribute("role", "button");
        el.tabIndex = 0;
        el.setAttribute("data-coding-id", c.id);
        const label = document.createElement("span");
        label.className = "margin-bar-label";
        el.appendChild(label);
        this.els.set(c.id, el);
        fresh.appendChild(el);
      }
      this.paint(el, c);
      el.setAttribute("data-lane", String(lane));
      el.style.top = `${top}px`;
      el.style.height = `${bottom - top}px`;
      el.style.left = `${lane * LANE_WIDTH}px`;
      el.classList.toggle("is-selected", c.id === this.selectedId);
    }
    for (const [id, el] of this.els) {
      if (!keep.has(id)) {
        el.remove();
        this.els.delete(id);
      }
    }
    this.container.appendChild(fresh);
    this.laneCount = laneCount;
    this.drawn = bars.length;
    // The margin only widens: narrowing it when fewer lanes are near the viewport would
    // reflow the whole text column on scroll (and move the text under the reader's eyes).
    this.widest = Math.max(this.widest, laneCount);
    this.container.style.width = `${Math.max(1, this.widest) * LANE_WIDTH + 6}px`;
    this.container.setAttribute("data-lanes", String(laneCount));
    return { laneCount, overflow };
  }

  private paint(el: HTMLElement, c: ReaderCoding): void {
    const color = safeColor(c.color);
    const key = `${c.shortName}|${color}|${c.anchor}|${c.version}`;
    if (el.dataset.paint === key) return;
    el.dataset.paint = key;
    el.setAttribute("data-code-id", c.codeId);
    el.setAttribute("data-anchor", c.anchor);
    el.classList.toggle("is-orphaned", c.anchor === "orphaned");
    el.classList.toggle("is-relocated", c.anchor === "relocated");
    el.style.setProperty("--bar-color", color);
    el.style.setProperty("--bar-tint", rgba(color, 0.16));
    el.style.setProperty("--bar-strong", rgba(color, 0.42));
    const label = el.firstElementChild;
    if (label) label.textContent = c.shortName;
    el.setAttribute("aria-label", this.barLabel(c));
  }

  setSelected(id: string | null): void {
    if (this.selectedId) this.els.get(this.selectedId)?.classList.remove("is-selected");
    this.selectedId = id;
    if (id) this.els.get(id)?.classList.add("is-selected");
  }

  barOf(id: string): HTMLElement | undefined {
    return this.els.get(id);
  }

  clear(): void {
    for (const el of this.els.values()) el.remove();
    this.els.clear();
    this.widest = 0;
  }
}
