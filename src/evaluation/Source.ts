/**
 * Where an evaluation's actual values come from: the {@link EvaluationSource} port, and the pure
 * computation behind it.
 *
 * The computation has two halves. {@link tally} counts, from a case's facts, its clocks, the
 * evaluation records and the worked duty shifts, everything the measures need ({@link Tallies});
 * {@link measuresOf} turns the counts into `Measures` with their evidence. The SQL adapters fill
 * the same `Tallies` with a handful of aggregate queries and never load the rows; the memory
 * adapter (and the benchmark's JavaScript path) runs {@link tally} over loaded rows. Both end in
 * the same {@link measuresOf}, so the same records give the same `Measures`, evidence included.
 *
 * What is counted, and how (every filter is also written into the evidence):
 * - cases are counted by the day they were received (`receivedOn` in the period), by class of
 *   matter ({@link matterClasses}); `cases.concluded` by the day their closing materials were filed;
 * - `aid.notified-rate`: notified cases received in the period with a lawyer assigned on or before
 *   its last day ÷ notified cases received in the period, less those still unassigned on that day
 *   whose assignment time limit had not yet run out (still in time, neither success nor failure);
 * - `aid.special-groups-rate`: cases of special groups received in the period that were notified,
 *   or decided eligible or mandatory on or before its last day: granted by that day ÷ all of them;
 * - `network.free-consultation-rate`: points of the three-level network open during the period
 *   with at least one consultation logged in it ÷ points open;
 * - `quality.pass-rate`: cases concluded in the period and graded on or before its last day:
 *   excellent, good or pass ÷ graded; `quality.complaints`: lawyers replaced after a recipient's
 *   complaint on cases received in it (complaints as recorded when the evaluation runs);
 * - so that re-running a past period later gives the same figures, grants, assignments and grades
 *   count by the day they happened ({@link CaseDates}), not by the case's current state;
 * - `timeliness.*`: clocks of the kind started in the period, each in its status on the period's
 *   last day: met ÷ (met + missed + overdue) — a clock still running past its due date counts as
 *   missed; cancelled and still-running clocks do not count;
 * - counts of records: network points and staff positions open during the period; dated records
 *   on a day of it; activities and consultations summed by their quantity / person-times;
 * - surveys: positive ÷ respondents over the surveys of the period, marked `manual`.
 *
 * @since 0.1.0
 */
import { Context } from "effect"
import type { Effect } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type { Case } from "../lifecycle/Case.ts"
import type { CaseEvent, EligibilitySummary, SpecialGroup } from "../lifecycle/Event.ts"
import { specialGroups } from "../lifecycle/Event.ts"
import { chinaDate } from "../lifecycle/time.ts"
import type { CorruptRecord, StoreError } from "../lifecycle/Store.ts"
import type { ClockKind, Grade, MatterOutcome, State } from "../lifecycle/vocabulary.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import type { MatterKind } from "../RuleSet.ts"
import { matterKinds } from "../RuleSet.ts"
import type { Measured, Measures } from "./Measure.ts"
import * as Measure from "./Measure.ts"
import type { ActivityKind, EvaluationRecord, NetworkLevel, Period, SurveyTopic } from "./Records.ts"
import { activityKinds, consultationLevels, inPeriod, networkLevels, surveyTopics } from "./Records.ts"

export type { Period } from "./Records.ts"

// ---------------------------------------------------------------------------------------------
// Classes of matter

/**
 * The classes a report counts cases in.
 *
 * @category vocabulary
 */
export const matterClassNames = ["civil", "criminal", "other"] as const

/** @category vocabulary */
export type MatterClass = (typeof matterClassNames)[number]

/**
 * The class of each kind of matter, as data (used by the SQL and the JavaScript computation
 * alike). Criminal: defence, victims, private prosecutions, incidental civil claims in criminal
 * proceedings and compulsory treatment (the criminal procedure kinds). Civil: civil matters and
 * labour arbitration (a labour dispute is a civil matter arbitrated before it is litigated).
 * Other: administrative and non-litigation matters. 🟡 The seed does not say how its 19 "other"
 * cases were classed; the Ministry of Justice's statistical forms were not read.
 *
 * @category vocabulary
 */
export const matterClasses: { readonly [K in MatterKind]: MatterClass } = {
  "criminal-defence": "criminal",
  "criminal-victim": "criminal",
  "private-prosecution": "criminal",
  "incidental-civil": "criminal",
  "compulsory-treatment": "criminal",
  civil: "civil",
  "labour-arbitration": "civil",
  administrative: "other",
  "non-litigation": "other"
}

/**
 * The kinds of matter in a class.
 *
 * @example
 * import { kindsOfClass } from "fayuan/evaluation"
 * kindsOfClass("civil") // ["civil", "labour-arbitration"]
 *
 * @category vocabulary
 */
export const kindsOfClass = (c: MatterClass): ReadonlyArray<MatterKind> => matterKinds.filter((k) => matterClasses[k] === c)

/**
 * The class of a kind of matter; an unknown kind is `other`.
 *
 * @category vocabulary
 */
export const matterClassOf = (kind: string): MatterClass => matterClasses[kind as MatterKind] ?? "other"

const classOf = matterClassOf

/**
 * Quality grades that pass (合格 or better).
 *
 * @category vocabulary
 */
export const passingGrades: ReadonlyArray<Grade> = ["excellent", "good", "pass"]

/**
 * Eligibility outcomes that entitle to aid (with notified cases, the denominator of
 * `aid.special-groups-rate`).
 *
 * @category vocabulary
 */
export const entitledOutcomes: ReadonlyArray<EligibilitySummary["outcome"]> = ["eligible", "mandatory"]

/**
 * The clocks each timeliness measure counts.
 *
 * @category vocabulary
 */
export const timelinessClocks = {
  decision: ["decision"],
  assignment: ["assignment-after-grant", "assignment-after-notification"],
  "closing-materials": ["closing-materials"]
} as const satisfies Record<string, ReadonlyArray<ClockKind>>

/** @category vocabulary */
export type TimelinessKey = keyof typeof timelinessClocks

const timelinessKeys = Object.keys(timelinessClocks) as ReadonlyArray<TimelinessKey>

/** The timeliness measure a clock kind counts in, if any. */
export const timelinessOf = (kind: string): TimelinessKey | undefined => timelinessKeys.find((k) => (timelinessClocks[k] as ReadonlyArray<string>).includes(kind))

// ---------------------------------------------------------------------------------------------
// Case facts

/**
 * What an evaluation needs to know of a case — the columns the SQL adapters keep beside the
 * case's head, so aggregates never fold a log.
 *
 * @category case facts
 */
export interface CaseFacts {
  readonly region: Region.RegionCode
  readonly caseId: string
  readonly kind: MatterKind
  readonly origin: "application" | "notification"
  readonly receivedOn: CalendarDate.CalendarDate
  readonly groups: ReadonlyArray<SpecialGroup>
  readonly eligibilityOutcome?: EligibilitySummary["outcome"] | undefined
  /** The day of the eligibility decision behind `eligibilityOutcome`. */
  readonly decidedOn: CalendarDate.CalendarDate | undefined
  /** The due date of the case's first assignment clock (the time limit to assign a lawyer). */
  readonly assignmentDueOn: CalendarDate.CalendarDate | undefined
  /** Aid was granted at some point (notified, granted, pre-granted; terminated later or not). */
  readonly granted: boolean
  /** The day aid was first granted (a notified case: the day it was received). */
  readonly grantedOn: CalendarDate.CalendarDate | undefined
  readonly lawyerAssigned: boolean
  /** The day a lawyer was first assigned. */
  readonly lawyerAssignedOn: CalendarDate.CalendarDate | undefined
  readonly endedOn?: CalendarDate.CalendarDate | undefined
  /** The day the closing materials were filed (结案). */
  readonly concludedOn?: CalendarDate.CalendarDate | undefined
  readonly outcome?: MatterOutcome | undefined
  readonly grade?: Grade | undefined
  /** The day the case was (last) graded. */
  readonly gradedOn: CalendarDate.CalendarDate | undefined
  /** Lawyers replaced after the recipient's complaint. */
  readonly complaints: number
}

/**
 * One clock of a case as the evaluation sees it. `met` is known once the clock stopped (hour
 * clocks at once); `idx` is its place in the case's clocks.
 *
 * @category case facts
 */
export interface ClockFacts {
  readonly region: Region.RegionCode
  readonly caseId: string
  readonly idx: number
  readonly kind: ClockKind
  readonly startedOn: CalendarDate.CalendarDate
  readonly dueOn: CalendarDate.CalendarDate
  readonly stoppedOn?: CalendarDate.CalendarDate | undefined
  readonly cancelledOn?: CalendarDate.CalendarDate | undefined
  readonly met?: boolean | undefined
}

/** States in which aid was never granted. */
const notGranted: ReadonlySet<State> = new Set(["received", "awaiting-materials", "under-review", "refused", "refusal-objection", "refusal-final", "withdrawn"])

/**
 * The days a case's facts changed, which the case itself does not keep: folded from its events
 * ({@link evolveDates}), so an evaluation of a past period counts what had happened by its end.
 *
 * @category case facts
 */
export interface CaseDates {
  /** The day aid was first granted (notification received, aid granted, pre-granted). */
  readonly grantedOn?: CalendarDate.CalendarDate | undefined
  /** The day a lawyer was first assigned. */
  readonly lawyerAssignedOn?: CalendarDate.CalendarDate | undefined
  /** The day of the latest quality grade. */
  readonly gradedOn?: CalendarDate.CalendarDate | undefined
  /** The day of the latest eligibility decision (granted, refused, formalities completed). */
  readonly decidedOn?: CalendarDate.CalendarDate | undefined
}

const eventDate = (instant: string): CalendarDate.CalendarDate => chinaDate(instant) ?? (instant.slice(0, 10) as CalendarDate.CalendarDate)

/**
 * Applies one event to a case's dates (an event's day is its `occurredAt` in China).
 *
 * Adapters fold a log's dates with it: `events.reduce(evolveDates, {})`.
 *
 * @category case facts
 */
export const evolveDates = (dates: CaseDates, event: CaseEvent): CaseDates => {
  switch (event.type) {
    case "NotificationReceived":
      return dates.grantedOn === undefined ? { ...dates, grantedOn: event.receivedOn } : dates
    case "AidGranted": {
      const on = eventDate(event.occurredAt)
      return { ...dates, grantedOn: dates.grantedOn ?? on, decidedOn: on }
    }
    case "AidRefused":
    case "FormalitiesCompleted":
      return { ...dates, decidedOn: eventDate(event.occurredAt) }
    case "PreGranted":
      return dates.grantedOn === undefined ? { ...dates, grantedOn: eventDate(event.occurredAt) } : dates
    case "LawyerAssigned":
    case "LawyerReassigned":
      return dates.lawyerAssignedOn === undefined ? { ...dates, lawyerAssignedOn: eventDate(event.occurredAt) } : dates
    case "QualityGraded":
      return { ...dates, gradedOn: eventDate(event.occurredAt) }
    default:
      return dates
  }
}

/**
 * The dates of a case, folded from its whole log.
 *
 * @category case facts
 */
export const caseDates = (events: Iterable<CaseEvent>): CaseDates => {
  let dates: CaseDates = {}
  for (const e of events) dates = evolveDates(dates, e)
  return dates
}

/**
 * The facts of a case. Give the dates folded from its log ({@link caseDates}); without them they
 * are estimated from the case alone (the assignment clock's stop or the lawyer's `since`, the
 * decision clock's stop or the day of receipt, the last event's day for a grade).
 *
 * @example
 * import { caseFacts } from "fayuan/evaluation"
 * import { replay, type CaseEvent } from "fayuan/lifecycle"
 * declare const events: ReadonlyArray<CaseEvent>
 * caseFacts(replay(events)!).grantedOn
 *
 * @category case facts
 */
export const caseFacts = (c: Case, dates?: CaseDates): CaseFacts => {
  let concludedOn: CalendarDate.CalendarDate | undefined
  for (const clock of c.clocks) if (clock.kind === "closing-materials" && clock.stoppedOn !== undefined) concludedOn = clock.stoppedOn
  const granted = !notGranted.has(c.state)
  const firstStop = (kinds: ReadonlyArray<ClockKind>) => c.clocks.find((k) => kinds.includes(k.kind) && k.stoppedOn !== undefined)?.stoppedOn
  const grantedOn = !granted ? undefined : dates !== undefined ? dates.grantedOn : c.origin === "notification" ? c.receivedOn : (firstStop(["decision"]) ?? c.receivedOn)
  const lawyerAssignedOn =
    c.lawyer === undefined ? undefined : dates !== undefined ? dates.lawyerAssignedOn : (firstStop(timelinessClocks.assignment) ?? c.lawyer.since)
  const gradedOn = c.grade === undefined ? undefined : dates !== undefined ? dates.gradedOn : eventDate(c.lastOccurredAt)
  const decidedOn = c.eligibility === undefined ? undefined : dates !== undefined ? dates.decidedOn : (firstStop(["decision"]) ?? eventDate(c.lastOccurredAt))
  const assignmentDueOn = c.clocks.find((k) => (timelinessClocks.assignment as ReadonlyArray<ClockKind>).includes(k.kind))?.dueOn
  return {
    region: c.region,
    caseId: c.id,
    kind: c.kind,
    origin: c.origin,
    receivedOn: c.receivedOn,
    groups: c.groups ?? [],
    eligibilityOutcome: c.eligibility?.outcome,
    decidedOn,
    assignmentDueOn,
    granted,
    grantedOn,
    lawyerAssigned: c.lawyer !== undefined,
    lawyerAssignedOn,
    endedOn: c.endedOn,
    concludedOn,
    outcome: c.outcome,
    grade: c.grade,
    gradedOn,
    complaints: c.complaints ?? 0
  }
}

/**
 * The facts of one clock of a case.
 *
 * @category case facts
 */
export const clockFactsAt = (c: Case, idx: number): ClockFacts => {
  const k = c.clocks[idx]!
  const met = k.met ?? (k.stoppedOn !== undefined && k.cancelledOn === undefined ? k.stoppedOn <= k.dueOn : undefined)
  return {
    region: c.region,
    caseId: c.id,
    idx,
    kind: k.kind,
    startedOn: k.startedOn,
    dueOn: k.dueOn,
    stoppedOn: k.stoppedOn,
    cancelledOn: k.cancelledOn,
    met
  }
}

/**
 * The facts of every clock of a case.
 *
 * @category case facts
 */
export const clockFacts = (c: Case): ReadonlyArray<ClockFacts> => c.clocks.map((_, i) => clockFactsAt(c, i))

/**
 * Special groups as stored in a column: `|minor|disabled|`, or empty.
 *
 * @category case facts
 */
export const encodeGroups = (groups: ReadonlyArray<SpecialGroup>): string => (groups.length === 0 ? "" : `|${groups.join("|")}|`)

/**
 * Special groups from their column.
 *
 * @category case facts
 */
export const decodeGroups = (text: string): ReadonlyArray<SpecialGroup> =>
  text === "" ? [] : specialGroups.filter((g) => text.includes(`|${g}|`))

/**
 * The status of a clock on a day, from its facts: the same as the lifecycle's `clockStatus`.
 *
 * @category clocks
 */
export const clockStatusOf = (f: ClockFacts, on: string): "met" | "missed" | "cancelled" | "running" | "due" | "overdue" => {
  if (f.cancelledOn !== undefined && f.cancelledOn <= on) return "cancelled"
  if (f.met !== undefined && f.stoppedOn !== undefined && f.stoppedOn <= on) return f.met ? "met" : "missed"
  if (on < f.dueOn) return "running"
  return on === f.dueOn ? "due" : "overdue"
}

// ---------------------------------------------------------------------------------------------
// Tallies

/**
 * A sum over records: how many records, and the sum of their quantities.
 *
 * @category tallies
 */
export interface Sum {
  readonly records: number
  readonly total: number
}

/**
 * Clock statuses of a kind on the period's last day, for clocks started in the period.
 *
 * @category tallies
 */
export interface ClockCounts {
  readonly started: number
  readonly met: number
  readonly missed: number
  readonly overdue: number
  readonly running: number
  readonly cancelled: number
}

/**
 * Everything the measures are computed from: counts and sums for one scope and period.
 *
 * @category tallies
 */
export interface Tallies {
  readonly cases: { readonly accepted: number; readonly civil: number; readonly criminal: number; readonly other: number; readonly concluded: number; readonly complaints: number }
  /** Notified cases received in the period, less those still in time to be assigned on its last day; and those assigned by then. */
  readonly notified: { readonly received: number; readonly assigned: number }
  readonly specialGroups: { readonly entitled: number; readonly granted: number }
  readonly grades: { readonly graded: number; readonly passed: number }
  readonly clocks: { readonly [K in TimelinessKey]: ClockCounts }
  readonly consultations: { readonly total: Sum; readonly hotline: Sum; readonly byLevel: { readonly [L in NetworkLevel]: Sum } }
  readonly documents: number
  readonly activities: { readonly [A in ActivityKind]: Sum & { readonly adopted: number } }
  readonly trainings: Sum
  readonly network: { readonly [L in NetworkLevel]: number }
  readonly freeConsultation: { readonly open: number; readonly served: number }
  readonly auxiliaryStaff: number
  readonly dutyShifts: number
  readonly surveys: { readonly [T in SurveyTopic]: { readonly records: number; readonly respondents: number; readonly positive: number; readonly sources: ReadonlyArray<string> } }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] }

const zeroClocks = (): Mutable<ClockCounts> => ({ started: 0, met: 0, missed: 0, overdue: 0, running: 0, cancelled: 0 })
const byKeys = <K extends string, V>(keys: ReadonlyArray<K>, make: () => V): { [P in K]: V } => Object.fromEntries(keys.map((k) => [k, make()])) as { [P in K]: V }

/**
 * Tallies of nothing: every count zero.
 *
 * @category tallies
 */
export const emptyTallies = (): Mutable<Tallies> => ({
  cases: { accepted: 0, civil: 0, criminal: 0, other: 0, concluded: 0, complaints: 0 },
  notified: { received: 0, assigned: 0 },
  specialGroups: { entitled: 0, granted: 0 },
  grades: { graded: 0, passed: 0 },
  clocks: byKeys(timelinessKeys, zeroClocks),
  consultations: { total: { records: 0, total: 0 }, hotline: { records: 0, total: 0 }, byLevel: byKeys(networkLevels, () => ({ records: 0, total: 0 })) },
  documents: 0,
  activities: byKeys(activityKinds, () => ({ records: 0, total: 0, adopted: 0 })),
  trainings: { records: 0, total: 0 },
  network: byKeys(networkLevels, () => 0),
  freeConsultation: { open: 0, served: 0 },
  auxiliaryStaff: 0,
  dutyShifts: 0,
  surveys: byKeys(surveyTopics, () => ({ records: 0, respondents: 0, positive: 0, sources: [] as Array<string> }))
})

/**
 * What {@link tally} reads: case facts, clock facts, evaluation records and worked duty shifts
 * (any order; rows outside the scope or period are skipped).
 *
 * @category tallies
 */
export interface EvaluationInput {
  readonly cases: Iterable<CaseFacts>
  readonly clocks: Iterable<ClockFacts>
  readonly records: Iterable<EvaluationRecord>
  readonly shifts: Iterable<{ readonly region: string; readonly date: string }>
}

const within = (scope: Region.RegionCode) => (region: string): boolean => Region.contains(scope, region as Region.RegionCode)
const entitled: ReadonlySet<string> = new Set(entitledOutcomes)
const passing: ReadonlySet<string> = new Set(passingGrades)

/**
 * Adds a clock's status on `on` to counts.
 *
 * @category tallies
 */
export const countClock = (counts: Mutable<ClockCounts>, f: ClockFacts, on: string): void => {
  counts.started++
  counts[clockStatusOf(f, on) === "due" ? "running" : clockStatusOf(f, on) as Exclude<ReturnType<typeof clockStatusOf>, "due">]++
}

/**
 * Counts, in JavaScript, everything the measures need for a scope and period.
 *
 * @example
 * import { Region } from "fayuan"
 * import { measuresOf, tally, yearPeriod, type EvaluationInput } from "fayuan/evaluation"
 * declare const input: EvaluationInput
 * const scope = Region.makeUnsafe("530103")
 * const period = yearPeriod(2018)
 * const measures = measuresOf(tally(input, scope, period), scope, period)
 *
 * @category tallies
 */
export const tally = (input: EvaluationInput, scope: Region.RegionCode, period: Period): Tallies => {
  const t = emptyTallies()
  const inScope = within(scope)
  const { from, to } = period
  for (const c of input.cases) {
    if (!inScope(c.region)) continue
    if (c.receivedOn >= from && c.receivedOn <= to) {
      t.cases.accepted++
      t.cases[classOf(c.kind)]++
      t.cases.complaints += c.complaints
      if (c.origin === "notification") {
        if (c.lawyerAssignedOn !== undefined && c.lawyerAssignedOn <= to) {
          t.notified.received++
          t.notified.assigned++
        } else if (c.assignmentDueOn === undefined || c.assignmentDueOn < to) t.notified.received++
      }
      const decided = c.eligibilityOutcome !== undefined && entitled.has(c.eligibilityOutcome) && c.decidedOn !== undefined && c.decidedOn <= to
      if (c.groups.length > 0 && (c.origin === "notification" || decided)) {
        t.specialGroups.entitled++
        if (c.grantedOn !== undefined && c.grantedOn <= to) t.specialGroups.granted++
      }
    }
    if (c.concludedOn !== undefined && c.concludedOn >= from && c.concludedOn <= to) {
      t.cases.concluded++
      if (c.grade !== undefined && c.gradedOn !== undefined && c.gradedOn <= to) {
        t.grades.graded++
        if (passing.has(c.grade)) t.grades.passed++
      }
    }
  }
  for (const k of input.clocks) {
    if (k.startedOn < from || k.startedOn > to || !inScope(k.region)) continue
    const key = timelinessOf(k.kind)
    if (key !== undefined) countClock(t.clocks[key], k, to)
  }
  const levels = new Map<string, NetworkLevel>()
  const points: Array<EvaluationRecord & { readonly type: "network-point" }> = []
  const consultations: Array<EvaluationRecord & { readonly type: "consultation" }> = []
  for (const r of input.records) {
    if (!inScope(r.region)) continue
    if (r.type === "network-point") {
      levels.set(`${r.region}\u0000${r.id}`, r.level)
      if (inPeriod(r, period)) points.push(r)
      continue
    }
    if (!inPeriod(r, period)) continue
    switch (r.type) {
      case "consultation":
        consultations.push(r)
        break
      case "drafted-document":
        t.documents++
        break
      case "activity": {
        const a = t.activities[r.kind]
        a.records++
        a.total += r.quantity
        a.adopted += r.adopted ?? 0
        break
      }
      case "training":
        t.trainings.records++
        t.trainings.total += r.participants
        break
      case "staff-position":
        if (r.kind === "auxiliary") t.auxiliaryStaff++
        break
      case "survey": {
        const s = t.surveys[r.topic]
        s.records++
        s.respondents += r.respondents
        s.positive += r.positive
        if (!s.sources.includes(r.source)) s.sources.push(r.source)
        break
      }
    }
  }
  const served = new Set<string>()
  for (const c of consultations) {
    const persons = c.persons ?? 1
    t.consultations.total.records++
    t.consultations.total.total += persons
    if (c.channel === "hotline-12348") {
      t.consultations.hotline.records++
      t.consultations.hotline.total += persons
    }
    const pointKey = `${c.region}\u0000${c.pointId}`
    const level = levels.get(pointKey)
    if (level !== undefined) {
      t.consultations.byLevel[level].records++
      t.consultations.byLevel[level].total += persons
    }
    served.add(pointKey)
  }
  for (const p of points) {
    t.network[p.level]++
    if (consultationLevels.includes(p.level)) {
      t.freeConsultation.open++
      if (served.has(`${p.region}\u0000${p.id}`)) t.freeConsultation.served++
    }
  }
  for (const s of input.shifts) if (s.date >= from && s.date <= to && inScope(s.region)) t.dutyShifts++
  for (const topic of surveyTopics) t.surveys[topic].sources.sort()
  return t
}

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

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * Cases received in a month, by class.
 *
 * @category charts
 */
export interface MonthCases {
  /** 1 … 12. */
  readonly month: number
  readonly civil: number
  readonly criminal: number
  readonly other: number
}

/**
 * Twelve months of zeros.
 *
 * @category charts
 */
export const emptyMonths = (): Array<{ month: number; civil: number; criminal: number; other: number }> =>
  Array.from({ length: 12 }, (_, i) => ({ month: i + 1, civil: 0, criminal: 0, other: 0 }))

/**
 * Adds `n` cases of a kind received in a month to the months.
 *
 * @category charts
 */
export const addToMonth = (months: Array<{ month: number; civil: number; criminal: number; other: number }>, month: number, kind: string, n: number): void => {
  const m = months[month - 1]
  if (m !== undefined) m[classOf(kind)] += n
}

/**
 * Cases received in each month of a year, by class, in JavaScript.
 *
 * @category charts
 */
export const casesByMonthOf = (cases: Iterable<CaseFacts>, scope: Region.RegionCode, year: number): ReadonlyArray<MonthCases> => {
  const months = emptyMonths()
  const inScope = within(scope)
  const prefix = `${String(year).padStart(4, "0")}-`
  for (const c of cases) if (c.receivedOn.startsWith(prefix) && inScope(c.region)) addToMonth(months, Number(c.receivedOn.slice(5, 7)), c.kind, 1)
  return months
}

/**
 * The clocks of every kind started in a period, each in its status on the period's last day.
 *
 * @category charts
 */
export const clockSummaryOf = (clocks: Iterable<ClockFacts>, scope: Region.RegionCode, period: Period): ClockCounts => {
  const counts = zeroClocks()
  const inScope = within(scope)
  for (const k of clocks) if (k.startedOn >= period.from && k.startedOn <= period.to && inScope(k.region)) countClock(counts, k, period.to)
  return counts
}

// ---------------------------------------------------------------------------------------------
// The port

/**
 * The source of an evaluation's actual values, implemented by every storage adapter: in SQL on
 * the SQL adapters (aggregate queries only), in JavaScript on the memory adapter.
 *
 * @category models
 */
export interface EvaluationSourceShape {
  /**
   * Every measure of `measureKeys` except the ledger's (`cost.*`, `budget.*`), with evidence. A
   * stored record that no longer decodes fails the evaluation as a `CorruptRecord` naming it.
   */
  readonly measure: (scope: Region.RegionCode, period: Period) => Effect.Effect<Measures, StoreError | CorruptRecord>
  /** The counts behind {@link EvaluationSourceShape.measure}. */
  readonly tallies: (scope: Region.RegionCode, period: Period) => Effect.Effect<Tallies, StoreError | CorruptRecord>
  /** Cases received in each month of `year` (12 entries), by class. */
  readonly casesByMonth: (scope: Region.RegionCode, year: number) => Effect.Effect<ReadonlyArray<MonthCases>, StoreError>
  /** The clocks of every kind started in the period, in their status on its last day. */
  readonly clockSummary: (scope: Region.RegionCode, period: Period) => Effect.Effect<ClockCounts, StoreError>
}

/**
 * The evaluation source service.
 *
 * @example
 * import { Effect } from "effect"
 * import { Region } from "fayuan"
 * import { EvaluationSource, yearPeriod } from "fayuan/evaluation"
 * const measures = Effect.gen(function* () {
 *   const source = yield* EvaluationSource
 *   return yield* source.measure(Region.makeUnsafe("530103"), yearPeriod(2018))
 * })
 *
 * @category services
 */
export class EvaluationSource extends Context.Service<EvaluationSource, EvaluationSourceShape>()("fayuan/EvaluationSource") {}

/**
 * The period of a calendar year.
 *
 * @example
 * import { yearPeriod } from "fayuan/evaluation"
 * yearPeriod(2018) // { from: "2018-01-01", to: "2018-12-31" }
 *
 * @category models
 */
export const yearPeriod = (year: number): Period => {
  const y = String(year).padStart(4, "0")
  return { from: `${y}-01-01` as CalendarDate.CalendarDate, to: `${y}-12-31` as CalendarDate.CalendarDate }
}
