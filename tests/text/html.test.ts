import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { declaredCharset, decodeHtml } from "../../lib/text/html";
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
    expect(r.warnings.join()).toMatch(/declares charset utf-8/);
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

  it("never fetches a resource or runs a script or handler", async () => {
    // A local server counts every request the extraction might make.
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end("document.body.innerHTML += '<p>远程脚本已执行</p>';");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    try {
      const html = `<html><head><meta charset="utf-8">
        <script>document.write("<p>内联脚本已执行</p>");</script>
        <script src="${base}/x.js"></script>
        <link rel="stylesheet" href="${base}/s.css">
        </head>
        <body onload="document.body.innerHTML += '<p>onload已执行</p>'">
        <img src="${base}/y.png" onerror="document.body.innerHTML += '<p>onerror已执行</p>'">
        <iframe src="${base}/z.html"></iframe>
        <article><p>正文第一段，内容足够长，讲述本年度的主要工作安排和总体要求。</p>
        <p>正文第二段，继续说明具体的工作任务与保障措施，确保各项任务落到实处。</p></article></body></html>`;
      const doc = await extractDocument(utf8(html), "x.html");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(doc.text).toBe(
        "正文第一段，内容足够长，讲述本年度的主要工作安排和总体要求。\n正文第二段，继续说明具体的工作任务与保障措施，确保各项任务落到实处。",
      );
      expect(doc.text).not.toMatch(/已执行/);
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
