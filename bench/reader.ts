import type { Db } from "../lib/db/client";
import type { Figure } from "./util";

export async function benchReader(_db: Db, _url: string, _files: string[]): Promise<Figure[]> {
  return [];
}
