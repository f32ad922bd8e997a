import type { EditorView } from "@tiptap/pm/view";
import { rgba, safeColor } from "./colors";
import { assignLanes } from "./lanes";
import type { PositionMap } from "./positions";
import type { ReaderCoding } from "./types";

export const LANE_WIDTH = 20;
export const MAX_LANES = 14;

/**
 * The coding margin, drawn imperatively: one absolutely positioned bar per coding beside
 * the text, spanning the vertical extent of its passage, in its own lane when it overlaps
 * another. Layout is one READ pass (coordsAtPos for every coding's start and end, with no
 * DOM writes in between, so the browser lays out once) followed by one WRITE pass that
 * reuses bar elements by coding id. React never renders a bar, so 2,000 codings cost no
 * component re-renders; hover and click reach React through event delegation.
 */
/** Height of a vertical label (10px sans, ~6.6px per Latin character, 10px per CJK one). */
function labelHeight(shortName: string): number {
  let h = 8;
  for (const ch of shortName) h += ch.charCodeAt(0) > 0x2e80 ? 11 : 6.8;
  return h;
}

export class MarginRenderer {
  private readonly els = new Map<string, HTMLElement>();
  private selectedId: string | null = null;
  laneCount = 0;

  constructor(private readonly container: HTMLElement) {}

  layout(view: EditorView, map: PositionMap, codings: readonly ReaderCoding[]): { laneCount: number; overflow: number } {
    const origin = this.container.getBoundingClientRect().top;
    const cpCount = map.cpCount;
    const n = codings.length;
    const tops = new Float64Array(n);
    const bottoms = new Float64Array(n);
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
    for (let k = 0; k < n; k++) {
      const c = codings[k];
      const a = Math.max(0, Math.min(c.start, cpCount));
      const b = Math.max(a, Math.min(c.end, cpCount));
      const from = map.cpToPos(a, "start", hint);
      const to = Math.max(from, map.cpToPos(b, "end"));
      try {
        tops[k] = measure(from, 1, topAt, "top");
        bottoms[k] = Math.max(to > from ? measure(to, -1, bottomAt, "bottom") : tops[k], tops[k] + 12);
      } catch {
        tops[k] = 0;
        bottoms[k] = 12;
      }
    }
    // A lane is taken down to where the bar's vertical label ends, so labels never collide.
    const bars = Array.from(tops, (top, k) => ({
      top,
      bottom: Math.max(bottoms[k], top + labelHeight(codings[k].shortName)),
    }));
    const { lanes, laneCount, overflow } = assignLanes(bars, { gap: 3, maxLanes: MAX_LANES });

    // ---- write pass
    const keep = new Set<string>();
    const fresh = document.createDocumentFragment();
    for (let k = 0; k < n; k++) {
      const c = codings[k];
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
      el.setAttribute("data-lane", String(lanes[k]));
      el.style.top = `${tops[k]}px`;
      el.style.height = `${bottoms[k] - tops[k]}px`;
      el.style.left = `${lanes[k] * LANE_WIDTH}px`;
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
    this.container.style.width = `${Math.max(1, laneCount) * LANE_WIDTH + 6}px`;
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
    const label = el.firstElementChild as HTMLElement;
    label.textContent = c.shortName;
    const flag = c.anchor === "orphaned" ? "⚠ 锚点丢失 orphaned" : c.anchor === "relocated" ? "↻ 已重新定位 relocated" : "";
    el.setAttribute(
      "aria-label",
      `${c.shortName} ${c.labelZh} ${c.labelEn}${flag ? ` — ${flag}` : ""} — 点击选中 click to select`,
    );
  }

  setSelected(id: string | null): void {
    if (this.selectedId && this.els.get(this.selectedId)) this.els.get(this.selectedId)!.classList.remove("is-selected");
    this.selectedId = id;
    if (id && this.els.get(id)) this.els.get(id)!.classList.add("is-selected");
  }

  barOf(id: string): HTMLElement | undefined {
    return this.els.get(id);
  }

  clear(): void {
    for (const el of this.els.values()) el.remove();
    this.els.clear();
  }
}
