import { cookies } from "next/headers";
import { CODER_COOKIE, DEFAULT_CODER, normalizeCoderName } from "@/lib/coding/coder-name";

/**
 * The current coder: whoever this browser says it is (cookie `juncture-coder`),
 * "researcher" when unset. Juncture has no login yet; the name only attributes
 * codings and memos to a person so that team reliability can be computed.
 */
export async function currentCoderName(): Promise<string> {
  const store = await cookies();
  const raw = store.get(CODER_COOKIE)?.value;
  if (!raw) return DEFAULT_CODER;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return DEFAULT_CODER;
  }
  return normalizeCoderName(decoded) ?? DEFAULT_CODER;
}
