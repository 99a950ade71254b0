/**
 * The compiled form of a subsidy standard (engine-internal, not exported): everything a
 * calculation needs, indexed by small integers, built once per standard.
 *
 * @since 0.1.0
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { Grade } from "../lifecycle/vocabulary.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type { ProceedingStage as Stage } from "../RuleSet.ts"
import type { EarlyEnding, Service, Standard, StandardRef } from "./Standard.ts"
import { CaseRow, ConsultationRow, DocumentRow, DutyRow, EarlyEndRow, ExtraRecipientRow, MultiplierRow, UnqualifiedRow, rowLevel, services } from "./Standard.ts"

// Compiled form (internal): everything a calculation needs, indexed by small integers.

/** @internal */
export const serviceIndex: { readonly [S in Service]: number } = { criminal: 0, civil: 1, administrative: 2, "labour-arbitration": 3, "non-litigation": 4 }
/** @internal */
export const stageIndex: { readonly [S in Stage]: number } = { investigation: 0, "prosecution-review": 1, trial: 2, "death-penalty-review": 3 }
/** @internal Claim grade slots: fail 0, pass 1, good 2, excellent 3, not graded 4. */
export const claimGradeIndex: { readonly [G in Grade]: number } = { fail: 0, pass: 1, good: 2, excellent: 3 }
/** @internal */
export const endingIndex: { readonly [E in EarlyEnding]: number } = { terminated: 0, "withdrawn-before-hearing": 1, "withdrawn-during-hearing": 2 }
/** @internal Index of a base group: service × (stage or none) × place. */
export const baseSlot = (service: number, stage: number, outside: boolean): number => service * 10 + stage * 2 + (outside ? 1 : 0)

/** @internal The row a file of one grade is paid from, with its explanation. */
export interface Pick {
  readonly row: CaseRow
  readonly detail: string
  /** No row applies to an unqualified file: the lowest row stands in, and the unqualified row must reduce it. */
  readonly standIn: boolean
}

/** @internal Picks by claim grade slot (fail, pass, good, excellent, not graded). */
export type Group = readonly [Pick, Pick, Pick, Pick, Pick]

/** @internal A row with its precomputed explanation. */
export interface Explained<R> {
  readonly row: R
  readonly detail: string
}

/** @internal */
export interface Compiled {
  readonly standard: Standard
  readonly ref: StandardRef
  readonly from: CalendarDate.CalendarDate
  /** Last day in force, `"9999-12-31"` when open. */
  readonly to: string
  readonly base: ReadonlyArray<Group | undefined>
  /** By factor then service index. */
  readonly lifeOrDeath: ReadonlyArray<Explained<MultiplierRow> | undefined>
  readonly complexity: ReadonlyArray<MultiplierRow | undefined>
  readonly outside: ReadonlyArray<Explained<MultiplierRow> | undefined>
  /** The detail is ` × ¥200.00`, to follow the count. */
  readonly extra: ReadonlyArray<Explained<ExtraRecipientRow> | undefined>
  /** By ending index × 5 + service index. */
  readonly earlyEnd: ReadonlyArray<Explained<EarlyEndRow> | undefined>
  readonly unqualified: Explained<UnqualifiedRow> | undefined
  readonly duty: { readonly day?: DutyRow; readonly half?: DutyRow }
  /** Precomputed duty explanations, and half the day rate rounded by the standard. */
  readonly dutyText: {
    readonly day: string
    readonly twoHalves: string
    readonly half: string
    readonly halfOfDay: string
    readonly pair: string
    readonly halfOfDayAmount: number
  }
  readonly consultation: { readonly day?: ConsultationRow; readonly half?: ConsultationRow }
  readonly document: DocumentRow | undefined
}

/** @internal `×3/2 half-up`. */
export const ratioText = (ratio: Ratio.Ratio): string => `×${Ratio.toDecimalString(ratio)}`

const pickDetail = (row: CaseRow, graded: boolean, claimGrade: Grade | undefined, standIn: boolean): string => {
  let out = Money.format(row.amount)
  if (row.place === "outside") out += ", outside-home-city band"
  if (row.grade !== undefined) out += `, ${row.grade} amount`
  if (graded) {
    if (claimGrade === undefined) out += " (not graded: paid as pass)"
    else if (row.grade !== claimGrade) out += ` (file graded ${claimGrade})`
  }
  if (standIn) out += "; no amount for an unqualified file: reduced by the unqualified row"
  return out
}

const compileGroup = (rows: ReadonlyArray<CaseRow>): Group => {
  const sorted = [...rows].sort((a, b) => rowLevel(a.grade) - rowLevel(b.grade))
  const graded = sorted.some((r) => r.grade !== undefined)
  const highestAtOrBelow = (level: number): CaseRow | undefined => {
    let found: CaseRow | undefined
    for (const r of sorted) if (rowLevel(r.grade) <= level) found = r
    return found
  }
  const make = (level: number, grade: Grade | undefined): Pick | undefined => {
    const row = highestAtOrBelow(level)
    return row === undefined ? undefined : { row, detail: pickDetail(row, graded, grade, false), standIn: false }
  }
  const lowest = sorted[0]!
  const fail = make(1, "fail") ?? { row: lowest, detail: pickDetail(lowest, graded, "fail", true), standIn: true }
  // checkStandard guarantees an ungraded, fail or pass row in every group.
  return [fail, make(2, "pass")!, make(3, "good")!, make(4, "excellent")!, make(2, undefined)!]
}

const appliesTo = (list: ReadonlyArray<Service> | undefined, service: Service): boolean => list === undefined || list.includes(service)

/** @internal Compiles a checked standard. */
export const compile = (standard: Standard): Compiled => {
  const { id, region, effectiveFrom, effectiveTo, verified, label } = standard
  const ref: StandardRef = effectiveTo === undefined
    ? { id, region, effectiveFrom, verified, label }
    : { id, region, effectiveFrom, effectiveTo, verified, label }
  const grouped = new Map<number, Array<CaseRow>>()
  const lifeOrDeath: Array<Explained<MultiplierRow> | undefined> = new Array(5).fill(undefined)
  const complexity: Array<MultiplierRow | undefined> = new Array(5).fill(undefined)
  const outside: Array<Explained<MultiplierRow> | undefined> = new Array(5).fill(undefined)
  const extra: Array<Explained<ExtraRecipientRow> | undefined> = new Array(5).fill(undefined)
  const earlyEnd: Array<Explained<EarlyEndRow> | undefined> = new Array(15).fill(undefined)
  let unqualified: Explained<UnqualifiedRow> | undefined
  const duty: { day?: DutyRow; half?: DutyRow } = {}
  const consultation: { day?: ConsultationRow; half?: ConsultationRow } = {}
  let document: DocumentRow | undefined
  for (const row of standard.rows) {
    switch (row.kind) {
      case "case": {
        const slot = baseSlot(serviceIndex[row.service], row.stage === undefined ? 4 : stageIndex[row.stage], row.place === "outside")
        const list = grouped.get(slot)
        if (list === undefined) grouped.set(slot, [row])
        else list.push(row)
        break
      }
      case "multiplier": {
        const explained = { row, detail: `${ratioText(row.ratio)} ${standard.rounding}` }
        for (const service of services) {
          if (!appliesTo(row.services, service)) continue
          const i = serviceIndex[service]
          if (row.factor === "life-or-death") lifeOrDeath[i] = explained
          else if (row.factor === "outside-home-city") outside[i] = explained
          else complexity[i] = row
        }
        break
      }
      case "extra-recipient": {
        const explained = { row, detail: ` × ${Money.format(row.amount)}` }
        for (const service of services) if (appliesTo(row.services, service)) extra[serviceIndex[service]] = explained
        break
      }
      case "early-end": {
        const explained = { row, detail: `${row.endedBy}: fixed ${Money.format(row.amount)}` }
        for (const service of row.services ?? services.filter((v) => v !== "criminal")) {
          earlyEnd[endingIndex[row.endedBy] * 5 + serviceIndex[service]] = explained
        }
        break
      }
      case "unqualified":
        unqualified = { row, detail: `unqualified file: ${ratioText(row.ratio)} ${standard.rounding}` }
        break
      case "duty":
        if (row.unit === "day") duty.day = row
        else duty.half = row
        break
      case "consultation":
        if (row.unit === "day") consultation.day = row
        else consultation.half = row
        break
      case "document":
        document = row
        break
    }
  }
  const dayAmount = duty.day?.amount ?? (0 as Money.Fen)
  const halfAmount = duty.half?.amount ?? (0 as Money.Fen)
  const dutyText = {
    day: `${Money.format(dayAmount)} per day`,
    twoHalves: `2 × ${Money.format(halfAmount)} per half-day`,
    half: `${Money.format(halfAmount)} per half-day`,
    halfOfDay: `half of ${Money.format(dayAmount)} per day, ${standard.rounding}`,
    pair: `morning and afternoon paid as one day: half of ${Money.format(dayAmount)}`,
    halfOfDayAmount: Money.multiply(dayAmount, Ratio.makeUnsafe(1, 2), standard.rounding)
  }
  const base: Array<Group | undefined> = new Array(50).fill(undefined)
  for (const [slot, rows] of grouped) base[slot] = compileGroup(rows)
  return {
    standard,
    ref: Object.freeze(ref),
    from: standard.effectiveFrom,
    to: standard.effectiveTo ?? "9999-12-31",
    base,
    lifeOrDeath,
    complexity,
    outside,
    extra,
    earlyEnd,
    unqualified,
    duty,
    dutyText,
    consultation,
    document
  }
}

// ---------------------------------------------------------------------------------------------
