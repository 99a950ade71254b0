import { inflateRawSync } from "node:zlib"
import { describe, expect, expectTypeOf, it } from "vitest"
import type { CalendarDate } from "../src/CalendarDate.ts"
import * as Measure from "../src/evaluation/Measure.ts"
import type { Measured } from "../src/evaluation/Measure.ts"
import { decodeJudgements } from "../src/evaluation/Scheme.ts"
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

/** Reads a file out of a zip archive (stored or deflated), or undefined. */
const unzip = (zip: Uint8Array, name: string): string | undefined => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  if (end < 0) throw new Error("not a zip: no end of central directory")
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  for (let k = 0; k < entries; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad central directory")
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    const local = view.getUint32(at + 42, true)
    const entryName = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
    if (entryName === name) {
      const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
      const raw = zip.subarray(data, data + size)
      return new TextDecoder().decode(method === 8 ? inflateRawSync(raw) : raw)
    }
    at += 46 + skip
  }
  return undefined
}

const reversed = (x: ReportInput): ReportInput => ({
  ...x,
  casesByMonth: [...x.casesByMonth].reverse(),
  budget: {
    ...x.budget!,
    lines: [...x.budget!.lines].reverse(),
    monthly: [...x.budget!.monthly].reverse(),
    warnings: [...x.budget!.warnings].reverse()
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

  it("has a row for every indicator with target, actual, points, score and evidence, and the total and grade", () => {
    for (const i of evaluation.indicators) {
      const row = zh.split("\n").find((line) => line.startsWith(`| ${i.path[0].zh} | ${i.path[1].zh} | ${i.name.zh} |`))
      expect(row, i.id).toBeDefined()
      expect(row).toContain(` | ${i.target.display.zh} | `)
      if (i.dropped === undefined) expect(row).toContain(` | ${formatPoints(i.points)} | ${formatPoints(i.score)} | `)
      else expect(row).toContain("未计分")
      if (i.evidence !== undefined && i.evidence.source === "records") expect(row).toContain(`${i.evidence.filter}（${i.evidence.records}条记录）`)
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
    expect(text).toContain("“撰写法律援助信息条数”未完成目标：目标≥ 46条，实际40条，得分0.90/1.04。")
    expect(found.filter((p) => p.kind === "missed").map((p) => p.text.slice(1, p.text.indexOf("”")))).toEqual(
      evaluation.indicators.filter((i) => i.dropped === undefined && !i.met).map((i) => i.name.zh)
    )
    // spending behind schedule, under budget, warnings
    expect(text).toContain("支出未按经费安排进度执行：截至12月累计支付¥1,800,000.00，计划¥2,000,000.00，落后¥200,000.00（完成计划的90.00%）。")
    // the worst month too: plan 2,000,000 × m/12 against 1,800,000 × m²/144 lags most in July
    expect(text).toContain("支出未按经费安排进度执行：截至7月累计支付¥612,500.00，计划¥1,166,666.67，落后¥554,166.67（完成计划的52.50%）。")
    expect(text).toContain("全年预算¥2,000,000.00，实际支出¥1,800,000.00，执行率90.00%，结余¥200,000.00。")
    expect(text).toContain("预算预警（case-subsidy）：办案补贴支出落后进度，计划¥600,000.00，已支付¥400,000.00。")
    // overdue clocks; manual figures missing
    expect(text).toContain("18个办理时限超期（共启动2588个，按时完成2570个）。")
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
    expect(html).toContain("图3 累计支出进度与计划（元）")
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
