/**
 * The shipped evaluation schemes: the default template for a legal aid project's self-evaluation
 * (first-level weights 预算执行率 10 · 产出 50 · 效益 30 · 满意度 10, the indicator tree of
 * national practice) and the Panlong 2018 scheme, plus {@link standardScheme} to build a region's
 * own from the template with its own targets, points or weights.
 *
 * None of the targets is verified: the 2020 Ministry of Finance text was not read, and no
 * source gives the 2018 targets for 结案率, 满意度 or 知晓率. The default quantity targets are
 * placeholders for a district of Panlong's size; the Panlong 2018 quantity targets are the
 * figures its 2018 report gives as achieved (its own targets were not published). Targets are
 * inputs: replace them with the region's plan.
 *
 * @since 0.1.0
 */
import type { Label, Scheme, SchemeData } from "./Scheme.ts"
import { decodeSchemeUnsafe } from "./Scheme.ts"

type RuleData = SchemeData["groups"][number]["categories"][number]["indicators"][number]["rule"]
type IndicatorData = SchemeData["groups"][number]["categories"][number]["indicators"][number]
type BandData = Extract<RuleData, { kind: "qualitative" }>["bands"][number]

const l = (zh: string, en: string): Label => ({ zh, en })

/**
 * The three bands of a qualitative indicator in current practice (❌ unverified, data): fully met
 * 100–80% of the points, mostly met 80–60%, not met 60–0%; the share awarded in each is 1, 0.7
 * and 0.3. With `thresholds`, the band is read off a measured rate (≥ the first for fully met,
 * ≥ the second for mostly met).
 *
 * @example
 * import { schemes } from "fayuan/evaluation"
 * schemes.threeBands(["0.8", "0.6"])[0]!.atLeast // "0.8"
 *
 * @category templates
 */
export const threeBands = (thresholds?: readonly [string, string]): ReadonlyArray<BandData> => [
  { id: "fully-met", name: l("完全达成", "fully met"), from: "0.8", to: "1", award: "1", ...(thresholds ? { atLeast: thresholds[0] } : {}) },
  { id: "mostly-met", name: l("基本达成", "mostly met"), from: "0.6", to: "0.8", award: "0.7", ...(thresholds ? { atLeast: thresholds[1] } : {}) },
  { id: "not-met", name: l("未达成", "not met"), from: "0", to: "0.6", award: "0.3", ...(thresholds ? { atLeast: "0" } : {}) }
]

/**
 * The grade bands: 优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60.
 *
 * @category templates
 */
export const grades: SchemeData["grades"] = [
  { id: "excellent", name: l("优", "Excellent"), min: "90" },
  { id: "good", name: l("良", "Good"), min: "80" },
  { id: "fair", name: l("中", "Fair"), min: "60" },
  { id: "poor", name: l("差", "Poor"), min: "0" }
]

/**
 * The first-level indicators of the template, in order.
 *
 * @category templates
 */
export const groupIds = ["budget", "output", "effect", "satisfaction"] as const

/** @category templates */
export type GroupId = (typeof groupIds)[number]

interface TemplateRow {
  readonly group: GroupId
  readonly category: string
  readonly indicator: Omit<IndicatorData, "rule" | "points"> & { readonly points: number }
  /** The rule; for `target: undefined` the target must be supplied (quantity and cost). */
  readonly rule: RuleData | { readonly kind: "at-least" | "at-most"; readonly target: undefined }
}

const groupNames: Record<GroupId, Label> = {
  budget: l("预算执行率", "Budget execution"),
  output: l("产出指标", "Output"),
  effect: l("效益指标", "Effect"),
  satisfaction: l("满意度指标", "Satisfaction")
}

const defaultWeights: Record<GroupId, string> = { budget: "10", output: "50", effect: "30", satisfaction: "10" }

const categories: ReadonlyArray<{ readonly group: GroupId; readonly id: string; readonly name: Label; readonly note?: Label }> = [
  { group: "budget", id: "budget-execution", name: l("预算执行", "Budget execution") },
  { group: "output", id: "quantity", name: l("数量指标", "Quantity") },
  { group: "output", id: "quality", name: l("质量指标", "Quality") },
  { group: "output", id: "timeliness", name: l("时效指标", "Timeliness") },
  { group: "output", id: "cost", name: l("成本指标", "Cost") },
  {
    group: "effect",
    id: "economic",
    name: l("经济效益", "Economic effect"),
    note: l("法律援助属公益服务，默认不设经济效益指标", "legal aid is a public service: no economic indicator by default")
  },
  { group: "effect", id: "social", name: l("社会效益", "Social effect") },
  { group: "effect", id: "ecological", name: l("生态效益", "Ecological effect"), note: l("不适用", "does not apply") },
  { group: "effect", id: "sustainability", name: l("可持续影响", "Sustainability") },
  { group: "satisfaction", id: "service-object", name: l("服务对象满意度", "Service-object satisfaction") }
]

const u = {
  cases: l("件", "cases"),
  times: l("人次", "person-times"),
  copies: l("份", "copies"),
  shifts: l("人次", "shifts"),
  events: l("场次", "events"),
  books: l("册", "copies"),
  lectures: l("场", "lectures"),
  articles: l("条", "articles"),
  sessions: l("期", "sessions"),
  works: l("部", "works"),
  points: l("个", "points")
}

const need = undefined
const rows: ReadonlyArray<TemplateRow> = [
  // 预算执行率 10: 10 × min(spent ÷ budget, 1)
  { group: "budget", category: "budget-execution", indicator: { id: "budget-execution", name: l("预算执行率", "Budget execution rate"), measure: "budget.execution-rate", unit: "rate", points: 10 }, rule: { kind: "at-least", target: "1" } },
  // 产出 50 — 数量 20
  { group: "output", category: "quantity", indicator: { id: "cases-accepted", name: l("受理法律援助案件数", "Legal aid cases accepted"), measure: "cases.accepted", unit: "count", unitLabel: u.cases, points: 4 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "consultations", name: l("法律咨询人次", "Legal consultations"), measure: "consultations.total", unit: "count", unitLabel: u.times, points: 3 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "documents-drafted", name: l("代写法律文书份数", "Legal documents drafted"), measure: "documents.drafted", unit: "count", unitLabel: u.copies, points: 2 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "duty-shifts", name: l("律师值班人次", "Lawyer duty shifts"), measure: "duty.shifts", unit: "count", unitLabel: u.shifts, points: 3 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "outreach-events", name: l("法律援助宣传活动场次", "Outreach events"), measure: "outreach.events", unit: "count", unitLabel: u.events, points: 2 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "outreach-materials", name: l("发放宣传资料份数", "Outreach materials handed out"), measure: "outreach.materials", unit: "count", unitLabel: u.copies, points: 1 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "handbooks", name: l("印制宣传手册册数", "Handbooks printed"), measure: "outreach.handbooks", unit: "count", unitLabel: u.books, points: 1 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "lectures", name: l("街道公共法律服务知识讲座场次", "Lectures at sub-district offices"), measure: "outreach.lectures", unit: "count", unitLabel: u.lectures, points: 2 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "articles", name: l("撰写法律援助信息条数", "Information articles written"), measure: "publicity.articles", unit: "count", unitLabel: u.articles, points: 1 }, rule: { kind: "at-least", target: need } },
  { group: "output", category: "quantity", indicator: { id: "trainings", name: l("三级网络人员培训期数", "Training sessions for network staff"), measure: "trainings.sessions", unit: "count", unitLabel: u.sessions, points: 1 }, rule: { kind: "at-least", target: need } },
  // 质量 18
  { group: "output", category: "quality", indicator: { id: "notified-aid-rate", name: l("指定/通知案件应援尽援率", "Aid rate for notified cases"), measure: "aid.notified-rate", unit: "rate", points: 4 }, rule: { kind: "equals", target: "1" } },
  { group: "output", category: "quality", indicator: { id: "special-groups-aid-rate", name: l("特殊群体应援尽援率", "Aid rate for special groups"), measure: "aid.special-groups-rate", unit: "rate", points: 4 }, rule: { kind: "equals", target: "1" } },
  { group: "output", category: "quality", indicator: { id: "free-consultation-rate", name: l("三级网络免费法律咨询覆盖率", "Free consultation at all network levels"), measure: "network.free-consultation-rate", unit: "rate", points: 4 }, rule: { kind: "equals", target: "1" } },
  { group: "output", category: "quality", indicator: { id: "quality-pass-rate", name: l("案件质量合格率", "Case quality pass rate"), measure: "quality.pass-rate", unit: "rate", points: 4 }, rule: { kind: "at-least", target: "0.95" } },
  { group: "output", category: "quality", indicator: { id: "quality-complaints", name: l("案件质量投诉件数", "Quality complaints"), measure: "quality.complaints", unit: "count", unitLabel: u.cases, points: 2 }, rule: { kind: "at-most", target: "0" } },
  // 时效 8
  { group: "output", category: "timeliness", indicator: { id: "decision-timeliness", name: l("审查决定及时率", "Timely decisions"), measure: "timeliness.decision-rate", unit: "rate", points: 3 }, rule: { kind: "equals", target: "1" } },
  { group: "output", category: "timeliness", indicator: { id: "assignment-timeliness", name: l("指派及时率", "Timely assignments"), measure: "timeliness.assignment-rate", unit: "rate", points: 3 }, rule: { kind: "equals", target: "1" } },
  { group: "output", category: "timeliness", indicator: { id: "closing-timeliness", name: l("结案材料提交及时率", "Closing materials filed on time"), measure: "timeliness.closing-materials-rate", unit: "rate", points: 2 }, rule: { kind: "equals", target: "1" } },
  // 成本 4
  { group: "output", category: "cost", indicator: { id: "subsidy-per-case", name: l("案均办案补贴", "Average subsidy per case"), measure: "cost.subsidy-per-case", unit: "fen", points: 4 }, rule: { kind: "at-most", target: need } },
  // 效益 30 — 社会 18
  { group: "effect", category: "social", indicator: { id: "awareness", name: l("法律援助知晓率", "Awareness of legal aid"), measure: "survey.awareness", unit: "rate", points: 8, manual: true }, rule: { kind: "qualitative", bands: threeBands(["0.8", "0.6"]) } },
  { group: "effect", category: "social", indicator: { id: "articles-adopted", name: l("信息被中央、省级媒体采用条数", "Articles adopted by central or provincial media"), measure: "publicity.articles-adopted", unit: "count", unitLabel: u.articles, points: 4 }, rule: { kind: "at-least", target: need } },
  { group: "effect", category: "social", indicator: { id: "ministry-library", name: l("案例入选司法部案例库数", "Cases selected into the Ministry of Justice library"), measure: "cases.ministry-library", unit: "count", unitLabel: u.cases, points: 3 }, rule: { kind: "at-least", target: need } },
  { group: "effect", category: "social", indicator: { id: "films", name: l("法治宣传影视作品部数", "Films made"), measure: "outreach.films", unit: "count", unitLabel: u.works, points: 3 }, rule: { kind: "at-least", target: need } },
  // 可持续 12
  { group: "effect", category: "sustainability", indicator: { id: "workstations", name: l("法律援助工作站数", "Legal aid workstations"), measure: "network.workstations", unit: "count", unitLabel: u.points, points: 4 }, rule: { kind: "at-least", target: need } },
  { group: "effect", category: "sustainability", indicator: { id: "liaison-points", name: l("法律援助联络点数", "Liaison points"), measure: "network.liaison-points", unit: "count", unitLabel: u.points, points: 4 }, rule: { kind: "at-least", target: need } },
  { group: "effect", category: "sustainability", indicator: { id: "management-rules", name: l("长效管理制度健全性", "Standing management rules"), measure: "management.rules", unit: "rate", points: 4, manual: true }, rule: { kind: "qualitative", bands: threeBands() } },
  // 满意度 10
  { group: "satisfaction", category: "service-object", indicator: { id: "recipient-satisfaction", name: l("受援人满意度", "Recipient satisfaction"), measure: "survey.satisfaction", unit: "rate", points: 10, manual: true }, rule: { kind: "at-least", target: "0.9" } }
]

/**
 * The ids of the template's indicators.
 *
 * @category templates
 */
export const templateIndicatorIds: ReadonlyArray<string> = rows.map((r) => r.indicator.id)

/**
 * What {@link standardScheme} needs: the scheme's identity and provenance, the targets (a decimal
 * string per indicator id: required for the quantity and cost indicators, which are left out when
 * none is given; optional elsewhere, replacing the template's), and optionally other points per
 * indicator or other first-level weights. Points are then rescaled within each first-level
 * indicator to its weight (whole hundredths, largest remainder, ties to the smaller id).
 *
 * @category templates
 */
export interface StandardOptions {
  readonly id: string
  readonly name: Label
  readonly region?: string
  readonly year?: number
  readonly source: string | Label
  readonly verified: boolean
  readonly targets: Readonly<Record<string, string>>
  readonly points?: Readonly<Record<string, number>>
  readonly weights?: Readonly<Record<GroupId, string>>
  readonly omit?: ReadonlyArray<string>
}

const hundredths = (decimal: string): number => {
  const [whole = "0", part = ""] = decimal.split(".")
  return Number(whole) * 100 + Number(part.padEnd(2, "0").slice(0, 2))
}
const decimal = (h: number): string => (h % 100 === 0 ? String(h / 100) : `${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`)

/** Shares `total` by `weights` (largest remainder, ties to the smaller key). */
const share = (total: number, items: ReadonlyArray<{ readonly key: string; readonly weight: number }>): Map<string, number> => {
  const sum = items.reduce((s, i) => s + i.weight, 0)
  const out = new Map<string, number>()
  let left = total
  const rem = items.map((i) => {
    const exact = total * i.weight
    out.set(i.key, Math.floor(exact / sum))
    left -= Math.floor(exact / sum)
    return { key: i.key, r: exact % sum }
  })
  rem.sort((a, b) => b.r - a.r || (a.key < b.key ? -1 : 1))
  for (let k = 0; left > 0; k++, left--) out.set(rem[k]!.key, out.get(rem[k]!.key)! + 1)
  return out
}

/**
 * Builds a scheme from the template: the template's tree with the given targets, points and
 * weights, decoded (so a bad target or weight throws an `InvalidScheme` naming the path).
 *
 * @example
 * import { schemes } from "fayuan/evaluation"
 * const mine = schemes.standardScheme({
 *   id: "kunming-2019", name: { zh: "2019年方案", en: "2019 scheme" }, source: "2019年度绩效目标（局务会审定）", verified: true,
 *   targets: { ...schemes.defaultTargets, "cases-accepted": "900" },
 *   weights: { budget: "10", output: "40", effect: "40", satisfaction: "10" }
 * })
 *
 * @category templates
 */
export const standardScheme = (options: StandardOptions): Scheme => {
  const omit = new Set(options.omit ?? [])
  const weights = options.weights ?? defaultWeights
  const kept = rows.flatMap((row) => {
    const id = row.indicator.id
    if (omit.has(id)) return []
    const target = options.targets[id]
    let rule: RuleData
    if (row.rule.kind === "qualitative") rule = row.rule
    else if (target !== undefined) rule = { kind: row.rule.kind, target }
    else if (row.rule.target !== undefined) rule = { kind: row.rule.kind, target: row.rule.target }
    else return []
    const points = options.points?.[id] ?? row.indicator.points
    return [{ row, rule, points: hundredths(String(points)) }]
  })
  const groups = groupIds.flatMap((group) => {
    const mine = kept.filter((k) => k.row.group === group)
    if (mine.length === 0) return []
    const weight = hundredths(weights[group])
    const points = share(weight, mine.map((k) => ({ key: k.row.indicator.id, weight: k.points })))
    return [{
      id: group,
      name: groupNames[group],
      weight: weights[group],
      categories: categories
        .filter((c) => c.group === group)
        .map((c) => ({
          id: c.id,
          name: c.name,
          ...(c.note === undefined ? {} : { note: c.note }),
          indicators: mine
            .filter((k) => k.row.category === c.id)
            .map((k): IndicatorData => ({ ...k.row.indicator, points: decimal(points.get(k.row.indicator.id)!), rule: k.rule }))
        }))
    }]
  })
  return decodeSchemeUnsafe({
    id: options.id,
    name: options.name,
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.year === undefined ? {} : { year: options.year }),
    source: options.source,
    verified: options.verified,
    rounding: "half-up",
    groups,
    grades
  })
}

/**
 * Placeholder targets for the quantity and cost indicators of the default scheme, sized for a
 * district like Panlong (❌ invented, unverified: replace them with the region's annual plan).
 *
 * @category templates
 */
export const defaultTargets: Readonly<Record<string, string>> = {
  "cases-accepted": "800",
  consultations: "4500",
  "documents-drafted": "60",
  "duty-shifts": "180",
  "outreach-events": "20",
  "outreach-materials": "15000",
  handbooks: "10000",
  lectures: "12",
  articles: "40",
  trainings: "4",
  "subsidy-per-case": "150000",
  "articles-adopted": "10",
  "ministry-library": "3",
  films: "1",
  workstations: "26",
  "liaison-points": "103"
}

/**
 * The default scheme: first-level weights 预算执行率 10 · 产出 50 · 效益 30 · 满意度 10, the
 * template tree, 100% targets for the 应援尽援, free-consultation and timeliness rates, quality
 * pass rate ≥ 95%, no quality complaints, recipient satisfaction ≥ 90%, awareness read off the
 * survey in three bands (≥ 80% fully met, ≥ 60% mostly met), and the placeholder
 * {@link defaultTargets}. Unverified.
 *
 * @example
 * import { schemes } from "fayuan/evaluation"
 * schemes.defaultScheme.groups.map((g) => g.weight) // 10, 50, 30, 10 as ratios
 *
 * @category schemes
 */
export const defaultScheme: Scheme = standardScheme({
  id: "legal-aid-default",
  name: l("法律援助项目支出绩效自评指标体系（默认）", "Legal aid project self-evaluation scheme (default)"),
  source: l(
    "一级指标权重10/50/30/10及指标体系参照现行项目支出绩效自评通行做法（未核对财预〔2020〕10号原文）；除100%类目标外，目标值均为示例占位值，应按本地区年度计划替换",
    "First-level weights 10/50/30/10 and the indicator tree as in current national practice for project self-evaluations (财预〔2020〕10号 was not read); targets other than the 100% goals are placeholders to replace with the region's annual plan"
  ),
  verified: false,
  targets: defaultTargets
})

/**
 * The quantity targets of the Panlong 2018 scheme: the figures the 2018 report gives as achieved
 * (its own targets were not published).
 *
 * @category templates
 */
export const panlong2018Targets: Readonly<Record<string, string>> = {
  "cases-accepted": "864",
  consultations: "4818",
  "documents-drafted": "70",
  "duty-shifts": "180",
  "outreach-events": "24",
  "outreach-materials": "19000",
  handbooks: "16000",
  lectures: "12",
  articles: "46",
  "articles-adopted": "18",
  "ministry-library": "5",
  films: "2",
  workstations: "26",
  "liaison-points": "103",
  "subsidy-per-case": "150000"
}

/**
 * The scheme a replay of Panlong District's 2018 self-evaluation is scored with: the default tree
 * and weights, the quantity targets set to the 2018 figures and goals of the seed report (cases
 * 864, consultations 4,818, documents 70, duty shifts 180, outreach events 24, materials 19,000,
 * handbooks 16,000, lectures 12, articles 46 / 18 adopted, 5 cases in the Ministry library, 2
 * films, the 1 + 26 + 103 network). Training sessions are left out (the report gives no figure;
 * their point goes to cases accepted). The targets are inputs taken from the report's figures,
 * not published targets: unverified.
 *
 * @example
 * import { schemes } from "fayuan/evaluation"
 * schemes.panlong2018.region // "530103"
 *
 * @category schemes
 */
export const panlong2018: Scheme = standardScheme({
  id: "panlong-2018",
  name: l("盘龙区法律援助项目2018年度绩效自评指标体系", "Panlong District legal aid project 2018 self-evaluation scheme"),
  region: "530103",
  year: 2018,
  source: l(
    "数量目标取自盘龙区法律援助项目2018年度绩效自评报告所列的年度完成数和目标（以完成数作为目标值，当年公布的目标值不详）；其他目标和权重同默认方案",
    "Quantity targets: the 2018 figures and goals of the Panlong District legal aid project's 2018 self-evaluation report (achieved figures used as targets; the published targets are not known); other targets and weights as in the default scheme"
  ),
  verified: false,
  targets: panlong2018Targets,
  omit: ["trainings"],
  points: { "cases-accepted": 5 }
})

/**
 * The shipped schemes by id.
 *
 * @category schemes
 */
export const all: ReadonlyMap<string, Scheme> = new Map([
  [defaultScheme.id, defaultScheme],
  [panlong2018.id, panlong2018]
])
