/**
 * Counting, in JavaScript, everything the measures need for a scope and period (`Tallies`): the
 * model the SQL adapters' aggregate queries must match.
 *
 * @since 0.1.0
 */
import * as Region from "../Region.ts"
import type { ActivityKind, EvaluationRecord, NetworkLevel, Period, SurveyTopic } from "./Records.ts"
import { activityKinds, consultationLevels, inPeriod, networkLevels, surveyTopics } from "./Records.ts"
import type { TimelinessKey } from "./MatterClass.ts"
import { classOf, entitledOutcomes, passingGrades, timelinessKeys, timelinessOf } from "./MatterClass.ts"
import type { CaseFacts, ClockFacts } from "./CaseFacts.ts"
import { clockStatusOf } from "./CaseFacts.ts"

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

export const zeroClocks = (): Mutable<ClockCounts> => ({ started: 0, met: 0, missed: 0, overdue: 0, running: 0, cancelled: 0 })
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

export const within = (scope: Region.RegionCode) => (region: string): boolean => Region.contains(scope, region as Region.RegionCode)
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
