"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import {
  ChevronDown,
  ChevronRight,
  CornerLeftUp,
  FolderInput,
  GitMerge,
  GripVertical,
  Keyboard,
  MoreHorizontal,
  Pencil,
  Plus,
  Tag,
  Trash2,
  X,
} from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type DragEvent, type ReactNode } from "react";
import { codeLabel } from "./tree";
import type { CodeGroupInfo, CodeNode } from "./types";

export type RowAction =
  | { type: "edit" }
  | { type: "addChild" }
  | { type: "move" }
  | { type: "merge" }
  | { type: "delete" }
  | { type: "pin"; key: number | null }
  | { type: "addToGroup"; groupId: string }
  | { type: "newGroup" }
  | { type: "removeFromGroup"; groupId: string };

const DRAG_TYPE = "application/x-juncture-code";

/**
 * The codebook as a tree of any depth. A row can be dragged onto another row (becomes its
 * last sub-code) or onto the top-level strip; the server decides whether the move is
 * allowed (never under the code's own descendants) and its refusal is shown by the caller.
 */
export function CodeTree({
  nodes,
  visible,
  collapsed,
  onToggle,
  selectedId,
  onSelect,
  groups,
  onAction,
  onDropMove,
  readOnly = false,
}: {
  nodes: readonly CodeNode[];
  /** Ids to render (a filter's matches and their ancestors); null renders everything. */
  visible: ReadonlySet<string> | null;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  groups: readonly CodeGroupInfo[];
  onAction: (code: CodeNode, action: RowAction) => void;
  onDropMove: (codeId: string, newParentId: string | null) => void;
  /** A viewer's tree: no dragging, no row menu (the server would refuse the changes). */
  readOnly?: boolean;
}) {
  const t = useTranslations("codebook");
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [overRoot, setOverRoot] = useState(false);

  const endDrag = () => {
    setDragId(null);
    setOverId(null);
    setOverRoot(false);
  };

  const rowProps = {
    visible,
    collapsed,
    onToggle,
    selectedId,
    onSelect,
    groups,
    onAction,
    dragId,
    overId,
    forceOpen: visible !== null,
    onDragStartRow: (id: string) => setDragId(id),
    onDragOverRow: (id: string) => setOverId(id),
    onDragLeaveRow: (id: string) => setOverId((cur) => (cur === id ? null : cur)),
    onDropRow: (targetId: string, sourceId: string) => {
      endDrag();
      if (sourceId && sourceId !== targetId) onDropMove(sourceId, targetId);
    },
    onDragEnd: endDrag,
    readOnly,
  };

  return (
    <div className="flex flex-col">
      <div
        hidden={readOnly}
        data-testid="root-drop-zone"
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "move";
          setOverRoot(true);
        }}
        onDragLeave={() => setOverRoot(false)}
        onDrop={(e) => {
          e.preventDefault();
          const id = e.dataTransfer.getData(DRAG_TYPE);
          endDrag();
          if (id) onDropMove(id, null);
        }}
        className={`mb-1 flex items-center gap-1.5 rounded border border-dashed px-2 text-[11px] transition-all ${
          dragId ? "h-8 opacity-100" : "h-8 opacity-60"
        } ${overRoot ? "border-accent-500 bg-accent-50 text-accent-700" : "border-stone-300 text-stone-500"}`}
      >
        <CornerLeftUp size={12} aria-hidden /> {t("tree.dropToTop")}
      </div>
      <ul role="tree" aria-label={t("tree.label")} className="flex flex-col" data-testid="code-tree">
        {nodes.map((n) => (
          <CodeRow key={n.id} node={n} depth={0} {...rowProps} />
        ))}
      </ul>
    </div>
  );
}

type RowProps = {
  node: CodeNode;
  depth: number;
  visible: ReadonlySet<string> | null;
  collapsed: ReadonlySet<string>;
  forceOpen: boolean;
  onToggle: (id: string) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  groups: readonly CodeGroupInfo[];
  onAction: (code: CodeNode, action: RowAction) => void;
  dragId: string | null;
  overId: string | null;
  onDragStartRow: (id: string) => void;
  onDragOverRow: (id: string) => void;
  onDragLeaveRow: (id: string) => void;
  onDropRow: (targetId: string, sourceId: string) => void;
  onDragEnd: () => void;
  readOnly: boolean;
};

function CodeRow(props: RowProps) {
  const { node, depth, visible, collapsed, forceOpen, onToggle, selectedId, onSelect, onAction } = props;
  const t = useTranslations("codebook");
  const locale = useLocale();
  const format = useFormatter();
  if (visible && !visible.has(node.id)) return null;
  const fmt = (n: number) => format.number(n);
  const { label, other } = codeLabel(node, locale);
  const kids = visible ? node.children.filter((c) => visible.has(c.id)) : node.children;
  const hasKids = node.children.length > 0;
  const open = hasKids && (forceOpen || !collapsed.has(node.id));
  const selected = selectedId === node.id;
  const isOver = props.overId === node.id && props.dragId !== node.id;

  return (
    <li role="treeitem" aria-level={depth + 1} aria-expanded={hasKids ? open : undefined} aria-selected={selected} data-code={node.shortName}>
      <div
        draggable={!props.readOnly}
        onDragStart={(e: DragEvent) => {
          e.dataTransfer.setData(DRAG_TYPE, node.id);
          e.dataTransfer.setData("text/plain", node.shortName);
          e.dataTransfer.effectAllowed = "move";
          props.onDragStartRow(node.id);
        }}
        onDragEnd={props.onDragEnd}
        onDragOver={(e: DragEvent) => {
          if (!e.dataTransfer.types.includes(DRAG_TYPE) || props.dragId === node.id) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "move";
          props.onDragOverRow(node.id);
        }}
        onDragLeave={() => props.onDragLeaveRow(node.id)}
        onDrop={(e: DragEvent) => {
          e.preventDefault();
          e.stopPropagation();
          props.onDropRow(node.id, e.dataTransfer.getData(DRAG_TYPE));
        }}
        onClick={() => onSelect(node.id)}
        data-testid="code-row"
        className={`group flex h-8 cursor-default items-center gap-1.5 rounded pr-1 ${
          isOver ? "bg-accent-100 ring-1 ring-accent-500" : selected ? "bg-amber-50 ring-1 ring-amber-200" : "hover:bg-stone-100"
        } ${props.dragId === node.id ? "opacity-40" : ""}`}
        style={{ paddingLeft: 4 + depth * 18 }}
      >
        {props.readOnly ? (
          <span className="w-[13px] shrink-0" />
        ) : (
          <GripVertical size={13} className="shrink-0 cursor-grab text-stone-300 group-hover:text-stone-500" aria-hidden />
        )}
        {hasKids ? (
          <button
            type="button"
            onClick={(e) => {
              e.stopPropagation();
              onToggle(node.id);
            }}
            aria-label={open ? t("tree.collapse") : t("tree.expand")}
            className="rounded p-0.5 text-stone-500 hover:bg-stone-200"
          >
            {open ? <ChevronDown size={13} /> : <ChevronRight size={13} />}
          </button>
        ) : (
          <span className="w-[17px] shrink-0" />
        )}
        <span className="h-3 w-3 shrink-0 rounded-sm" style={{ background: node.color }} aria-hidden />
        <span className="shrink-0 font-semibold text-stone-900" data-testid="code-short-name">
          {node.shortName}
        </span>
        <span className="truncate text-stone-800" title={other || undefined}>
          {label}
        </span>
        <span className="ml-auto flex shrink-0 items-center gap-1.5">
          {node.groups.map((g) => (
            <span key={g.id} className="rounded-full bg-stone-200/70 px-1.5 text-[10px] text-stone-600" title={t("tree.group", { name: g.name })}>
              {g.name}
            </span>
          ))}
          {node.keywords.length > 0 ? (
            <span className="text-[10px] text-stone-400" title={node.keywords.join("、")}>
              {t("tree.keywords", { count: node.keywords.length })}
            </span>
          ) : null}
          {node.pinned ? (
            <kbd className="rounded border border-stone-300 bg-white px-1 font-mono text-[10px] text-stone-600" title={t("tree.key", { key: node.pinned })}>
              {node.pinned}
            </kbd>
          ) : null}
          <span className="w-24 text-right text-xs tabular-nums" title={t("countsHeader")}>
            <span className="text-stone-900" data-testid="code-count">
              {fmt(node.codingCount)}
            </span>
            <span className="text-stone-400"> / </span>
            <span className="text-stone-500" data-testid="code-total-count">
              {fmt(node.totalCodingCount)}
            </span>
          </span>
          {props.readOnly ? null : <RowMenu node={node} groups={props.groups} onAction={onAction} />}
        </span>
      </div>
      {open && kids.length > 0 ? (
        <ul role="group">
          {kids.map((c) => (
            <CodeRow key={c.id} {...props} node={c} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-[13px] text-stone-800 outline-none data-[highlighted]:bg-stone-100 data-[disabled]:cursor-default data-[disabled]:text-stone-300";
const contentClass = "z-50 min-w-52 rounded-md border border-stone-200 bg-white p-1 shadow-lg";

function RowMenu({
  node,
  groups,
  onAction,
}: {
  node: CodeNode;
  groups: readonly CodeGroupInfo[];
  onAction: (code: CodeNode, action: RowAction) => void;
}) {
  const t = useTranslations("codebook.menu");
  const act = (a: RowAction) => () => onAction(node, a);
  const member = new Set(node.groups.map((g) => g.id));
  return (
    // Non-modal so that a dialog opened from an item gets focus and pointer events back.
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button
          type="button"
          aria-label={t("actions", { name: node.shortName })}
          data-testid="code-actions"
          onClick={(e) => e.stopPropagation()}
          className="rounded p-1 text-stone-400 hover:bg-stone-200 hover:text-stone-900 data-[state=open]:bg-stone-200"
        >
          <MoreHorizontal size={14} />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className={contentClass} onClick={(e) => e.stopPropagation()}>
          <Item onSelect={act({ type: "edit" })} icon={<Pencil size={13} />}>
            {t("edit")}
          </Item>
          <Item onSelect={act({ type: "addChild" })} icon={<Plus size={13} />}>
            {t("addChild")}
          </Item>
          <Item onSelect={act({ type: "move" })} icon={<FolderInput size={13} />}>
            {t("move")}
          </Item>
          <Item onSelect={act({ type: "merge" })} icon={<GitMerge size={13} />}>
            {t("merge")}
          </Item>
          <Menu.Separator className="my-1 h-px bg-stone-100" />
          <Menu.Sub>
            <Menu.SubTrigger className={itemClass}>
              <Tag size={13} /> {t("addToGroup")} <ChevronRight size={12} className="ml-auto" />
            </Menu.SubTrigger>
            <Menu.Portal>
              <Menu.SubContent className={contentClass} sideOffset={4}>
                {groups.map((g) => (
                  <Item key={g.id} disabled={member.has(g.id)} onSelect={act({ type: "addToGroup", groupId: g.id })}>
                    {g.name} {g.labelZh ? <span className="text-stone-500">{g.labelZh}</span> : null}
                  </Item>
                ))}
                {groups.length > 0 ? <Menu.Separator className="my-1 h-px bg-stone-100" /> : null}
                <Item onSelect={act({ type: "newGroup" })} icon={<Plus size={13} />}>
                  {t("newGroup")}
                </Item>
              </Menu.SubContent>
            </Menu.Portal>
          </Menu.Sub>
          {node.groups.length > 0 ? (
            <Menu.Sub>
              <Menu.SubTrigger className={itemClass}>
                <X size={13} /> {t("removeFromGroup")} <ChevronRight size={12} className="ml-auto" />
              </Menu.SubTrigger>
              <Menu.Portal>
                <Menu.SubContent className={contentClass} sideOffset={4}>
                  {node.groups.map((g) => (
                    <Item key={g.id} onSelect={act({ type: "removeFromGroup", groupId: g.id })}>
                      {g.name}
                    </Item>
                  ))}
                </Menu.SubContent>
              </Menu.Portal>
            </Menu.Sub>
          ) : null}
          <Menu.Sub>
            <Menu.SubTrigger className={itemClass}>
              <Keyboard size={13} /> {t("pin")} <ChevronRight size={12} className="ml-auto" />
            </Menu.SubTrigger>
            <Menu.Portal>
              <Menu.SubContent className={`${contentClass} min-w-40`} sideOffset={4}>
                <div className="grid grid-cols-3 gap-1 p-1">
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => (
                    <Menu.Item
                      key={k}
                      onSelect={act({ type: "pin", key: k })}
                      className={`flex h-7 cursor-pointer items-center justify-center rounded border font-mono text-xs outline-none data-[highlighted]:bg-stone-100 ${
                        node.pinned === k ? "border-accent-500 bg-accent-50" : "border-stone-200"
                      }`}
                    >
                      {k}
                    </Menu.Item>
                  ))}
                </div>
                <Item disabled={node.pinned === null} onSelect={act({ type: "pin", key: null })}>
                  {t("unpin")}
                </Item>
              </Menu.SubContent>
            </Menu.Portal>
          </Menu.Sub>
          <Menu.Separator className="my-1 h-px bg-stone-100" />
          <Menu.Item onSelect={act({ type: "delete" })} className={`${itemClass} text-red-700`}>
            <Trash2 size={13} /> {t("delete")}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

function Item({
  onSelect,
  icon,
  disabled,
  children,
}: {
  onSelect: () => void;
  icon?: ReactNode;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Menu.Item onSelect={onSelect} disabled={disabled} className={itemClass}>
      {icon}
      {children}
    </Menu.Item>
  );
}
