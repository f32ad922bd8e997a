import Link from "next/link";
import { CoderControl } from "./CoderControl";

/** The dark top bar: product name (home = project list) and the current coder. */
export function AppHeader({ coder }: { coder: string }) {
  return (
    <header className="sticky top-0 z-30 flex h-10 items-center justify-between bg-stone-900 px-4 text-stone-100">
      <Link href="/" className="flex items-baseline gap-2 hover:text-white">
        <span className="text-sm font-semibold tracking-wide">Juncture</span>
        <span className="text-xs text-stone-400">政策文本质性编码 · qualitative coding of policy texts</span>
      </Link>
      <CoderControl name={coder} />
    </header>
  );
}
