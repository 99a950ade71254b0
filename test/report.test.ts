import { describe, expect, expectTypeOf, it } from "vitest"
import { unzip } from "./support/zip.ts"
import { deviationOf, fitColumns, mergedSpans, placeCells, selfEvaluationGrid, selfEvaluationTable } from "../src/report/index.ts"
import { renderSelfEvaluationXlsx } from "../src/report/xlsx.ts"
import type { CalendarDate } from "../src/CalendarDate.ts"
import * as Measure from "../src/evaluation/Measure.ts"
import type { Measured } from "../src/evaluation/Measure.ts"
import { decodeJudgements, decodeSchemeUnsafe, encodeScheme } from "../src/evaluation/Scheme.ts"
import * as schemes from "../src/evaluation/schemes.ts"
import { evaluate, formatPoints } from "../src/evaluation/score.ts"
import * as Money from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import type { RegionCode } from "../src/Region.ts"
import { renderDocx } from "../src/report/docx.ts"
import { renderHtml } from "../src/report/html.ts"
import { renderMarkdown } from "../src/report/markdown.ts"
import type { ReportInput } from "../src/report/Report.ts"
import { buildReport, problems } from "../src/report/Report.ts"
import { niceScale, renderSvg } from "../src/report/svg.ts"
import { ok } from "./support/result.ts"

const fen = Money.fenUnsafe
const rec = (filter: string, records: number) => ({ source: "records" as const, filter, records })
const count = (key: string, n: number): readonly [string, Measured] => [key, Measure.count(n, rec(`${key} in 2018`, n))]
const rate = (key: string, n: number, d: number): readonly [string, Measured] => [key, Measure.rate(n, d, rec(`${key} in 2018`, d))!]

const measures = new Map<string, Measured>([
  count("cases.accepted", 864),
  count("consultations.total", 4818),
  count("documents.drafted", 70),
  count("duty.shifts", 180),
  count("outreach.events", 24),
  count("outreach.materials", 19000),
  count("outreach.handbooks", 16000),
  count("outreach.lectures", 12),
  count("publicity.articles", 40),
  count("publicity.articles-adopted", 18),
  count("cases.ministry-library", 5),
  count("outreach.films", 2),
  count("network.workstations", 26),
  count("network.liaison-points", 103),
  count("quality.complaints", 0),
  rate("aid.notified-rate", 268, 268),
  rate("aid.special-groups-rate", 300, 302),
  rate("network.free-consultation-rate", 130, 130),
  rate("quality.pass-rate", 800, 820),
  rate("timeliness.decision-rate", 850, 864),
  rate("timeliness.assignment-rate", 860, 860),
  rate("budget.execution-rate", 180_000_000, 200_000_000),
  ["cost.subsidy-per-case", { value: Ratio.makeUnsafe(98_765_432, 820), unit: "fen", evidence: { source: "derived", filter: "case subsidies paid ÷ cases closed", records: 820 } }],
  ["survey.satisfaction", { value: Ratio.makeUnsafe(47, 50), unit: "rate", evidence: { source: "manual", filter: "recipient survey 2018-12", records: 200, note: "follow-up visits" } }]
])

const period = { from: "2018-01-01" as CalendarDate, to: "2018-12-31" as CalendarDate }
const judgements = ok(decodeJudgements(schemes.panlong2018, { "management-rules": { band: "fully-met", note: "staff management rules issued" } }))
const evaluation = evaluate(schemes.panlong2018, measures, { period, judgements })

const monthly = Array.from({ length: 12 }, (_, i) => ({
  month: i + 1,
  planned: fen(Math.round((200_000_000 * (i + 1)) / 12)),
  paid: fen(Math.round((180_000_000 * (i + 1) * (i + 1)) / 144))
}))

const input: ReportInput = {
  region: "530103" as RegionCode,
  regionName: { zh: "盘龙区", en: "Panlong District" },
  year: 2018,
  projectName: { zh: "法律援助项目", en: "Legal aid project" },
  evaluation,
  casesByMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, civil: i === 0 ? 54 : 47, criminal: i < 4 ? 23 : 22, other: i < 7 ? 2 : 1 })),
  budget: {
    total: fen(200_000_000),
    spent: fen(180_000_000),
    lines: [
      { name: { zh: "办案补贴", en: "Case subsidies" }, category: "case-subsidy", amount: fen(120_000_000), planned: fen(120_000_000), paid: fen(98_765_432), variance: fen(21_234_568) },
      { name: { zh: "司法所建设补助", en: "Grants to judicial offices" }, category: "grants", amount: fen(36_000_000), planned: fen(36_000_000), paid: fen(36_000_000), variance: fen(0) },
      { name: { zh: "值班补贴", en: "Duty subsidies" }, category: "duty-subsidy", amount: fen(44_000_000), planned: fen(44_000_000), paid: fen(45_234_568), variance: fen(-1_234_568) }
    ],
    monthly,
    warnings: [
      { line: "case-subsidy", text: { zh: "办案补贴支出落后进度", en: "case subsidies behind schedule" }, planned: fen(60_000_000), paid: fen(40_000_000) },
      { line: "duty-subsidy", text: "over budget" }
    ]
  },
  clocks: { started: 2588, met: 2570, overdue: 18 },
  generatedOn: "2019-01-20" as CalendarDate
}

/** The input with the lists whose order does not matter reversed (budget lines and warnings keep theirs: they are the budget's). */
const reversed = (x: ReportInput): ReportInput => ({
  ...x,
  casesByMonth: [...x.casesByMonth].reverse(),
  budget: {
    ...x.budget!,
    monthly: [...x.budget!.monthly].reverse()
  }
})

describe("renderMarkdown", () => {
  const zh = renderMarkdown(input)
  const en = renderMarkdown(input, { lang: "en" })

  it("follows the seed's outline in Chinese by default, and in English on request", () => {
    const headings = ["一、项目基本情况", "二、绩效评价工作情况", "三、评价结论和绩效分析", "四、成本效益分析", "五、主要经验及做法、存在的问题和建议", "（三）建议和改进措施"]
    let last = -1
    for (const h of headings) {
      const at = zh.indexOf(h)
      expect(at).toBeGreaterThan(last)
      last = at
    }
    expect(zh.startsWith("# 盘龙区法律援助项目2018年度支出绩效自评报告\n")).toBe(true)
    for (const h of ["## 1. The project", "## 2. The evaluation", "## 3. Conclusion and performance analysis", "## 4. Cost-benefit analysis", "## 5. Experience, problems and suggestions"]) {
      expect(en).toContain(h)
    }
    expect(en).not.toMatch(/[一二三四五]、/)
  })

  it("has a row for every indicator with target, actual, points, score and deviation, a row of evidence, and the total and grade", () => {
    for (const i of evaluation.indicators) {
      const row = zh.split("\n").find((line) => line.startsWith(`| ${i.path[0].zh} | ${i.path[1].zh} | ${i.name.zh} |`))
      expect(row, i.id).toBeDefined()
      expect(row).toContain(` | ${i.target.display.zh} | `)
      if (i.dropped === undefined) expect(row).toContain(` | ${formatPoints(i.points)} | ${formatPoints(i.score)} | `)
      else expect(row).toContain("未计分")
      const basis = zh.split("\n").find((line) => line.startsWith(`| ${i.name.zh} | `) && line.split(" | ").length === 2)
      expect(basis, i.id).toBeDefined()
      if (i.evidence !== undefined && i.evidence.source === "records") expect(basis).toContain(`${i.evidence.filter}（${i.evidence.records}条记录）`)
      // A missed indicator's deviation: the cause the data gives, or a field to complete.
      if (i.dropped === undefined && !i.met) expect(row).toMatch(/原因：.*改进措施：（待填写）/)
      const enRow = en.split("\n").find((line) => line.startsWith(`| ${i.path[0].en} | ${i.path[1].en} | ${i.name.en} |`))
      expect(enRow, i.id).toBeDefined()
    }
    expect(zh).toContain(`| **合计** |  |  |  |  | **100.00** | **${formatPoints(evaluation.total)}** | **等级：${evaluation.grade.name.zh}** |`)
    expect(zh).toContain(`综合得分：${formatPoints(evaluation.total)} 分，评价等级：${evaluation.grade.name.zh}`)
    expect(en).toContain(`grade: ${evaluation.grade.name.en}`)
  })

  it("fills the problems and suggestions from the data", () => {
    const found = problems(input)
    const text = found.map((p) => p.text)
    // indicators missed, with figures
    expect(text).toContain("“撰写法律援助信息条数”未完成目标：目标≥46条，实际40条，得分0.90/1.04。")
    expect(found.filter((p) => p.kind === "missed").map((p) => p.text.slice(1, p.text.indexOf("”")))).toEqual(
      evaluation.indicators.filter((i) => i.dropped === undefined && !i.met).map((i) => i.name.zh)
    )
    // spending behind schedule, under budget, warnings; the December lag is the 结余 line, said once
    expect(text).not.toContain("支出未按经费安排进度执行：截至12月累计支付¥1,800,000.00，计划¥2,000,000.00，落后¥200,000.00（完成计划的90.00%）。")
    // the worst month (mid-year): plan 2,000,000 × m/12 against 1,800,000 × m²/144 lags most in July
    expect(text).toContain("支出未按经费安排进度执行：截至7月累计支付¥612,500.00，计划¥1,166,666.67，落后¥554,166.67（完成计划的52.50%）。")
    expect(text).toContain("全年预算¥2,000,000.00，实际支出¥1,800,000.00，执行率90.00%，结余¥200,000.00。")
    expect(text).toContain("预算预警（case-subsidy）：办案补贴支出落后进度，计划¥600,000.00，已支付¥400,000.00。")
    // overdue clocks; manual figures missing
    expect(text).toContain("18个办理时限超期（共启动2588个，按时完成2570个）。")
    // without a year-end balance, the latest month's lag is kept
    const spentAll: ReportInput = { ...input, budget: { ...input.budget!, spent: input.budget!.total } }
    expect(problems(spentAll).map((p) => p.text)).toContain("支出未按经费安排进度执行：截至12月累计支付¥1,800,000.00，计划¥2,000,000.00，落后¥200,000.00（完成计划的90.00%）。")
    expect(text).toContain("“法律援助知晓率”的手工数据或评定未录入，该指标未计分。")
    for (const t of text) expect(renderMarkdown(input)).toContain(t)
    expect(zh).toContain("加强与上级机关请示、沟通")
    expect(en).toContain("18 time limits were overdue (2588 started, 2570 met in time).")
  })

  it("says there is no problem when the data shows none, and uses the narrative when given", () => {
    const perfect = evaluate(schemes.panlong2018, new Map([count("cases.accepted", 900)]), { period })
    const quiet: ReportInput = {
      region: input.region,
      regionName: "盘龙区",
      year: 2018,
      projectName: "法律援助项目",
      evaluation: { ...perfect, indicators: perfect.indicators.filter((i) => i.dropped === undefined) },
      casesByMonth: [],
      narrative: { background: "本段由中心撰写。", experience: ["经验一", { zh: "经验二", en: "second" }] },
      generatedOn: "2019-01-20" as CalendarDate
    }
    expect(problems(quiet)).toEqual([])
    const md = renderMarkdown(quiet)
    expect(md).toContain("根据现有数据，未发现明显问题。")
    expect(md).toContain("本段由中心撰写。")
    expect(md).toContain("- 经验一\n- 经验二")
    expect(md).toContain("未提供预算执行数据。")
    expect(renderMarkdown(quiet, { lang: "en" })).toContain("- 经验一\n- second")
  })

  it("gives the same bytes for the same input, whatever the order of its lists", () => {
    expect(renderMarkdown(input)).toBe(zh)
    expect(renderMarkdown(reversed(input))).toBe(zh)
    expect(renderMarkdown(reversed(input), { lang: "en" })).toBe(en)
    const evaluatedAgain = evaluate(schemes.panlong2018, new Map([...measures].reverse()), { period, judgements })
    expect(renderMarkdown({ ...input, evaluation: evaluatedAgain })).toBe(zh)
  })

  it("numbers the sections as the seed: 二（二） is the scheme's making, 一（二） has overall and yearly goals", () => {
    const order = ["（二）工作绩效目标", "#### 1. 总目标", "#### 2. 年度目标", "### （一）绩效评价目的", "### （二）绩效评价工作方案制定过程", "1. 前期调研：", "2. 研究文件：", "3. 绩效评价指标体系及工作方案的设计：", "### （三）绩效评价原则和方法", "### （四）绩效评价实施过程", "### （五）本次绩效评价的局限性"]
    let last = -1
    for (const h of order) {
      const at = zh.indexOf(h)
      expect(at, h).toBeGreaterThan(last)
      last = at
    }
    expect(zh).toContain("- 人民法院、人民检察院、公安机关指定或通知的法律援助案件应援尽援率达100%（本年度实际100.00%）。")
    expect(zh).toContain("- 三级法律援助工作网络提供免费法律咨询100%（本年度覆盖率100.00%）。")
    expect(zh).toContain("- 预算执行率 ≥100.00%\n")
    expect(zh).not.toContain("预算执行率：预算执行率")
    expect(en).toContain("- Budget execution rate ≥ 100.00%\n")
    expect(en).toContain("### 2.2 How the evaluation scheme was set")
    const goals = renderMarkdown({ ...input, narrative: { goals: ["目标甲"] } })
    expect(goals).toContain("#### 1. 总目标\n\n- 目标甲\n")
  })

  it("generates the scoring rules from the evaluation: weights, bands, the budget indicator's points", () => {
    expect(zh).toContain("“不低于”类指标（")
    expect(zh).toContain("预算执行率得分 = 10 × min(实际支出 ÷ 预算, 1)")
    expect(zh).not.toContain("完全达成（分值的80%–100%") // no scheme given: bands not known
    const withScheme = renderMarkdown({ ...input, scheme: schemes.panlong2018 })
    expect(withScheme).toContain("完全达成（分值的80%–100%，计100%）、基本达成（分值的60%–80%，计70%）、未达成（分值的0%–60%，计30%）")
    expect(withScheme).toContain("其中“法律援助知晓率”按实际值定档：≥ 80.00%为完全达成、≥ 60.00%为基本达成、其余为未达成")
    // change the weights: budget execution 20, output 40
    const data = encodeScheme(schemes.panlong2018)
    const heavier = decodeSchemeUnsafe({
      ...data,
      groups: data.groups.map((g) => {
        if (g.id === "budget") return { ...g, weight: "20", categories: g.categories.map((c) => ({ ...c, indicators: c.indicators.map((i) => ({ ...i, points: "20" })) })) }
        if (g.id !== "output") return g
        const n = g.categories.flatMap((c) => c.indicators).length
        let left = 4000
        let k = 0
        return {
          ...g,
          weight: "40",
          categories: g.categories.map((c) => ({
            ...c,
            indicators: c.indicators.map((i) => {
              const share = ++k === n ? left : Math.floor(4000 / n)
              left -= share
              return { ...i, points: (share / 100).toFixed(2) }
            })
          }))
        }
      })
    })
    const md = renderMarkdown({ ...input, evaluation: evaluate(heavier, measures, { period, judgements }), scheme: heavier })
    expect(md).toContain("预算执行率得分 = 20 × min(实际支出 ÷ 预算, 1)")
    expect(md).toContain("一级指标分值：预算执行率20分、产出指标40分、效益指标30分、满意度指标10分，合计100分。")
    expect(md).not.toContain("= 10 × min")
  })

  it("keeps the budget lines in the budget's order and lists the overall warning first, then by date", () => {
    const lines = zh.split("\n").filter((l) => /^\| (办案补贴|司法所建设补助|值班补贴) \|/.test(l)).map((l) => l.split(" | ")[0])
    expect(lines).toEqual(["| 办案补贴", "| 司法所建设补助", "| 值班补贴"])
    const swapped = renderMarkdown({ ...input, budget: { ...input.budget!, lines: [...input.budget!.lines].reverse() } })
    expect(swapped.indexOf("| 值班补贴 |")).toBeLessThan(swapped.indexOf("| 办案补贴 | 办案补贴"))
    const warnings = [
      { line: "宣传", text: "2018-06-30预警，落后" },
      { line: "办案补贴", text: "2018-03-31预警，落后" },
      { line: "预算合计", text: "2018-03-31预警，落后", overall: true },
      { line: "值班补贴", text: "2018-03-31预警，落后" }
    ]
    const found = problems({ ...input, budget: { ...input.budget!, warnings } }).filter((p) => p.text.startsWith("预算预警")).map((p) => p.text.slice(5, p.text.indexOf("）")))
    expect(found).toEqual(["预算合计", "办案补贴", "值班补贴", "宣传"])
  })

  it("states how the plan to date is drawn and when a line is warned about, in 四 and next to the warnings", () => {
    const method = { interpolation: "step" as const, behindBy: Ratio.makeUnsafe(1, 10), marginDays: 30 }
    const md = renderMarkdown({ ...input, budget: { ...input.budget!, method } })
    const sentence = "计划进度按预算各时点累计比例（阶梯）计算；落后计划10%以上且距年底超过30天时预警。"
    expect(md.indexOf(sentence)).toBeGreaterThan(md.indexOf("## 四、成本效益分析"))
    expect(md).toContain(`注：${sentence}`)
    expect(renderMarkdown({ ...input, budget: { ...input.budget!, method: { ...method, interpolation: "linear", behindBy: Ratio.makeUnsafe(1, 8) } } }, { lang: "en" }))
      .toContain("(interpolated linearly between dates); a line is warned about when it is 12.5% or more behind the plan with more than 30 days of the year left.")
    expect(zh).not.toContain("计划进度按")
  })

  it("states the figures measured but not scored in 项目实施情况, and generated experience points", () => {
    const extra = new Map<string, Measured>([
      count("network.centres", 1),
      count("network.sub-district-offices", 12),
      count("network.terminals", 14),
      count("staff.auxiliary", 14),
      count("trainings.sessions", 4),
      count("trainings.participants", 320),
      ["budget.grants-to-offices", { value: Ratio.makeUnsafe(36_000_000, 1), unit: "fen", evidence: rec("grants", 12) }]
    ])
    const md = renderMarkdown({ ...input, measures: new Map([...measures, ...extra]) })
    const implementation = md.slice(md.indexOf("#### 2. 项目实施情况"), md.indexOf("#### 3. 资金使用情况"))
    expect(implementation).toContain("网络和保障：“1+26+103”三级法律援助工作网络（法律援助中心1个、工作站26个、联络点103个）；街道司法所12个；安装公共法律服务终端14台；法律援助辅助人员14名；向街道司法所拨付公共法律服务建设补助¥360,000.00；开展三级网络人员培训4期、320人次。")
    const enMd = renderMarkdown({ ...input, measures: new Map([...measures, ...extra]) }, { lang: "en" })
    expect(enMd).toContain("14 auxiliary legal aid staff")
    expect(zh).not.toContain("网络和保障")
    const experience = md.slice(md.indexOf("### （一）主要经验及做法"), md.indexOf("### （二）存在的问题"))
    expect(experience).toContain("各级站点均提供免费法律咨询（覆盖率100.00%）")
    expect(experience).toContain("组织律师值班180人次")
    expect(experience).toContain("案件质量合格率97.56%，无质量投诉")
  })

  it("captions the charts' data tables as 表 with the figure's number, numbering tables in one sequence", () => {
    const captions = zh.split("\n").filter((l) => /^\*\*(表|图)\d/.test(l))
    expect(captions.every((c) => c.startsWith("**表"))).toBe(true)
    expect(captions.map((c) => Number(/^\*\*表(\d+)/.exec(c)![1]))).toEqual(captions.map((_, i) => i + 1))
    expect(zh).toContain("**表1 各月受理法律援助案件数（图1数据）**")
    expect(zh).toContain("（图3数据）**")
    expect(en).toContain("**Table 1. Legal aid cases accepted by month (data of Figure 1)**")
  })

  it("escapes pipes in table cells", () => {
    const piped = evaluate(schemes.panlong2018, new Map([["cases.accepted", Measure.count(864, rec("kind = civil | criminal", 864))]]), { period })
    expect(renderMarkdown({ ...input, evaluation: piped })).toContain("kind = civil \\| criminal（864条记录）")
  })
})

describe("renderHtml", () => {
  const html = renderHtml(input)

  it("is a standalone page: inline CSS and three inline SVG charts, nothing loaded from outside", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")).toBe(true)
    expect(html).toContain("<style>")
    expect(html.match(/<svg /g)).toHaveLength(3)
    expect(html.match(/<\/svg>/g)).toHaveLength(3)
    expect(html).not.toMatch(/https?:/)
    expect(html).not.toMatch(/\b(src|href)\s*=/i)
    expect(html).not.toMatch(/@import|url\(|<script|<link/i)
    expect(renderHtml(input, { lang: "en" })).toMatch(/^<!DOCTYPE html>\n<html lang="en">/)
    const { budget: _, ...noBudget } = input
    expect(renderHtml(noBudget).match(/<svg /g)).toHaveLength(2)
  })

  it("escapes text and gives the same bytes for the same input", () => {
    const tricky: ReportInput = { ...input, narrative: { background: "<b>&\"'" } }
    expect(renderHtml(tricky)).toContain("<p>&lt;b&gt;&amp;&quot;&#39;</p>")
    expect(renderHtml(input)).toBe(html)
    expect(renderHtml(reversed(input))).toBe(html)
  })

  it("draws every indicator row and the charts' data", () => {
    for (const i of evaluation.indicators) expect(html).toContain(`<td>${i.name.zh}</td>`)
    expect(html).toContain("图1 各月受理法律援助案件数（按类别）")
    expect(html).toContain("图2 一级指标分值与得分")
    expect(html).toContain("图3 累计支出进度与计划")
    expect(html).toContain(">单位：万元</text>")
    expect(html).toContain("<summary>表1 各月受理法律援助案件数（图1数据）</summary>")
  })
})

describe("svg charts", () => {
  it("pick whole-number axis steps of 1, 2 or 5 × 10ⁿ", () => {
    expect(niceScale(864)).toEqual({ top: 1000, step: 200 })
    expect(niceScale(73)).toEqual({ top: 80, step: 20 })
    expect(niceScale(50)).toEqual({ top: 50, step: 10 })
    expect(niceScale(0)).toEqual({ top: 5, step: 1 })
    expect(niceScale(2_000_000)).toEqual({ top: 2_000_000, step: 500_000 })
  })

  it("draw one bar per value, stacked, and a polyline per series", () => {
    const stacked = renderSvg({ kind: "stacked-bars", title: "t", categories: ["a", "b"], series: [{ name: "x", values: [1, 2], labels: ["1", "2"] }, { name: "y", values: [3, 0], labels: ["3", "0"] }], unit: "u" })
    expect(stacked.match(/<rect [^>]*><title>/g)).toHaveLength(3) // the zero is not drawn
    const lines = renderSvg({ kind: "lines", title: "t", categories: ["a", "b", "c"], series: [{ name: "p", values: [1, 2, 3], labels: [] }, { name: "q", values: [0, 1, 3], labels: [] }], unit: "u" }, { standalone: true })
    expect(lines.match(/<polyline /g)).toHaveLength(2)
    expect(lines).toContain(`xmlns="http://www.w3.org/2000/svg"`)
  })
})

describe("renderDocx", () => {
  it("is a zip (PK…) holding word/document.xml with the indicator table, dated by the report date", async () => {
    const docx = await renderDocx(input)
    expect(docx).toBeInstanceOf(Uint8Array)
    expect(String.fromCharCode(docx[0]!, docx[1]!)).toBe("PK")
    const xml = unzip(docx, "word/document.xml")
    expect(xml).toBeDefined()
    expect(xml).toContain("盘龙区法律援助项目2018年度支出绩效自评报告")
    for (const i of evaluation.indicators) expect(xml).toContain(i.name.zh)
    expect(xml).toContain("绩效评价指标得分表")
    expect(unzip(docx, "docProps/core.xml")).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2019-01-20T00:00:00Z</dcterms:created>")
    const again = await renderDocx(reversed(input))
    expect(unzip(again, "word/document.xml")).toBe(xml)
    // government house style: fonts on the runs, black headings, wide evidence column, repeated header
    expect(xml).toContain(`w:eastAsia="FangSong"`)
    expect(xml).toContain(`w:eastAsia="SimHei"`)
    expect(xml).toContain(`w:eastAsia="方正小标宋简体"`)
    expect(xml).toContain("<w:tblHeader/>")
    const grids = [...xml!.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((x) => Number(x[1])))
    const indicatorGrid = grids.find((g) => g.length === 8)!
    // Columns from their content: the deviation column the widest, and the points and score
    // columns wide enough for their longest figure on one line at 9pt (a half-width character is 90 twips,
    // plus the cell's margins) — rendered through LibreOffice they were 9 mm and broke "10.00".
    expect(Math.max(...indicatorGrid)).toBe(indicatorGrid[7])
    expect(indicatorGrid[5]).toBeGreaterThanOrEqual("100.00".length * 90 + 216)
    expect(indicatorGrid[6]).toBeGreaterThanOrEqual(formatPoints(evaluation.total).length * 90 + 216)
    const styles = unzip(docx, "word/styles.xml")!
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:color w:val="000000"\/>/)
    expect(unzip(docx, "word/fontTable.xml")).toContain(`<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/>`)
    const en = await renderDocx(input, { lang: "en" })
    expect(unzip(en, "word/document.xml")).toContain("Indicator scores")
  })
})

describe("personal data", () => {
  it("the input has no field for a person, and the report prints none", () => {
    type DeepKeys<T> = T extends ReadonlyArray<infer U> ? DeepKeys<U>
      : T extends string | number | boolean | bigint ? never
      : T extends object ? { [K in keyof T & string]-?: K | DeepKeys<T[K]> }[keyof T & string]
      : never
    type Personal = Extract<DeepKeys<ReportInput>, `${string}${"Name" | "name" | "phone" | "Phone" | "idNumber" | "IdNumber" | "address" | "lawyerId" | "applicant"}${string}`>
    // the only names are the region's, the project's, the scheme's, the indicators' and budget lines'
    expectTypeOf<Personal>().toEqualTypeOf<"regionName" | "projectName" | "schemeName" | "name">()
    // @ts-expect-error a report input has no field for a lawyer's or applicant's name
    const bad: ReportInput = { ...input, lawyerName: "x" }
    expect(bad).toBeDefined()
    const md = renderMarkdown(input) + renderMarkdown(input, { lang: "en" })
    expect(md).not.toMatch(/\d{17}[\dXx]/) // resident ID numbers
    expect(md).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/) // mobile numbers
  })

  it("builds the same model for the same input", () => {
    expect(buildReport(input)).toEqual(buildReport(reversed(input)))
  })
})

describe("the self-evaluation table (项目支出绩效自评表)", () => {
  const table = selfEvaluationTable(input)

  it("funds: the budget and what was spent, in 万元, the execution rate and its score", () => {
    // ¥2,000,000.00 budgeted, ¥1,800,000.00 spent: 90.00%, 10 × 0.9 = 9.00 points
    expect(table.funds.lines[0]).toEqual({ label: "年度资金总额：", initial: 200_000_000, adjusted: 200_000_000, executed: 180_000_000 })
    expect(formatPoints(table.funds.points!)).toBe("10.00")
    expect(formatPoints(table.funds.score!)).toBe("9.00")
    const grid = selfEvaluationGrid(table)
    const texts = placeCells(grid).map((p) => p.cell.text)
    for (const t of ["200.00", "180.00", "90.00%", "9.00", "项目支出绩效自评表"]) expect(texts.concat(grid.title)).toContain(t)
    // The sources of the funds are not in the ledger: fields to complete, and a note says so.
    expect(placeCells(grid).filter((p) => p.cell.toComplete === true && p.row >= 3 && p.row <= 6)).toHaveLength(3)
    expect(grid.notes.some((n) => n.includes("资金来源"))).toBe(true)
    // Given, they print instead.
    const given = selfEvaluationGrid(selfEvaluationTable({ ...input, funds: { initial: fen(210_000_000), sources: { currentYear: { initial: fen(210_000_000), adjusted: fen(200_000_000), executed: fen(180_000_000) } } } }))
    expect(placeCells(given).filter((p) => p.row === 4).map((p) => p.cell.text)).toEqual(["其中：当年财政拨款", "210.00", "200.00", "180.00", "—", "90.00%", "—"])
    expect(placeCells(given).filter((p) => p.row === 3).map((p) => p.cell.text).slice(1, 4)).toEqual(["210.00", "200.00", "180.00"])
  })

  it("indicators: every one but budget execution, with target, actual, points, score; the total and the grade", () => {
    expect(table.indicators).toHaveLength(evaluation.indicators.length - 1)
    for (const row of table.indicators) {
      const i = evaluation.indicators.find((x) => x.name.zh === row.level3)!
      expect([row.level1, row.level2, row.target]).toEqual([i.path[0].zh, i.path[1].zh, i.target.display.zh])
      if (i.dropped === undefined) expect([formatPoints(row.points!), formatPoints(row.score!)]).toEqual([formatPoints(i.points), formatPoints(i.score)])
    }
    expect([formatPoints(table.total.points), formatPoints(table.total.score), table.grade]).toEqual(["100.00", formatPoints(evaluation.total), evaluation.grade.name.zh])
  })

  it("deviations: the cause the data gives — late decisions, cases not aided, spending behind — and a field to complete where it gives none", () => {
    const of = (name: string) => table.indicators.find((r) => r.level3 === name)?.deviation
    // 850 of 864 decisions in time: 14 late
    expect(of("审查决定及时率")).toEqual({ text: "原因：14件超过办理时限（共864件）；改进措施：（待填写）", fromData: true, toComplete: true })
    // 300 of 302 aided
    expect(of("特殊群体应援尽援率")?.text).toBe("原因：2件应援未援（共302件）；改进措施：（待填写）")
    // 40 articles against 46: the data does not say why
    expect(of("撰写法律援助信息条数")).toEqual({ text: "原因：（待填写）；改进措施：（待填写）", fromData: false, toComplete: true })
    // met: nothing to explain
    expect(of("法律咨询人次")).toBeUndefined()
    // spending: behind from January, most in July (¥554,166.67 = 200M×7/12 − 180M×49/144 fen), ¥200,000.00 left
    expect(table.funds.deviation).toBe("支出未按经费安排进度执行，1月末起累计支出落后于计划，7月末落后最多（¥554,166.67）；年内预警2次；全年结余¥200,000.00")
    // far above an at-least value (9,000 consultations against 4,818): asks whether the value was set too low
    const over = evaluate(schemes.panlong2018, new Map([...measures, count("consultations.total", 9000)]), { period, judgements })
    expect(deviationOf(over.indicators.find((i) => i.measure === "consultations.total")!)?.text).toBe("实际完成值为年度指标值的186.80%，请分析指标值是否设定偏低：（待填写）")
  })

  it("says when the form did not yet exist (before 2020), and is in the report as its annex", () => {
    expect(selfEvaluationGrid(table).notes.some((n) => n.startsWith("本表格式为财预〔2020〕10号附1"))).toBe(true)
    expect(selfEvaluationGrid(selfEvaluationTable({ ...input, year: 2021 })).notes.some((n) => n.startsWith("本表格式为"))).toBe(false)
    const html = renderHtml(input)
    expect(html).toContain(`<section class="form">`)
    expect(html).toContain(`<td rowspan="5" class="c">项目资金（万元）</td>`)
    expect(renderHtml(input, { table: false })).not.toContain(`<section class="form">`)
  })

  it("the .xlsx opens and holds the figures of the evaluation as numbers, on one A4 page", async () => {
    const ExcelJS = (await import("exceljs")).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await renderSelfEvaluationXlsx(input)).buffer as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe("2018年度自评表")
    expect(sheet.getCell("A1").value).toBe("项目支出绩效自评表")
    expect(sheet.getCell("A2").value).toBe("（2018年度）")
    const values: Array<unknown> = []
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)))
    // funds in 万元, the rate as a fraction formatted as a percentage, the scores
    const row = sheet.getRow(6)
    expect([row.getCell(2).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value, row.getCell(7).value, row.getCell(8).value, row.getCell(9).value]).toEqual(["年度资金总额：", 200, 200, 180, 10, 0.9, 9])
    expect(row.getCell(8).numFmt).toBe("0.00%")
    for (const i of evaluation.indicators.filter((x) => x.dropped === undefined && x.group !== "budget")) expect(values).toContain(Number(formatPoints(i.score)))
    expect(values).toContain(Number(formatPoints(evaluation.total)))
    expect(values).toContain(`评价等级：${evaluation.grade.name.zh}`)
    // the form's merged labels
    const merges = (sheet.model as { merges?: ReadonlyArray<string> }).merges ?? []
    expect(merges).toContain("A5:A9")
    expect(sheet.pageSetup.paperSize).toBe(9)
    expect([sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight]).toEqual([1, 1])
  })
})

describe("table layout", () => {
  it("columns from content: a figure never narrower than itself, the long text taking the rest", () => {
    const w = fitColumns([["分值", "说明"], ["100.00", "一段很长的说明文字，写明统计口径和记录数，再长一些也可以"]], 50)
    expect(w.reduce((a, b) => a + b, 0)).toBe(50)
    expect(w[0]).toBeGreaterThanOrEqual("100.00".length + 2)
    expect(w[1]).toBeGreaterThan(w[0]!)
  })

  it("merges a value repeated down the leading columns, never across the total row", () => {
    const spans = mergedSpans({ caption: "", head: ["a", "b", "c"], align: ["left", "left", "left"], merge: 2, totalRow: true, rows: [["x", "p", "1"], ["x", "p", "2"], ["x", "q", "3"], ["y", "q", "4"], ["y", "q", "合计"]] })
    expect(spans).toEqual([[3, 2, 1], [0, 0, 1], [0, 1, 1], [1, 1, 1], [1, 1, 1]])
  })
})
