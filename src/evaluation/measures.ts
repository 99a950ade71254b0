/**
 * From the counts (`Tallies`) to `Measures` with their evidence: one function, whichever store
 * counted.
 *
 * @since 0.1.0
 */
import type { EligibilitySummary } from "../lifecycle/Event.ts"
import type { ClockKind, Grade } from "../lifecycle/vocabulary.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import type { MatterKind } from "../RuleSet.ts"
import type { Measured, Measures } from "./Measure.ts"
import * as Measure from "./Measure.ts"
import type { ActivityKind, NetworkLevel, Period, SurveyTopic } from "./Records.ts"
import { consultationLevels, surveyTopics } from "./Records.ts"
import type { MatterClass, TimelinessKey } from "./MatterClass.ts"
import { entitledOutcomes, kindsOfClass, matterClassNames, passingGrades, timelinessClocks } from "./MatterClass.ts"
import type { EvaluationInput, Sum, Tallies } from "./tally.ts"
import { tally } from "./tally.ts"

// ---------------------------------------------------------------------------------------------
// Measures

/**
 * How a scope reads in evidence: `530103*` (the region and everything under it), or all regions.
 *
 * @category evidence
 */
export const scopeText = (scope: Region.RegionCode): string => (scope === Region.national ? "all regions" : `${scope}*`)

const list = (items: ReadonlyArray<string>): string => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`)

/**
 * How a scope reads in Chinese evidence: `530103及下辖地区`, or 全部地区.
 *
 * @category evidence
 */
export const scopeTextZh = (scope: Region.RegionCode): string => (scope === Region.national ? "全部地区" : `${scope}及下辖地区`)

const listZh = (items: ReadonlyArray<string>): string => items.join("、")

/** Kinds of matter in Chinese. */
const matterKindZh: { readonly [K in MatterKind]: string } = {
  "criminal-defence": "刑事辩护",
  "criminal-victim": "刑事被害人代理",
  "private-prosecution": "刑事自诉代理",
  "incidental-civil": "刑事附带民事诉讼代理",
  "compulsory-treatment": "强制医疗代理",
  civil: "民事诉讼代理",
  "labour-arbitration": "劳动争议仲裁代理",
  administrative: "行政诉讼代理",
  "non-litigation": "非诉讼事项代理"
}

/** Levels of the network in Chinese. */
const levelZh: { readonly [L in NetworkLevel]: string } = {
  centre: "法律援助中心",
  workstation: "工作站",
  "liaison-point": "联络点",
  "sub-district-office": "乡镇（街道）司法所"
}

/** Kinds of activity in Chinese. */
const activityZh: { readonly [A in ActivityKind]: string } = {
  "outreach-event": "宣传活动",
  lecture: "法治讲座",
  "materials-distributed": "发放宣传资料",
  "handbooks-printed": "印制宣传手册",
  film: "放映法治电影",
  "information-article": "信息稿件",
  "new-media-post": "新媒体发布",
  "case-library-selection": "入选司法部案例库",
  "terminal-installed": "安装自助终端",
  "equipment-placed": "配置设备"
}

const gradeZh: { readonly [G in Grade]: string } = { excellent: "优秀", good: "良好", pass: "合格", fail: "不合格" }
const outcomeZh: { readonly [O in EligibilitySummary["outcome"]]: string } = { eligible: "符合条件", mandatory: "依法应当援助", ineligible: "不符合条件", "not-yet-eligible": "尚未到可申请阶段", incomplete: "材料不全" }
const clockZh: { readonly [K in ClockKind]: string } = {
  decision: "审查决定",
  "materials-supply": "补充材料",
  "assignment-after-grant": "决定给予援助后指派",
  "assignment-after-notification": "收到通知后指派",
  "refusal-objection": "不予援助异议审查",
  "termination-objection": "终止援助异议审查",
  "closing-materials": "提交结案材料",
  "detainee-forwarding": "转交在押人员申请"
}
const topicZh: { readonly [T in SurveyTopic]: string } = { awareness: "知晓率", satisfaction: "满意度" }

/**
 * Turns tallies into measures, each with its evidence (the filter in English and in Chinese).
 * Rates with nothing to divide by are left out (the indicator does not apply).
 *
 * @example
 * import { Region } from "fayuan"
 * import { measuresOf, yearPeriod, type Tallies } from "fayuan/evaluation"
 * declare const tallies: Tallies
 * measuresOf(tallies, Region.makeUnsafe("530103"), yearPeriod(2018)).get("cases.accepted")
 *
 * @category measures
 */
export const measuresOf = (t: Tallies, scope: Region.RegionCode, period: Period): Measures => {
  const out = new Map<string, Measured>()
  const where = scopeText(scope)
  const whereZh = scopeTextZh(scope)
  const during = `${period.from}..${period.to}`
  const duringZh = `${period.from}至${period.to}`
  const received = `cases in ${where} received ${during}`
  const receivedZh = `${whereZh}${duringZh}受理的案件`
  const records = (filter: string, filterZh: string, n: number) => ({ source: "records" as const, filter, filterZh, records: n })
  const count = (key: string, n: number, filter: string, filterZh: string, behind = n) => out.set(key, Measure.count(n, records(filter, filterZh, behind)))
  const rate = (key: string, numerator: number, denominator: number, filter: string, filterZh: string) => {
    const m = Measure.rate(numerator, denominator, records(filter, filterZh, denominator))
    if (m !== undefined) out.set(key, m)
  }
  const sum = (key: string, s: Sum, filter: string, filterZh: string) => count(key, s.total, filter, filterZh, s.records)

  count("cases.accepted", t.cases.accepted, received, receivedZh)
  const classZh: { readonly [C in MatterClass]: string } = { civil: "民事", criminal: "刑事", other: "其他" }
  for (const c of matterClassNames) {
    count(`cases.${c}`, t.cases[c], `${received} with kind ${list(kindsOfClass(c))}`, `${receivedZh}中的${classZh[c]}类（${listZh(kindsOfClass(c).map((k) => matterKindZh[k]))}）`)
  }
  count("cases.concluded", t.cases.concluded, `cases in ${where} whose closing materials were filed ${during}`, `${whereZh}${duringZh}提交结案材料（结案）的案件`)

  const consultations = `consultation records in ${where} dated ${during}, summing person-times`
  const consultationsZh = `${whereZh}${duringZh}的咨询记录（人次合计）`
  sum("consultations.total", t.consultations.total, consultations, consultationsZh)
  sum("consultations.hotline", t.consultations.hotline, `${consultations}, channel hotline-12348`, `${consultationsZh}，其中12348热线`)
  for (const level of consultationLevels) {
    sum(`consultations.${level}`, t.consultations.byLevel[level], `${consultations}, at a network point of level ${level}`, `${consultationsZh}，其中在${levelZh[level]}点位`)
  }
  count("documents.drafted", t.documents, `drafted-document records in ${where} dated ${during}`, `${whereZh}${duringZh}的代写法律文书记录`)

  const activity = (key: string, kind: ActivityKind) =>
    sum(key, t.activities[kind], `activity records in ${where} dated ${during} of kind ${kind}, summing quantities`, `${whereZh}${duringZh}的活动记录，类别为${activityZh[kind]}（数量合计）`)
  activity("outreach.events", "outreach-event")
  activity("outreach.materials", "materials-distributed")
  activity("outreach.handbooks", "handbooks-printed")
  activity("outreach.lectures", "lecture")
  activity("outreach.films", "film")
  activity("publicity.articles", "information-article")
  const articles = t.activities["information-article"]
  count(
    "publicity.articles-adopted",
    articles.adopted,
    `activity records in ${where} dated ${during} of kind information-article, summing those adopted by central or provincial media`,
    `${whereZh}${duringZh}的活动记录，类别为${activityZh["information-article"]}（被中央或省级媒体采用的篇数合计）`,
    articles.records
  )
  activity("cases.ministry-library", "case-library-selection")
  count("trainings.sessions", t.trainings.records, `training records in ${where} dated ${during}`, `${whereZh}${duringZh}的培训记录（期数）`)
  sum("trainings.participants", t.trainings, `training records in ${where} dated ${during}, summing participants`, `${whereZh}${duringZh}的培训记录（参训人次合计）`)

  const open = (level: NetworkLevel) => `network points in ${where} of level ${level} open during ${during}`
  const openZh = (level: NetworkLevel) => `${whereZh}${duringZh}期间开放的${levelZh[level]}`
  count("network.centres", t.network.centre, open("centre"), openZh("centre"))
  count("network.workstations", t.network.workstation, open("workstation"), openZh("workstation"))
  count("network.liaison-points", t.network["liaison-point"], open("liaison-point"), openZh("liaison-point"))
  count("network.sub-district-offices", t.network["sub-district-office"], open("sub-district-office"), openZh("sub-district-office"))
  activity("network.terminals", "terminal-installed")
  count("staff.auxiliary", t.auxiliaryStaff, `auxiliary staff positions in ${where} filled during ${during}`, `${whereZh}${duringZh}期间在岗的辅助人员岗位`)
  count("duty.shifts", t.dutyShifts, `worked duty shifts in ${where} dated ${during}`, `${whereZh}${duringZh}已值班的值班班次`)

  rate(
    "aid.notified-rate",
    t.notified.assigned,
    t.notified.received,
    `${received} with origin notification, less those unassigned on ${period.to} still within the time limit to assign: lawyer assigned on or before ${period.to} ÷ all`,
    `${receivedZh}中经通知辩护（代理）的（不含${period.to}尚未指派但仍在指派期限内的）：${period.to}前已指派律师的 ÷ 全部`
  )
  rate(
    "aid.special-groups-rate",
    t.specialGroups.granted,
    t.specialGroups.entitled,
    `${received} from a special group, notified or decided ${list(entitledOutcomes)} on or before ${period.to}: aid granted on or before ${period.to} ÷ all`,
    `${receivedZh}中属特殊群体、经通知或${period.to}前经审查${listZh(entitledOutcomes.map((o) => outcomeZh[o]))}的：${period.to}前已给予援助的 ÷ 全部`
  )
  rate(
    "network.free-consultation-rate",
    t.freeConsultation.served,
    t.freeConsultation.open,
    `network points in ${where} of level ${list(consultationLevels)} open during ${during}: with a consultation logged ${during} ÷ all`,
    `${whereZh}${duringZh}期间开放的${listZh(consultationLevels.map((l) => levelZh[l]))}网络点位中，期间有咨询记录的 ÷ 全部开放点位`
  )
  rate(
    "quality.pass-rate",
    t.grades.passed,
    t.grades.graded,
    `cases in ${where} concluded ${during} with a quality grade given on or before ${period.to}: ${list(passingGrades)} ÷ graded`,
    `${whereZh}${duringZh}结案、${period.to}前已作质量评估的案件：${listZh(passingGrades.map((g) => gradeZh[g]))} ÷ 已评估`
  )
  count(
    "quality.complaints",
    t.cases.complaints,
    `lawyers replaced after a recipient's complaint on ${received} (complaints as recorded when the evaluation runs)`,
    `${receivedZh}中因受援人投诉而更换律师的次数（按评估时的记录统计）`
  )

  const timely = (key: string, k: TimelinessKey) => {
    const c = t.clocks[k]
    rate(
      key,
      c.met,
      c.met + c.missed + c.overdue,
      `${list(timelinessClocks[k])} clocks in ${where} started ${during}, status on ${period.to}: met ÷ (met + missed + overdue)`,
      `${whereZh}${duringZh}起算的${listZh(timelinessClocks[k].map((x) => clockZh[x]))}期限，按${period.to}的状态：按期完成 ÷ （按期完成 + 超期完成 + 已超期未完成）`
    )
  }
  timely("timeliness.decision-rate", "decision")
  timely("timeliness.assignment-rate", "assignment")
  timely("timeliness.closing-materials-rate", "closing-materials")

  for (const topic of surveyTopics) {
    const s = t.surveys[topic]
    if (s.respondents === 0) continue
    out.set(`survey.${topic}`, {
      value: Ratio.makeUnsafe(s.positive, s.respondents),
      unit: "rate",
      evidence: {
        source: "manual",
        filter: `${topic} survey records in ${where} dated ${during}: positive answers ÷ respondents`,
        filterZh: `${whereZh}${duringZh}的${topicZh[topic]}调查记录：肯定回答 ÷ 受访人数`,
        records: s.respondents,
        note: `${s.records} survey record(s) entered by hand from: ${s.sources.join("; ")}`,
        noteZh: `${s.records}份问卷，手工录入，来源：${s.sources.join("；")}`
      }
    })
  }
  return out
}

/**
 * {@link tally} then {@link measuresOf}: the measures computed in JavaScript.
 *
 * @category measures
 */
export const computeMeasures = (input: EvaluationInput, scope: Region.RegionCode, period: Period): Measures => measuresOf(tally(input, scope, period), scope, period)
