import { z } from "zod";
import { normalizeKeywords } from "./keywords";
import { zodText } from "../i18n/text";

/**
 * Input schemas of the codebook, defined once and shared by forms, route handlers, server
 * actions and the CLI. The domain functions parse their input with these too, so a caller
 * that skips validation still gets a clean `invalid_input` rather than a driver error.
 */

// Control characters (incl. newline and tab) never belong in a name shown as a chip or used on the CLI.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export const idSchema = z.string().trim().min(1, zodText("id is required", "缺少 id")).max(64);

/**
 * A code's stable short name (COE-1, V-POLY, 开放编码…). NFKC folds full-width input from
 * Chinese IMEs (ＣＯＥ－１ → COE-1) so the same name cannot be typed twice in two widths.
 */
export const shortNameSchema = z
  .string()
  .transform((s) => s.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .min(1, zodText("short name is required", "编码简称不能为空"))
      .max(64, zodText("short name is at most 64 characters", "编码简称最多 64 个字符"))
      .refine((s) => !CONTROL_CHARS.test(s), zodText("short name cannot contain line breaks or tabs", "编码简称不能包含换行或制表符")),
  );

const labelSchema = z.string().trim().max(200, zodText("a label is at most 200 characters", "标签最多 200 个字符"));
const longTextSchema = z.string().trim().max(5000, zodText("a text field is at most 5000 characters", "文本字段最多 5000 个字符"));

/** `#rgb` or `#rrggbb`, stored as lower-case `#rrggbb`. */
export const colorSchema = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, zodText("colour must look like #4f7cac", "颜色格式应为 #4f7cac"))
  .transform((c) => {
    const hex = c.slice(1).toLowerCase();
    return hex.length === 3 ? `#${hex[0]}${hex[0]}${hex[1]}${hex[1]}${hex[2]}${hex[2]}` : `#${hex}`;
  });

/**
 * Keywords as an array, or as one string separated by commas, 、，；; or line breaks (what a
 * form field or a CLI flag gives). Trimmed and de-duplicated.
 */
export const keywordsSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,，、;；\n\r\t]+/) : v),
  z
    .array(z.string().trim().max(50, zodText("a keyword is at most 50 characters", "关键词最多 50 个字符")))
    .max(200, zodText("at most 200 keywords", "关键词最多 200 个"))
    .transform(normalizeKeywords),
);

export const pinnedSchema = z
  .number()
  .int(zodText("pin must be a whole number from 1 to 9", "快捷键编号须为 1–9 的整数"))
  .min(1, zodText("pin must be from 1 to 9", "快捷键编号须为 1–9"))
  .max(9, zodText("pin must be from 1 to 9", "快捷键编号须为 1–9"));

export const versionSchema = z
  .number()
  .int()
  .min(1, zodText("version must be a positive whole number", "版本号须为正整数"));

/**
 * A code's describable fields, written out once: the create and patch schemas, the domain
 * types (CodeRecord, CodeNode) and the codebook form's values all derive from this object.
 */
export const codeFieldsSchema = z.object({
  shortName: shortNameSchema,
  labelZh: labelSchema,
  labelEn: labelSchema,
  definition: longTextSchema,
  inclusion: longTextSchema,
  exclusion: longTextSchema,
  example: longTextSchema,
  color: colorSchema,
  keywords: keywordsSchema,
});
/** The fields as stored and shown (keywords parsed to an array). */
export type CodeFields = z.output<typeof codeFieldsSchema>;
/** The free-text fields (everything but the short name, colour and keywords). */
export const CODE_TEXT_FIELDS = ["labelZh", "labelEn", "definition", "inclusion", "exclusion", "example"] as const satisfies readonly (keyof CodeFields)[];
export type CodeTextField = (typeof CODE_TEXT_FIELDS)[number];

export const createCodeSchema = codeFieldsSchema
  .partial()
  .required({ shortName: true })
  .extend({ projectId: idSchema, parentId: idSchema.nullish() });
export type CreateCodeInput = z.input<typeof createCodeSchema>;

/**
 * The editable fields of a code. Strict: a `parentId` here is a mistake (use moveCode), and
 * silently ignoring it would lose the user's intent. `pinned: null` unpins.
 */
export const codePatchSchema = z.strictObject({
  ...codeFieldsSchema.partial().shape,
  pinned: pinnedSchema.nullable().optional(),
});
export type CodePatch = z.input<typeof codePatchSchema>;

/** Request body of an edit: the patch plus the version the client saw. */
export const updateCodeSchema = codePatchSchema.extend({ expectedVersion: versionSchema });
export type UpdateCodeInput = z.input<typeof updateCodeSchema>;

export const moveCodeSchema = z.object({
  codeId: idSchema,
  /** null moves the code to the top level. */
  newParentId: idSchema.nullable(),
  /** Index among the new siblings (0 = first); omitted or too large = last. */
  position: z.number().int().min(0, zodText("position cannot be negative", "位置不能为负数")).optional(),
});
export type MoveCodeInput = z.input<typeof moveCodeSchema>;

export const mergeCodesSchema = z
  .object({ sourceId: idSchema, targetId: idSchema })
  .refine((v) => v.sourceId !== v.targetId, {
    message: zodText("cannot merge a code into itself", "不能将编码合并到其自身"),
    path: ["targetId"],
  });
export type MergeCodesInput = z.input<typeof mergeCodesSchema>;

export const deleteCodeSchema = z.object({
  confirm: z.literal(true, {
    message:
      zodText("deleting a code removes its sub-codes and codings; confirm first", "删除编码会同时删除其子编码和编码记录，请先确认"),
  }),
});
export type DeleteCodeOptions = z.input<typeof deleteCodeSchema>;

export const codeGroupNameSchema = z
  .string()
  .transform((s) => s.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .min(1, zodText("group name is required", "编码组名称不能为空"))
      .max(100, zodText("group name is at most 100 characters", "编码组名称最多 100 个字符"))
      .refine((s) => !CONTROL_CHARS.test(s), zodText("group name cannot contain line breaks", "编码组名称不能包含换行")),
  );

export const createCodeGroupSchema = z.object({
  projectId: idSchema,
  name: codeGroupNameSchema,
  labelZh: labelSchema.optional(),
});
export type CreateCodeGroupInput = z.input<typeof createCodeGroupSchema>;

export const codeIdsSchema = z.array(idSchema).max(10_000);
