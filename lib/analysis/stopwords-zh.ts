/**
 * The built-in Chinese stop words of word frequencies: function words (pronouns, particles,
 * conjunctions, prepositions, adverbs of degree and time, auxiliary verbs) that carry no
 * topic in planning documents. Curated for policy prose rather than taken whole from a
 * general list (stopwords-iso's 794 Chinese entries also drop words such as 发展 or 建设,
 * which are the substance here). Punctuation and pure numbers are excluded separately;
 * a project adds and removes words on top of this list (ProjectStopWord).
 */
const WORDS = `
的 了 和 与 及 或 等 是 在 对 为 将 把 被 由 从 向 于 以 之 其 并 而 也 都 又 就 则 但 如 若 即 即可 各 每 该 此 这 那 个 上 下 中 内 外 年 月 日
我们 你们 他们 她们 它们 我国 我省 我市 我区 本市 全市 全省 全区 自己 大家 人们 什么 怎么 怎样 如何 为什么 哪些 哪里 这里 那里
这个 那个 这些 那些 这样 那样 这种 那种 这是 此外 其中 其他 其它 其余 其次 以及 并且 而且 或者 还是 以便 以免 以至 以致 从而 因此 因而 所以 因为 由于 为了 虽然 但是 然而 可是 不过 否则 如果 假如 只要 只有 除了 除非 即使 尽管 无论 不论 不管
对于 关于 根据 按照 依照 通过 经过 随着 围绕 针对 基于 沿着 作为 成为 进行 开展 实施 加以 予以 给予 使得 使 让 有关 相关 方面 之间 之中 之一 以上 以下 以来 以后 之后 之前 以前 当前 目前 今后 同时 期间 方式 情况 问题
一个 一些 一种 一批 一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 第一 第二 第三 首先 其次 最后 一方面 另一方面 一定 一般 一切 所有 任何 各类 各种 各项 各级 多种 多个 部分
已经 正在 曾经 将要 可以 能够 应该 应当 必须 需要 要求 可能 不能 不会 不得 不断 继续 进一步 更加 十分 非常 比较 特别 尤其 主要 重要 有效 积极 切实 着力 大力 全面 基本 充分 努力 坚持 不仅 不但 还要 还有 就是 也是 都是 就要 才能 只是 仍然 依然 始终 总是 一直 已 曾 将 要 会 能 可 应 须 需 很 更 最 较 太 再 还 才 均 皆 仍 亦 乃 所 者 们 着 过 吗 呢 吧 啊 呀 嘛
有 没有 没 无 不 非 未 是否 不是 就是 也不 而是 即是 有的 有些 这么 那么 多么 如此 因 故 且 而且 此次 本次 本 该项 上述 下述 如下 以下简称 简称
`;

export const BUILT_IN_STOP_WORDS: readonly string[] = [...new Set(WORDS.split(/\s+/).filter((w) => w !== ""))];
