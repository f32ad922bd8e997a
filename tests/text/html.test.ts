import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { declaredCharset, decodeHtml, parseHtmlSafely } from "../../lib/text/html";
import { inferMetadataFromFilename } from "../../lib/corpus/metadata";
import { extractDocument } from "../../lib/text/extract";
import { ARTICLE_PARAGRAPHS, encode, govPageHtml, utf8 } from "./fixtures";

describe("HTML extraction of a government page", () => {
  it("keeps only the article paragraphs of a GBK page declared by http-equiv", async () => {
    const doc = await extractDocument(encode(govPageHtml("gb2312"), "gbk"), "report.htm");
    expect(doc.format).toBe("html");
    expect(doc.encoding).toBe("GB18030");
    for (const p of ARTICLE_PARAGRAPHS) expect(doc.text.split("\n")).toContain(p);
    // No script source, no script output, no inline handler, no navigation or footer.
    for (const leaked of ["脚本内容", "动态写入", "页尾脚本", "alert", "点击事件", "onclick", "首页", "政务公开", "网站导航", "站点地图", "版权所有", "备案号", "font-family", "<"]) {
      expect(doc.text).not.toContain(leaked);
    }
    expect(doc.title).toBe("政府工作报告");
  });

  it("reads <meta charset> and UTF-8 pages", async () => {
    const html = govPageHtml("utf-8").replace(/<meta http-equiv[^>]*>/, '<meta charset="utf-8">');
    const doc = await extractDocument(utf8(html), "page.html");
    expect(doc.encoding).toBe("UTF-8");
    expect(doc.text).toContain(ARTICLE_PARAGRAPHS[2]);
  });

  it("falls back to detection when the declared charset is wrong", () => {
    const bytes = encode(govPageHtml("utf-8"), "gbk");
    const r = decodeHtml(bytes);
    expect(r.encoding).toBe("GB18030");
    expect(r.text).toContain(ARTICLE_PARAGRAPHS[1]);
    expect(r.warnings).toEqual([
      {
        en: "page declares charset utf-8 but is not valid utf-8; decoded as GB18030",
        zh: "网页声明的编码 utf-8 与内容不符，已按 GB18030 解码",
      },
      { en: "encoding detected as GB18030 (confidence 1.00)", zh: "检测到编码 GB18030（置信度 1.00）" },
    ]);
  });

  it("does not trust a Western charset declared on a Chinese page", () => {
    const r = decodeHtml(encode(govPageHtml("iso-8859-1"), "gbk"));
    expect(r.encoding).toBe("GB18030");
    expect(r.text).toContain(ARTICLE_PARAGRAPHS[1]);
    expect(r.warnings).toEqual([
      { en: "page declares iso-8859-1; decoded as GB18030", zh: "网页声明编码为 iso-8859-1，实际按 GB18030 解码" },
      { en: "encoding detected as GB18030 (confidence 1.00)", zh: "检测到编码 GB18030（置信度 1.00）" },
    ]);
  });

  it("lets a BOM win over the declared charset", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(govPageHtml("gbk"))]);
    const r = decodeHtml(bytes);
    expect(r.encoding).toBe("UTF-8");
    expect(r.text).toContain(ARTICLE_PARAGRAPHS[1]);
  });

  it("detects the encoding of an undeclared GBK page", () => {
    const html = govPageHtml("gbk").replace(/<meta http-equiv[^>]*>/, "");
    expect(declaredCharset(encode(html, "gbk"))).toBeNull();
    expect(decodeHtml(encode(html, "gbk")).encoding).toBe("GB18030");
  });

  it("splits <br>-separated lines and list items into paragraphs, joins CJK source line wraps", async () => {
    const html = `<html><head><meta charset="utf-8"><title>通知_某某区人民政府</title></head><body>
      <div id="content"><p>第一行说明文字，内容较长以便被识别为正文。<br>第二行说明文字，内容同样较长以便识别。</p>
      <ul><li>第一项工作要求，坚持稳中求进。</li><li>第二项工作要求，推动高质量发展。</li></ul>
      <p>源代码中折行的
      中文段落不应出现多余空格。</p></div></body></html>`;
    const doc = await extractDocument(utf8(html), "notice.html");
    expect(doc.text.split("\n")).toEqual([
      "第一行说明文字，内容较长以便被识别为正文。",
      "第二行说明文字，内容同样较长以便识别。",
      "第一项工作要求，坚持稳中求进。",
      "第二项工作要求，推动高质量发展。",
      "源代码中折行的中文段落不应出现多余空格。",
    ]);
    expect(doc.title).toBe("通知");
  });

  it("reads a long page's one content element directly, without its link blocks or the site's furniture", async () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `${ARTICLE_PARAGRAPHS[i % ARTICLE_PARAGRAPHS.length]}（第${i + 1}段）`);
    const html = `<html><head><meta charset="utf-8"><title>某某市2024年政府工作报告_某某市人民政府</title>
      <script>var x = "脚本内容";</script><style>p { color: red }</style></head><body>
      <div class="top"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
      <div class="crumb">当前位置：首页 &gt; 政务公开</div>
      <div id="zoom"><h1>某某市2024年政府工作报告</h1>
      ${paragraphs.map((p) => `<p>　　${p}</p>`).join("\n")}
      <div class="tools">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
      <ul class="related"><li><a href="/1">相关文件一</a></li><li><a href="/2">相关文件二</a></li></ul></div>
      <div class="footer"><p>主办：某某市人民政府办公室　版权所有</p></div></body></html>`;
    const doc = await extractDocument(utf8(html), "report.html");
    // The heading stays, as the first line of a TXT of the same report would (Readability drops it).
    expect(doc.text.split("\n")).toEqual(["某某市2024年政府工作报告", ...paragraphs]);
    expect(doc.title).toBe("某某市2024年政府工作报告");
  });

  it("takes the title from <title> by the same rule as file names", async () => {
    const html = `<html><head><meta charset="utf-8"><title>2026_上海市_政府工作报告</title></head><body>
      <p>今年是“十五五”开局之年，做好政府工作意义重大。</p></body></html>`;
    const doc = await extractDocument(utf8(html), "page.html");
    expect(doc.title).toBe("2026 上海市 政府工作报告");
    expect(doc.title).toBe(inferMetadataFromFilename("2026_上海市_政府工作报告.txt").title);
  });

  it("drops navigation, header and footer even on a short page where Readability keeps the body", async () => {
    const html = `<html><head><meta charset="utf-8"><title>短通知</title></head><body>
      <header><a href="/">首页</a><a href="/zw">政务公开</a></header><nav><a>网站导航</a></nav>
      <p>请各单位于本周五前报送材料。</p><aside>相关链接</aside><footer>版权所有</footer></body></html>`;
    const doc = await extractDocument(utf8(html), "short.html");
    expect(doc.text).toBe("请各单位于本周五前报送材料。");
  });

  it("keeps an article's own header (its heading) while dropping the page header", async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><header>某某市人民政府门户网站</header>
      <article><header><h2>关于做好春节期间安全生产工作的通知</h2></header>
      <p>各区县人民政府，市政府各部门：为切实做好春节期间安全生产工作，现就有关事项通知如下。</p>
      <p>一、提高思想认识。各地各部门要充分认识做好节日期间安全生产工作的重要性。</p></article></body></html>`;
    const doc = await extractDocument(utf8(html), "notice.html");
    expect(doc.text.split("\n")[0]).toBe("关于做好春节期间安全生产工作的通知");
    expect(doc.text).not.toContain("门户网站");
  });

  it("never runs a script or an event handler", async () => {
    const html = `<html><head><meta charset="utf-8">
      <script>document.write("<p>内联脚本已执行</p>");</script></head>
      <body onload="document.querySelector('article p').textContent += 'onload已执行'">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="document.querySelector('article p').textContent += 'onerror已执行'">
      <article><p>正文第一段，内容足够长，讲述本年度的主要工作安排和总体要求。</p>
      <p>正文第二段，继续说明具体的工作任务与保障措施，确保各项任务落到实处。</p></article>
      <script>document.querySelector("article p").textContent += "脚本已执行";</script></body></html>`;
    const doc = await extractDocument(utf8(html), "x.html");
    expect(doc.text).toBe(
      "正文第一段，内容足够长，讲述本年度的主要工作安排和总体要求。\n正文第二段，继续说明具体的工作任务与保障措施，确保各项任务落到实处。",
    );
  });

  it("parses pages without fetching any resource they reference", async () => {
    // A local server counts every request the parser might make.
    const requested: string[] = [];
    const server = http.createServer((req, res) => {
      requested.push(req.url ?? "");
      res.end("");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const doc = parseHtmlSafely(`<html><head><script src="${base}/x.js"></script>
        <link rel="stylesheet" href="${base}/s.css"></head>
        <body><img src="${base}/y.png"><iframe src="${base}/z.html"></iframe><p>正文</p></body></html>`);
      expect(doc.querySelector("p")?.textContent).toBe("正文");
      // Instead of a fixed sleep, a request of our own sent after the parse marks the point
      // to wait for: a loader would have opened its connections during the parse, before
      // this one, so by the time the server has answered it they have been counted.
      await fetch(`${base}/after-parse`);
      expect(requested).toEqual(["/after-parse"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
