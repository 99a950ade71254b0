/**
 * Duty rosters (值班排班): the inputs — sites with their shift patterns, lawyers, firms, the
 * period, pinned shifts, parameters — decoded with Schema, and the roster that comes out.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import { RatioFromDecimal } from "../Ratio.ts"
import * as Region from "../Region.ts"

const Id = IdModule.Id
const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(10_000)))

/**
 * Half-day or full-day shifts. A full day overlaps both halves.
 *
 * @category vocabulary
 */
export const slots = ["full", "am", "pm"] as const

/** @category vocabulary */
export type Slot = (typeof slots)[number]

/**
 * A duty site (值班点) and its shift pattern: on which days it is staffed (the working days of the
 * calendar by default; every day; or given weekdays, 1 = Monday … 7 = Sunday, when they are working
 * days), which shifts, how many lawyers each needs, and what those lawyers must have.
 *
 * @category schemas
 */
export const Site = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(Schema.String),
  region: Region.RegionCode,
  /** `working-days` (default), `every-day`, or weekdays (1 = Monday … 7 = Sunday) that are working days. */
  days: Schema.optionalKey(Schema.Union([Schema.Literals(["working-days", "every-day"]), Schema.Array(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 7 }))))])),
  shifts: Schema.Array(Schema.Struct({ slot: Schema.Literals(slots), lawyersNeeded: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 20 }))) })),
  minYearsOfPractice: Schema.optionalKey(Count),
  languages: Schema.optionalKey(Schema.Array(Schema.String)),
  /** The first day the site is staffed (a workstation opened during the period). */
  openFrom: Schema.optionalKey(CalendarDate.CalendarDate),
  /** The last day the site is staffed. */
  openTo: Schema.optionalKey(CalendarDate.CalendarDate)
})

/** @category models */
export type Site = typeof Site.Type

/**
 * A lawyer who can be rostered: firm, region (sites whose region contains it may use them),
 * years of practice, languages, dates they cannot serve, their own monthly maximum, and
 * preferences (soft).
 *
 * @category schemas
 */
export const Lawyer = Schema.Struct({
  id: Id,
  firmId: Id,
  region: Region.RegionCode,
  yearsOfPractice: Count,
  languages: Schema.optionalKey(Schema.Array(Schema.String)),
  unavailable: Schema.optionalKey(Schema.Array(CalendarDate.CalendarDate)),
  maxPerMonth: Schema.optionalKey(Count),
  preferredSites: Schema.optionalKey(Schema.Array(Id)),
  preferredWeekdays: Schema.optionalKey(Schema.Array(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 7 })))))
})

/** @category models */
export type Lawyer = typeof Lawyer.Type

/**
 * A firm, with an optional share of the shifts (e.g. in proportion to its lawyers), as a decimal.
 *
 * @category schemas
 */
export const Firm = Schema.Struct({ id: Id, quotaShare: Schema.optionalKey(RatioFromDecimal) })

/** @category models */
export type Firm = typeof Firm.Type

/**
 * A shift fixed in advance: it stays whatever the solver finds.
 *
 * @category schemas
 */
export const Pinned = Schema.Struct({ date: CalendarDate.CalendarDate, siteId: Id, slot: Schema.Literals(slots), lawyerId: Id })

/** @category models */
export type Pinned = typeof Pinned.Type

/**
 * Everything a roster is made from.
 *
 * - `parameters.maxPerMonth`: the monthly maximum for lawyers without their own (default 8);
 * - `parameters.minDaysBetweenShifts`: 0 lets a lawyer take a morning and an afternoon the same
 *   day; 1 (the default) means at most one shift a day; 2 also keeps consecutive days apart;
 * - `seed`: breaks the remaining ties, so equal inputs always give equal rosters.
 *
 * @category schemas
 */
export const RosterInput = Schema.Struct({
  period: Schema.Struct({ from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate }),
  sites: Schema.Array(Site),
  lawyers: Schema.Array(Lawyer),
  firms: Schema.optionalKey(Schema.Array(Firm)),
  pinned: Schema.optionalKey(Schema.Array(Pinned)),
  parameters: Schema.optionalKey(
    Schema.Struct({
      maxPerMonth: Schema.optionalKey(Count),
      minDaysBetweenShifts: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 30 }))))
    })
  ),
  seed: Schema.optionalKey(Schema.Int)
})

/** @category models */
export type RosterInput = typeof RosterInput.Type

/**
 * Input that is not a valid roster request: every problem with its path.
 *
 * @category errors
 */
export class InvalidRosterInput extends Data.TaggedError("InvalidRosterInput")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid roster input: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

const decodeStruct = Schema.decodeUnknownResult(RosterInput)

/**
 * The largest roster `decodeRosterInput` accepts (beside at most 400 days): the solver's work
 * grows with seats × candidates, and a larger request is split by period or by region.
 *
 * @category decoding
 */
export const limits = { lawyers: 5_000, sites: 2_000, seats: 200_000 } as const

/**
 * Decodes a roster request from unknown input, with the checks across fields: the period runs
 * forwards (at most 400 days), ids are unique, pinned shifts name known sites and lawyers, and no
 * lawyer is pinned twice to one shift.
 *
 * @example
 * import { decodeRosterInput } from "fayuan/roster"
 * decodeRosterInput({ period: { from: "2018-01-01", to: "2018-01-31" }, sites: [], lawyers: [] })
 *
 * @category decoding
 */
export const decodeRosterInput = (input: unknown): Result.Result<RosterInput, InvalidRosterInput> => {
  const r = decodeStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidRosterInput({ issues: issuesOf(r.failure) }))
  const v = r.success
  const issues: Array<Issue> = []
  const days = CalendarDate.diffDays(v.period.from, v.period.to)
  if (days < 0) issues.push({ path: "period.to", reason: "is before period.from" })
  if (days > 400) issues.push({ path: "period.to", reason: "a roster covers at most 400 days" })
  const unique = (ids: ReadonlyArray<string>, path: string) => {
    const seen = new Set<string>()
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: `${path}[${i}].id`, reason: "is used twice" })
      seen.add(id)
    })
    return seen
  }
  // Stated limits, so one request cannot occupy a worker: a year and a month of duty, a city's
  // lawyers, a province's sites, and the seats they make.
  if (v.lawyers.length > limits.lawyers) issues.push({ path: "lawyers", reason: `at most ${limits.lawyers} lawyers in one roster` })
  if (v.sites.length > limits.sites) issues.push({ path: "sites", reason: `at most ${limits.sites} sites in one roster` })
  const seats = v.sites.reduce((n, site) => n + (days + 1) * site.shifts.reduce((m, sh) => m + sh.lawyersNeeded, 0), 0)
  if (seats > limits.seats) issues.push({ path: "sites", reason: `at most ${limits.seats} seats in one roster (this period and these sites make up to ${seats}); split it by period or by region` })
  const siteIds = unique(v.sites.map((s) => s.id), "sites")
  v.sites.forEach((site, i) => {
    if (site.openFrom !== undefined && site.openTo !== undefined && site.openTo < site.openFrom) {
      issues.push({ path: `sites[${i}].openTo`, reason: "is before openFrom" })
    }
  })
  const lawyerIds = unique(v.lawyers.map((l) => l.id), "lawyers")
  const firmIds = unique((v.firms ?? []).map((f) => f.id), "firms")
  if (v.firms !== undefined) {
    v.lawyers.forEach((l, i) => {
      if (!firmIds.has(l.firmId)) issues.push({ path: `lawyers[${i}].firmId`, reason: "is not among the firms" })
    })
  }
  const pins = new Map<string, number>()
  ;(v.pinned ?? []).forEach((p, i) => {
    const key = `${p.date}|${p.siteId}|${p.slot}|${p.lawyerId}`
    const first = pins.get(key)
    if (first !== undefined) issues.push({ path: `pinned[${i}]`, reason: `pins the same lawyer to the same shift as pinned[${first}]` })
    else pins.set(key, i)
    if (!siteIds.has(p.siteId)) issues.push({ path: `pinned[${i}].siteId`, reason: "is not among the sites" })
    if (!lawyerIds.has(p.lawyerId)) issues.push({ path: `pinned[${i}].lawyerId`, reason: "is not among the lawyers" })
    if (p.date < v.period.from || p.date > v.period.to) issues.push({ path: `pinned[${i}].date`, reason: "is outside the period" })
  })
  return issues.length > 0 ? Result.fail(new InvalidRosterInput({ issues })) : Result.succeed(v)
}

/**
 * One seat of one shift: a date, a site, a slot, and which of its `lawyersNeeded` seats.
 *
 * @category models
 */
export interface Shift {
  readonly date: CalendarDate.CalendarDate
  readonly siteId: string
  readonly slot: Slot
  readonly seat: number
}

/**
 * A filled seat.
 *
 * @category models
 */
export interface Assignment extends Shift {
  readonly lawyerId: string
  readonly pinned: boolean
}

/**
 * Why no one could take a seat: a summary, and the reason each lawyer was out.
 *
 * @category models
 */
export interface Unfilled extends Shift {
  readonly reason: string
  readonly byReason: Readonly<Record<string, number>>
}

/**
 * A firm whose share of the covered seats misses its quota by a whole seat or more (less is
 * rounding): its quota and actual share as fractions, and why.
 *
 * @category models
 */
export interface QuotaMiss {
  readonly firmId: string
  /** The quota, e.g. `1/5`. */
  readonly quota: string
  /** The firm's seats over the seats covered, e.g. `8/25`. */
  readonly share: string
  readonly seats: number
  readonly reason: string
}

/**
 * The fairness certificate: each lawyer's load, the spread among lawyers with the same
 * availability, and a proven lower bound on the best possible maximum load (no roster covering
 * as many seats can do better), with the gap to it. With quotas: each firm's seats, and the
 * firms whose share misses its quota, with the reason.
 *
 * @category models
 */
export interface FairnessCertificate {
  readonly loads: ReadonlyArray<{ readonly lawyerId: string; readonly load: number }>
  readonly maxLoad: number
  readonly minLoad: number
  readonly groups: ReadonlyArray<{ readonly lawyers: ReadonlyArray<string>; readonly spread: number }>
  readonly maxSpread: number
  readonly lowerBound: number
  readonly gap: number
  readonly firmShares?: ReadonlyArray<{ readonly firmId: string; readonly seats: number; readonly quota?: string }>
  readonly quotaMisses?: ReadonlyArray<QuotaMiss>
  /**
   * The solver's budget ran out (`solve`'s `maxSteps` or `timeLimitMs`) before it finished
   * balancing and refining: the roster is the best found by then — every seat someone can take is
   * still filled — and `gap` says how far its largest load may be from the best.
   */
  readonly stoppedEarly?: { readonly reason: "steps" | "time"; readonly steps: number }
}

/**
 * A roster.
 *
 * @category models
 */
export interface Roster {
  readonly period: { readonly from: string; readonly to: string }
  readonly assignments: ReadonlyArray<Assignment>
  readonly unfilled: ReadonlyArray<Unfilled>
  readonly certificate: FairnessCertificate
}
