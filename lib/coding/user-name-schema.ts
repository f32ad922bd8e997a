import { z } from "zod";
import { zodText } from "../i18n/text";
import { checkCoderName } from "./coder-name";

/** The coder-name rule (coder-name.ts) as a zod schema for request bodies and CLI options. */
export const userNameSchema = z.string({ error: zodText("a user name is required", "缺少用户名") }).transform((value, ctx) => {
  const r = checkCoderName(value);
  if (r.ok) return r.name;
  ctx.addIssue({ code: "custom", message: zodText(r.reason.en, r.reason.zh) });
  return z.NEVER;
});
