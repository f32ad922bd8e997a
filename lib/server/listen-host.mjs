// Plain ESM (with JSDoc types) so that scripts/start.mjs, which runs without TypeScript, and the
// typed code and tests share the one rule.

/** Names that reach this machine only. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** @param {string} host */
export function isLoopbackHost(host) {
  return LOOPBACK.test(host.trim());
}

/**
 * A team server: `JUNCTURE_MODE=server`, or any PostgreSQL DATABASE_URL unless
 * `JUNCTURE_MODE=embedded` says otherwise (the same rule as lib/auth/mode.ts).
 * @param {{ mode?: string | null, databaseUrl?: string | null }} env
 */
export function isServerMode(env) {
  const mode = env.mode?.trim().toLowerCase();
  if (mode === "server") return true;
  if (mode === "embedded") return false;
  return /^postgres(ql)?:\/\//i.test(env.databaseUrl?.trim() ?? "");
}

/**
 * Where `npm start` listens. The embedded default signs the local user in without a password, so
 * it listens on 127.0.0.1 only; another address (HOST or `-H`) needs a team server, which asks
 * everyone to log in. Returns the host to bind, or the reason for refusing (English and Chinese).
 * @param {{ requestedHost?: string | null, mode?: string | null, databaseUrl?: string | null }} input
 * @returns {{ ok: true, host: string } | { ok: false, reason: { en: string, zh: string } }}
 */
export function listenHost(input) {
  const requested = input.requestedHost?.trim() || "";
  if (requested === "") return { ok: true, host: "127.0.0.1" };
  if (isLoopbackHost(requested) || isServerMode(input)) return { ok: true, host: requested };
  return {
    ok: false,
    reason: {
      en:
        `refusing to listen on ${requested}: the embedded default signs in without a password, so it listens on 127.0.0.1 only. ` +
        "To serve other machines run a team server (JUNCTURE_MODE=server, or a PostgreSQL DATABASE_URL), which requires login.",
      zh:
        `拒绝在 ${requested} 上监听：默认的嵌入式模式无需密码即可登录，因此只监听 127.0.0.1。` +
        "如需供其他机器访问，请以团队服务器方式运行（JUNCTURE_MODE=server，或 PostgreSQL 的 DATABASE_URL），该模式需要登录。",
    },
  };
}

/**
 * The host asked for on the command line (`-H x`, `--hostname x`, `--hostname=x`), else HOST.
 * @param {readonly string[]} argv arguments after the script name
 * @param {string | undefined} envHost
 */
export function requestedHostOf(argv, envHost) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if ((a === "-H" || a === "--hostname") && argv[i + 1] !== undefined) return argv[i + 1] ?? null;
    if (a.startsWith("--hostname=")) return a.slice("--hostname=".length);
  }
  return envHost ?? null;
}
