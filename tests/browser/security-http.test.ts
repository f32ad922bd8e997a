import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeWith } from "../helpers/describe-with";
import { CORPUS } from "../text/fixtures";
import { baseUrl } from "./browser";

/**
 * The security rules of proxy.ts and the API through the real production server: CSRF refusal of
 * cross-site mutations (403, nothing written), the content types each route accepts, body size
 * bounds (413), the security headers, and a regex search that cannot block the server.
 */

const json = (body: unknown) => JSON.stringify(body);

async function projectNames(): Promise<string[]> {
  const res = await fetch(`${baseUrl()}/api/projects`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { projects: { name: string }[] }).projects.map((p) => p.name);
}

async function createProject(name: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/projects`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl(), "sec-fetch-site": "same-origin" },
    body: json({ name, templates: "none" }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { project: { id: string } }).project.id;
}

function importForm(name: string, text: string): FormData {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/plain" }), name);
  return form;
}

describe("CSRF refusal through the real server", () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await createProject("CSRF 基线项目");
  });

  type Case = {
    name: string;
    headers: Record<string, string>;
    /** Expected status; 201 means the project was created. */
    status: number;
    reason?: RegExp;
  };
  const origin = () => baseUrl();
  const hostPort = () => new URL(baseUrl()).host;
  const cases: Case[] = [
    {
      name: "foreign Origin + text/plain (what an attacker's form or fetch can send without a preflight)",
      headers: { origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
      status: 403,
      reason: /^cross-site request refused \(Origin https:\/\/evil\.example is not http:\/\/127\.0\.0\.1:\d+\)$/,
    },
    {
      name: "foreign Origin even with JSON",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      status: 403,
      reason: /Origin https:\/\/evil\.example/,
    },
    {
      name: "Sec-Fetch-Site: cross-site",
      headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      status: 403,
      reason: /^cross-site request refused \(Sec-Fetch-Site: cross-site\)$/,
    },
    {
      name: "Sec-Fetch-Site: same-site (a sibling subdomain is another origin)",
      headers: { "sec-fetch-site": "same-site", "content-type": "application/json" },
      status: 403,
    },
    { name: "no content type on a POST", headers: {}, status: 403, reason: /unsupported content type “none”/ },
    {
      name: "foreign Origin, refused in the request's language (Accept-Language zh)",
      headers: { origin: "https://evil.example", "content-type": "text/plain", "accept-language": "zh-CN,zh;q=0.9" },
      status: 403,
      reason: /^已拒绝跨站请求（来源 https:\/\/evil\.example 不是 http:\/\/127\.0\.0\.1:\d+）$/,
    },
    {
      name: "same-origin text/plain",
      headers: { origin: "__self__", "content-type": "text/plain" },
      status: 403,
      reason: /unsupported content type “text\/plain”: send application\/json$/,
    },
    {
      name: "multipart on a JSON route",
      headers: { origin: "__self__", "content-type": "multipart/form-data; boundary=x" },
      status: 403,
    },
    { name: "same-origin JSON", headers: { origin: "__self__", "sec-fetch-site": "same-origin", "content-type": "application/json" }, status: 201 },
    { name: "JSON without Origin (CLI-like client, no browser)", headers: { "content-type": "application/json; charset=utf-8" }, status: 201 },
    {
      name: "same server under another loopback name (localhost for 127.0.0.1)",
      headers: { origin: "__localhost__", "content-type": "application/json" },
      status: 201,
    },
    {
      name: "behind a reverse proxy: Origin equals X-Forwarded-Proto://X-Forwarded-Host",
      headers: {
        origin: "https://juncture.example.org",
        "x-forwarded-host": "juncture.example.org",
        "x-forwarded-proto": "https",
        "content-type": "application/json",
      },
      status: 201,
    },
    {
      name: "behind a reverse proxy: an Origin on plain http is another origin",
      headers: {
        origin: "http://juncture.example.org",
        "x-forwarded-host": "juncture.example.org",
        "x-forwarded-proto": "https",
        "content-type": "application/json",
      },
      status: 403,
    },
  ];

  it.each(cases)("$name → $status", async (c) => {
    const headers = Object.fromEntries(
      Object.entries(c.headers).map(([k, v]) => [
        k,
        v === "__self__" ? origin() : v === "__localhost__" ? `http://localhost:${hostPort().split(":")[1]}` : v,
      ]),
    );
    const name = `CSRF ${c.name}`;
    // Bytes, not a string: fetch would add text/plain to a string body.
    const body = new TextEncoder().encode(json({ name, templates: "none" }));
    const res = await fetch(`${baseUrl()}/api/projects`, { method: "POST", headers, body });
    const answer = (await res.json()) as { error?: { code: string; message: string } };
    expect(res.status, JSON.stringify(answer)).toBe(c.status);
    if (c.status === 403) {
      expect(answer.error?.code).toBe("forbidden");
      if (c.reason) expect(answer.error?.message).toMatch(c.reason);
      expect(await projectNames()).not.toContain(name);
    } else {
      expect(await projectNames()).toContain(name);
    }
  });

  it("refuses cross-site PATCH and DELETE, and leaves the project as it was", async () => {
    const patch = await fetch(`${baseUrl()}/api/projects/${projectId}`, {
      method: "PATCH",
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      body: json({ name: "renamed by evil" }),
    });
    expect(patch.status).toBe(403);
    const del = await fetch(`${baseUrl()}/api/projects/${projectId}`, { method: "DELETE", headers: { "sec-fetch-site": "cross-site" } });
    expect(del.status).toBe(403);
    expect(await projectNames()).toContain("CSRF 基线项目");
  });

  it("accepts the multipart document import, and refuses it cross-site", async () => {
    const ok = await fetch(`${baseUrl()}/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { origin: baseUrl(), "sec-fetch-site": "same-origin" },
      body: importForm("csrf-import.txt", "推动高质量发展。\n"),
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const evil = await fetch(`${baseUrl()}/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: importForm("evil-import.txt", "恶意导入。\n"),
    });
    expect(evil.status).toBe(403);
    const list = await fetch(`${baseUrl()}/api/projects/${projectId}/documents`);
    const docs = JSON.stringify(await list.json());
    expect(docs).toContain("csrf-import");
    expect(docs).not.toContain("evil-import");
  });
});

describe("bounded requests", () => {
  it("refuses a JSON body over 1 MiB with 413, declared or streamed", async () => {
    const big = json({ name: "x".repeat(1024 * 1024 + 10), templates: "none" });
    const declared = await fetch(`${baseUrl()}/api/projects`, {
      method: "POST",
      headers: { origin: baseUrl(), "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "too_large",
      message: "the request body is over the 1 MiB limit",
    });
    // Without Content-Length (chunked), the handler counts while reading.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
        c.close();
      },
    });
    const streamed = await fetch(`${baseUrl()}/api/projects`, {
      method: "POST",
      headers: { origin: baseUrl(), "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await projectNames()).some((n) => n.startsWith("xxxx"))).toBe(false);
  });
});

describe("security headers", () => {
  it("are on pages and API answers, with a fresh nonce that Next.js puts on its scripts", async () => {
    const page = await fetch(`${baseUrl()}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const html = await page.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline) expect(m[1]).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${baseUrl()}/`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);

    expect(page.headers.get("x-powered-by")).toBeNull();
    // Next's static files skip the proxy; next.config.js gives them the same fixed headers.
    const chunk = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const asset = await fetch(`${baseUrl()}${chunk}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
    expect(asset.headers.get("x-frame-options")).toBe("DENY");

    const api = await fetch(`${baseUrl()}/api/projects`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

const REPORT = path.join(CORPUS.location, "hailar-govworkreport", "2012.txt");

describeWith(CORPUS, "a regex search that used to hang", () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await createProject("正则检索 ReDoS");
    const res = await fetch(`${baseUrl()}/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { origin: baseUrl() },
      body: importForm("海拉尔区2012年政府工作报告.txt", fs.readFileSync(REPORT, "utf8")),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  const search = (query: string) =>
    fetch(`${baseUrl()}/api/projects/${projectId}/search`, {
      method: "POST",
      headers: { origin: baseUrl(), "content-type": "application/json" },
      body: json({ query, mode: "regex" }),
    });

  it("answers /(.*.*)*y/ over the 12,000-character report within a second while other requests are served", async () => {
    const started = performance.now();
    // The second and third have no literal re2js could use to skip the text: the automaton runs.
    const searches = [search("/(.*.*)*y/"), search("/(.*.*)*[yz]/"), search("/(.*.*)*\\d{12}/")].map((p) =>
      p.then(async (r) => ({ status: r.status, body: (await r.json()) as { total: number }, at: performance.now() - started })),
    );
    // Sent while the searches are in flight; a blocked event loop would hold it back.
    const other = fetch(`${baseUrl()}/api/projects`).then((r) => ({ status: r.status, at: performance.now() - started }));
    const [results, list] = await Promise.all([Promise.all(searches), other]);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(0);
    }
    expect(list.status).toBe(200);
    expect(Math.max(...results.map((r) => r.at))).toBeLessThan(1_000);
    expect(list.at).toBeLessThan(1_000);
    // The engine still finds what is there.
    const found = await search("/海拉尔.{2}/");
    expect(((await found.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it("refuses a backreference with a reason", async () => {
    const res = await search("/(发展)\\1/");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("backreferences");
  });
});
