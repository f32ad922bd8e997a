"use client";

import { useMemo, useState } from "react";
import { api } from "./api";
import type { PickerCode } from "./types";

/**
 * The codebook as the reader holds it, with the 1–9 shortcuts: pinning a code to a number
 * takes the number from the code that had it (the server does the same), with the code's version.
 */
export function usePinnedCodes(initial: PickerCode[], o: { onDone: () => void; onError: (e: unknown) => void }) {
  const [codes, setCodes] = useState<PickerCode[]>(initial);
  const pinned = useMemo(() => new Map(codes.flatMap((c) => (c.pinned != null ? [[c.pinned, c] as const] : []))), [codes]);
  const pin = async (code: PickerCode, n: number | null) => {
    try {
      const r = await api.pinCode(code.id, code.version, n);
      setCodes((list) =>
        list.map((c) => (c.id === code.id ? { ...c, pinned: r.pinned, version: r.version } : n != null && c.pinned === n ? { ...c, pinned: null } : c)),
      );
      o.onDone();
    } catch (e) {
      o.onError(e);
    }
  };
  return { codes, pinned, pin };
}
