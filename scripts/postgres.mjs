// A throwaway PostgreSQL cluster for `npm test`: the suite runs once on SQLite and once on
// PostgreSQL (JUNCTURE_TEST_POSTGRES_URL). Installs Debian's postgresql when no server
// binaries are found and we are root; initialises a cluster in a temporary folder as the
// unprivileged `postgres` user (initdb refuses root), on a free loopback port, trusting
// local connections only; stops it and removes the folder afterwards.
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function serverBinDir() {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], "bin") : null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function ensureServer() {
  let bin = serverBinDir();
  if (bin) return bin;
  if (!isRoot()) {
    throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql: install Debian's postgresql package, or set JUNCTURE_TEST_POSTGRES_URL");
  }
  console.log("Installing Debian package for the PostgreSQL tests: postgresql");
  execSync("apt-get update -qq", { stdio: "inherit" });
  execSync("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql", { stdio: "inherit" });
  bin = serverBinDir();
  if (!bin) throw new Error("postgresql installed, but no initdb under /usr/lib/postgresql/*/bin");
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the unprivileged user when we are root. */
function asServerUser(bin, args) {
  const cmd = isRoot() ? ["runuser", "-u", "postgres", "--", bin, ...args] : [bin, ...args];
  execFileSync(cmd[0], cmd.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
}

/** Starts a cluster; resolves to { url, stop }. */
export async function startThrowawayPostgres() {
  const bin = ensureServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-pg-"));
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  if (isRoot()) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const port = await freePort();
  asServerUser(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  asServerUser(path.join(bin, "pg_ctl"), [
    "-D", data, "-w", "-l", path.join(dir, "server.log"),
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    "start",
  ]);
  const stop = () => {
    try {
      asServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}
