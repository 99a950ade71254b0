/**
 * The subsidy calculation: pure functions from a catalogue of standards and a claim (a concluded
 * or terminated case, worked duty shifts, consultation days, drafted documents) to an amount in
 * fen and every line that made it, each naming its standard, row and effective date. The lines
 * always sum to the amount, and the amount is never negative.
 *
 * A case is paid, in this order: a fixed `early-end` amount when it ended early and the standard
 * has one (nothing else then applies); otherwise the base amount of each completed stage (criminal)
 * or of the service, by place band and quality grade; the outside-home-city multiplier on base
 * amounts that had no outside band; the life-or-death multiplier; the complexity multiplier (the
 * claim's ratio, capped by the standard's); the addition per extra recipient; and last, for an
 * unqualified file, the reduction. Each multiplier rounds the running total with the standard's
 * named rounding, and its line is the difference, so nothing is lost.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import type { Case } from "../lifecycle/Case.ts"
import { chinaDate } from "../lifecycle/time.ts"
import { grades } from "../lifecycle/vocabulary.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import type { Rounding } from "../Rounding.ts"
import type { Slot } from "../roster/Roster.ts"
import type { WorkedShift } from "../roster/Store.ts"
import type { MatterKind, ProceedingStage as Stage } from "../RuleSet.ts"
import { proceedingStages as stages } from "../RuleSet.ts"
import type { DateRule, Ending, Service, StandardRef } from "./Standard.ts"
import type { Catalogue } from "./Catalogue.ts"
import type { Compiled } from "./compiled.ts"
import { defaultDateRule, endings, services } from "./Standard.ts"
import { baseSlot, claimGradeIndex, endingIndex, ratioText, serviceIndex, stageIndex } from "./compiled.ts"
import { entriesFor, inForce } from "./Catalogue.ts"

// ---------------------------------------------------------------------------------------------
// Claims

const Id = IdModule.Id
const ten = Ratio.makeUnsafe(10, 1)
const Complexity = Ratio.RatioFromDecimal.pipe(
  Schema.check(Schema.makeFilter((r: Ratio.Ratio) => (Ratio.compare(r, Ratio.one) >= 0 && Ratio.compare(r, ten) <= 0) || "a ratio from 1 to 10"))
)
const Share = Ratio.RatioFromDecimal.pipe(Schema.check(Schema.makeFilter((r: Ratio.Ratio) => r.numerator >= 0 || "a share of at least 0")))
const LawyerShare = Schema.Struct({ lawyerId: Id, share: Schema.optionalKey(Share) })

/**
 * A claim for a case subsidy. `stagesCompleted` is for criminal cases (a criminal case is paid
 * for the stages done); `complexity` is a decimal ratio (e.g. `"1.5"`) capped by the standard;
 * `recipients` counts the people aided (at least 1); `lawyers` share the subsidy by `share`
 * (weights, equal when absent).
 *
 * @example
 * ```ts
 * import { decodeClaim } from "fayuan/subsidy"
 * decodeClaim({ region: "530103", caseId: "C-1", service: "civil", assignedOn: "2018-03-01",
 *   endedOn: "2018-09-30", endedBy: "concluded", recipients: 1 })
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const Claim = Schema.Struct({
  region: Region.RegionCode,
  caseId: Id,
  service: Schema.Literals(services),
  stagesCompleted: Schema.optionalKey(Schema.Array(Schema.Literals(stages))),
  assignedOn: CalendarDate.CalendarDate,
  endedOn: CalendarDate.CalendarDate,
  endedBy: Schema.Literals(endings),
  possibleLifeOrDeath: Schema.optionalKey(Schema.Boolean),
  complexity: Schema.optionalKey(Complexity),
  outsideHomeCity: Schema.optionalKey(Schema.Boolean),
  recipients: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }))),
  grade: Schema.optionalKey(Schema.Literals(grades)),
  lawyers: Schema.optionalKey(Schema.Array(LawyerShare))
})

/**
 * A decoded case claim.
 *
 * @category models
 * @since 0.1.0
 */
export type Claim = typeof Claim.Type

/**
 * A claim for consultation days or drafted documents, paid at the standard in force on `on`.
 *
 * @example
 * ```ts
 * import { decodeWorkClaim } from "fayuan/subsidy"
 * decodeWorkClaim({ kind: "consultation", ref: "W-2018-05", region: "530103", on: "2018-05-31", days: 3 })
 * decodeWorkClaim({ kind: "documents", ref: "D-7", region: "530103", on: "2018-05-31", count: 2 })
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const WorkClaim = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("consultation"),
    ref: Id,
    region: Region.RegionCode,
    on: CalendarDate.CalendarDate,
    days: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 366 }))),
    halfDays: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 732 })))),
    lawyers: Schema.optionalKey(Schema.Array(LawyerShare))
  }),
  Schema.Struct({
    kind: Schema.Literal("documents"),
    ref: Id,
    region: Region.RegionCode,
    on: CalendarDate.CalendarDate,
    count: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }))),
    lawyers: Schema.optionalKey(Schema.Array(LawyerShare))
  })
])

/** @category models */
export type WorkClaim = typeof WorkClaim.Type

// ---------------------------------------------------------------------------------------------
// Results

/**
 * The kinds of line a subsidy is made of.
 *
 * @category vocabulary
 */
export const lineCodes = [
  "base",
  "early-end",
  "outside-home-city",
  "life-or-death",
  "complexity",
  "extra-recipients",
  "unqualified",
  "duty",
  "consultation",
  "document"
] as const

/** @category vocabulary */
export type LineCode = (typeof lineCodes)[number]

/**
 * A line's name in Chinese and English.
 *
 * @category models
 */
export interface LineLabel {
  readonly zh: string
  readonly en: string
}

/**
 * One line of a subsidy: what it is, the row and standard it comes from (with the standard's
 * effective date), its amount, and how it was worked out (`"×3/2 half-up"`, `"2 × ¥200.00"`).
 *
 * @category models
 * @since 0.1.0
 */
export interface Line {
  readonly code: LineCode
  readonly label: LineLabel
  readonly rowId: string
  readonly standardId: string
  readonly effectiveFrom: CalendarDate.CalendarDate
  readonly amount: Money.Fen
  readonly detail: string
}

/**
 * What a subsidy pays for.
 *
 * @category models
 */
export type Subject =
  | { readonly kind: "case"; readonly caseId: string }
  | { readonly kind: "consultation"; readonly ref: string }
  | { readonly kind: "documents"; readonly ref: string }

/**
 * One lawyer's part of a shared subsidy.
 *
 * @category models
 */
export interface Allocation {
  readonly lawyerId: string
  readonly amount: Money.Fen
}

/**
 * A computed subsidy: the amount (the sum of the lines), the lines, the standard applied, the date
 * rule that picked it and the date it was picked by, notes on claimed facts the standard does not
 * pay for, and the lawyers' allocations when the claim names lawyers.
 *
 * @category models
 * @since 0.1.0
 */
export interface Subsidy {
  readonly subject: Subject
  readonly region: Region.RegionCode
  readonly amount: Money.Fen
  readonly lines: ReadonlyArray<Line>
  readonly standard: StandardRef
  /** `worked-on` for consultation days and documents (the day given). */
  readonly dateRule: DateRule | "worked-on"
  readonly date: CalendarDate.CalendarDate
  readonly notes: ReadonlyArray<string>
  readonly allocations?: ReadonlyArray<Allocation>
}

/**
 * A duty line: a line for one worked shift.
 *
 * @category models
 */
export interface DutyLine extends Line {
  readonly shift: { readonly siteId: string; readonly slot: Slot; readonly seat: number }
}

/**
 * The duty subsidy of one lawyer on one day in one region, with a line per shift worked.
 *
 * @category models
 * @since 0.1.0
 */
export interface DutyDay {
  readonly lawyerId: string
  readonly region: Region.RegionCode
  readonly date: CalendarDate.CalendarDate
  readonly amount: Money.Fen
  readonly lines: ReadonlyArray<DutyLine>
  readonly standard: StandardRef
}

/**
 * Duty subsidies for a list of worked shifts: the total and each lawyer-day, in order of lawyer
 * id, date and region. The standard is the one in force on the day worked (`worked-on`).
 *
 * @category models
 * @since 0.1.0
 */
export interface DutySubsidies {
  readonly amount: Money.Fen
  readonly days: ReadonlyArray<DutyDay>
  readonly dateRule: "worked-on"
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * A claim that is not valid: every problem with its path.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidClaim extends Data.TaggedError("InvalidClaim")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid subsidy claim: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * No standard is in force for the region or any region above it on the date the rule picks.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { calculateCase, decodeClaim, tables } from "fayuan/subsidy"
 * const claim = Result.getOrThrow(decodeClaim({ region: "5305", caseId: "C-1", service: "civil",
 *   assignedOn: "2018-03-01", endedOn: "2018-09-30", endedBy: "concluded", recipients: 1 }))
 * calculateCase(tables.panlong, claim) // Result.fail(NoStandardInForce { region: "5305", … })
 * ```
 * @category errors
 * @since 0.1.0
 */
export class NoStandardInForce extends Data.TaggedError("NoStandardInForce")<{
  readonly region: Region.RegionCode
  readonly date: CalendarDate.CalendarDate
  readonly dateRule: DateRule | "worked-on"
}> {
  override get message(): string {
    return `no subsidy standard in force for region ${this.region} or above on ${this.date} (date rule ${this.dateRule})`
  }
}

/**
 * The standard in force has no row for what the claim needs (`need`, e.g. `"criminal trial"`,
 * `"a civil case withdrawn-before-hearing"`, `"an unqualified (fail) file"`, `"duty shifts"`).
 *
 * @category errors
 * @since 0.1.0
 */
export class NotCovered extends Data.TaggedError("NotCovered")<{
  readonly standardId: string
  readonly need: string
}> {
  override get message(): string {
    return `subsidy standard "${this.standardId}" has no row for ${this.need}`
  }
}

/**
 * Why a subsidy could not be computed.
 *
 * @category errors
 */
export type CalculateError = NoStandardInForce | NotCovered | InvalidClaim

// ---------------------------------------------------------------------------------------------
// Decoding

const stageRank = (s: Stage): number | undefined => stageIndex[s]

/** Checks across fields of a case claim. */
const claimIssues = (c: Claim, prefix = ""): Array<Issue> => {
  const issues: Array<Issue> = []
  const at = (p: string) => (prefix === "" ? p : `${prefix}.${p}`)
  if (c.endedOn < c.assignedOn) issues.push({ path: at("endedOn"), reason: "is before assignedOn" })
  const criminal = c.service === "criminal"
  if (!criminal && c.stagesCompleted !== undefined && c.stagesCompleted.length > 0) {
    issues.push({ path: at("stagesCompleted"), reason: `applies only to criminal cases, not ${c.service}` })
  }
  if (criminal) {
    const seen = new Set<Stage>()
    ;(c.stagesCompleted ?? []).forEach((s, i) => {
      if (seen.has(s)) issues.push({ path: at(`stagesCompleted[${i}]`), reason: "is listed twice" })
      seen.add(s)
    })
    if (c.endedBy === "concluded" && seen.size === 0) issues.push({ path: at("stagesCompleted"), reason: "a concluded criminal case completes at least one stage" })
  }
  if (!criminal && c.possibleLifeOrDeath === true) issues.push({ path: at("possibleLifeOrDeath"), reason: `applies only to criminal cases, not ${c.service}` })
  issues.push(...lawyerIssues(c.lawyers, at))
  return issues
}

const lawyerIssues = (lawyers: Claim["lawyers"], at: (p: string) => string): Array<Issue> => {
  const issues: Array<Issue> = []
  if (lawyers === undefined) return issues
  const seen = new Set<string>()
  let withShare = 0
  let positive = 0
  lawyers.forEach((l, i) => {
    if (seen.has(l.lawyerId)) issues.push({ path: at(`lawyers[${i}].lawyerId`), reason: "is listed twice" })
    seen.add(l.lawyerId)
    if (l.share !== undefined) {
      withShare++
      if (l.share.numerator > 0) positive++
    }
  })
  if (withShare > 0 && withShare < lawyers.length) issues.push({ path: at("lawyers"), reason: "give a share for every lawyer or for none" })
  else if (withShare > 0 && positive === 0) issues.push({ path: at("lawyers"), reason: "the shares are all zero" })
  return issues
}

const decodeClaimStruct = Schema.decodeUnknownResult(Claim)
const decodeWorkStruct = Schema.decodeUnknownResult(WorkClaim)

/**
 * Decodes a case claim from unknown input (JSON), with the checks across fields: the case ends on
 * or after its assignment; stages and a life-or-death sentence only for criminal cases; a
 * concluded criminal case completes at least one stage; lawyers listed once, with shares for all
 * or none.
 *
 * @example
 * ```ts
 * import { decodeClaim } from "fayuan/subsidy"
 * decodeClaim({ region: "530103", caseId: "C-2", service: "criminal", stagesCompleted: ["investigation", "prosecution-review", "trial"],
 *   assignedOn: "2018-02-01", endedOn: "2018-11-20", endedBy: "concluded", possibleLifeOrDeath: true, recipients: 1 })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeClaim = (input: unknown): Result.Result<Claim, InvalidClaim> => {
  const r = decodeClaimStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidClaim({ issues: issuesOf(r.failure) }))
  const issues = claimIssues(r.success)
  return issues.length > 0 ? Result.fail(new InvalidClaim({ issues })) : Result.succeed(r.success)
}

/**
 * Decodes a consultation or documents claim; a consultation claim covers at least one day or
 * half-day.
 *
 * @example
 * ```ts
 * import { decodeWorkClaim } from "fayuan/subsidy"
 * decodeWorkClaim({ kind: "documents", ref: "D-7", region: "530103", on: "2018-05-31", count: 2 })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeWorkClaim = (input: unknown): Result.Result<WorkClaim, InvalidClaim> => {
  const r = decodeWorkStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidClaim({ issues: issuesOf(r.failure) }))
  const v = r.success
  const issues = lawyerIssues(v.lawyers, (p) => p)
  if (v.kind === "consultation" && v.days + (v.halfDays ?? 0) === 0) issues.push({ path: "days", reason: "a consultation claim covers at least one day or half-day" })
  return issues.length > 0 ? Result.fail(new InvalidClaim({ issues })) : Result.succeed(v)
}

// ---------------------------------------------------------------------------------------------
// From a lifecycle case

/**
 * What a subsidy needs that a lifecycle `Case` does not record. Every field is optional: the
 * stages a criminal case completed, the sentence it faced, its complexity, the number of
 * recipients (1), whether it was handled outside the home city; and overrides of what is read from
 * the case — `endedBy` (`terminated` for a terminated case, else `concluded`), `endedOn` (the
 * case's end date, or for a terminated case the China date of its last event), `assignedOn` (the
 * date the current lawyer took the case), `service` (from the matter kind) and `lawyers` (the
 * current lawyer).
 *
 * @category models
 * @since 0.1.0
 */
export interface CaseFacts {
  readonly stagesCompleted?: ReadonlyArray<Stage>
  readonly possibleLifeOrDeath?: boolean
  readonly complexity?: Ratio.Ratio
  readonly outsideHomeCity?: boolean
  readonly recipients?: number
  readonly endedBy?: Ending
  readonly endedOn?: CalendarDate.CalendarDate
  readonly assignedOn?: CalendarDate.CalendarDate
  readonly service?: Service
  readonly lawyers?: ReadonlyArray<{ readonly lawyerId: string; readonly share?: Ratio.Ratio }>
}

/**
 * The subsidy service of a matter kind: every criminal kind (defence, victim, private prosecution,
 * incidental civil action, compulsory treatment) is paid by criminal stage; the others by their
 * own service.
 *
 * @example
 * ```ts
 * import { serviceOf } from "fayuan/subsidy"
 * serviceOf("criminal-victim") // "criminal"
 * serviceOf("labour-arbitration") // "labour-arbitration"
 * ```
 * @category cases
 * @since 0.1.0
 */
export const serviceOf = (kind: MatterKind): Service => {
  switch (kind) {
    case "civil":
    case "administrative":
    case "labour-arbitration":
    case "non-litigation":
      return kind
    default:
      return "criminal"
  }
}

/** The provisions that name a possible life imprisonment or death sentence as the ground for aid. */
const lifeOrDeathGrounds: ReadonlySet<string> = new Set(["LAL-25-1-4", "LAL-25-1-5", "CPL-34-3", "CPL-35-3", "CPL1996-34-3"])

/**
 * Whether a case faced a possible life or death sentence, as its record says: a notification or a
 * decision resting on a provision that names one, or the experienced lawyer `LAL-26` asks for then.
 */
const facesLifeOrDeath = (c: Case): boolean =>
  c.requirements?.lawyerMinYears !== undefined ||
  (c.grounds ?? []).some((g) => lifeOrDeathGrounds.has(g)) ||
  (c.eligibility?.citations ?? []).some((g) => lifeOrDeathGrounds.has(g))

const payableStates: ReadonlySet<string> = new Set(["concluded", "quality-assessed", "archived", "terminated"])

/**
 * Builds a case claim from a lifecycle case — its kind, region, lawyer and assignment date, end
 * date, grade, termination, and what its events recorded for the subsidy: the recipients (`apply`),
 * the stages completed and a withdrawal before or during the hearing (`recordOutcome`), a possible
 * life or death sentence (the `LAL-26` requirement) — with {@link CaseFacts} only to add or
 * override (complexity, outside the home city, shares). The case must be concluded (or graded,
 * archived) or terminated, and have a lawyer.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { replay } from "fayuan/lifecycle"
 * import { calculateCase, claimFromCase, tables } from "fayuan/subsidy"
 * import type { CaseEvent } from "fayuan/lifecycle"
 * declare const events: ReadonlyArray<CaseEvent>
 * const concluded = replay(events)! // a concluded criminal defence, from its event log
 * const claim = Result.getOrThrow(claimFromCase(concluded, { stagesCompleted: ["prosecution-review", "trial"] }))
 * calculateCase(tables.panlong, claim)
 * ```
 * @category cases
 * @since 0.1.0
 */
export const claimFromCase = (c: Case, facts: CaseFacts = {}): Result.Result<Claim, InvalidClaim> => {
  const issues: Array<Issue> = []
  if (!payableStates.has(c.state)) issues.push({ path: "case.state", reason: `is ${c.state}: only a concluded or terminated case is paid` })
  if (c.lawyer === undefined && facts.lawyers === undefined) issues.push({ path: "case.lawyer", reason: "the case has no lawyer" })
  const terminated = c.termination !== undefined
  const endedOn = facts.endedOn ?? c.endedOn ?? (terminated ? chinaDate(c.lastOccurredAt) : undefined)
  if (endedOn === undefined) issues.push({ path: "facts.endedOn", reason: "the case has no end date: supply one" })
  const assignedOn = facts.assignedOn ?? c.lawyer?.since
  if (assignedOn === undefined) issues.push({ path: "facts.assignedOn", reason: "the case has no assignment date: supply one" })
  const service = facts.service ?? serviceOf(c.kind)
  const withdrawn: Ending | undefined = c.withdrawal === undefined ? undefined : c.withdrawal === "before-hearing" ? "withdrawn-before-hearing" : "withdrawn-during-hearing"
  const endedBy = facts.endedBy ?? (terminated ? "terminated" : withdrawn)
  if (endedBy === undefined && c.outcome === "withdrawn-by-party" && service !== "criminal") {
    issues.push({ path: "facts.endedBy", reason: "the matter was withdrawn: say whether before or during the hearing (recordOutcome's withdrawal)" })
  }
  const recipients = facts.recipients ?? c.recipients ?? 1
  if (!Number.isSafeInteger(recipients) || recipients < 1 || recipients > 100_000) issues.push({ path: "facts.recipients", reason: "must be a whole number from 1 to 100000" })
  if (facts.complexity !== undefined && (Ratio.compare(facts.complexity, Ratio.one) < 0 || Ratio.compare(facts.complexity, ten) > 0)) {
    issues.push({ path: "facts.complexity", reason: "must be a ratio from 1 to 10" })
  }
  if (issues.length > 0) return Result.fail(new InvalidClaim({ issues }))
  const claim: { -readonly [K in keyof Claim]: Claim[K] } = {
    region: c.region,
    caseId: c.id,
    service,
    assignedOn: assignedOn!,
    endedOn: endedOn!,
    endedBy: endedBy ?? "concluded",
    recipients
  }
  const stagesCompleted = facts.stagesCompleted ?? c.stagesCompleted
  if (stagesCompleted !== undefined) claim.stagesCompleted = stagesCompleted
  const possibleLifeOrDeath = facts.possibleLifeOrDeath ?? (facesLifeOrDeath(c) ? true : undefined)
  if (possibleLifeOrDeath !== undefined) claim.possibleLifeOrDeath = possibleLifeOrDeath
  if (facts.complexity !== undefined) claim.complexity = facts.complexity
  if (facts.outsideHomeCity !== undefined) claim.outsideHomeCity = facts.outsideHomeCity
  if (c.grade !== undefined) claim.grade = c.grade
  const lawyers = facts.lawyers ?? (c.lawyer === undefined ? undefined : [{ lawyerId: c.lawyer.lawyerId }])
  if (lawyers !== undefined) claim.lawyers = lawyers
  const more = claimIssues(claim, "")
  return more.length > 0 ? Result.fail(new InvalidClaim({ issues: more })) : Result.succeed(claim)
}

/** `amount × ratio` rounded by `mode`: `Money.multiply`, the one calculator. */
const scale = (amount: number, ratio: Ratio.Ratio, mode: Rounding): number => Money.multiply(amount as Money.Fen, ratio, mode)

/**
 * Splits a subsidy among lawyers in proportion to their `share` (a weight; 1 when absent) with
 * `Money.allocate`: the parts sum exactly to the amount. Lawyers are taken in order of id, so the
 * order of the list does not matter (a leftover fen goes to the lower id on a tie).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * import { allocate } from "fayuan/subsidy"
 * allocate({ amount: Money.fenUnsafe(100001) }, [{ lawyerId: "L2" }, { lawyerId: "L1" }])
 * // Result.succeed([{ lawyerId: "L1", amount: 50001 }, { lawyerId: "L2", amount: 50000 }])
 * ```
 * @category allocation
 * @since 0.1.0
 */
export const allocate = (
  subsidy: { readonly amount: Money.Fen },
  lawyers: ReadonlyArray<{ readonly lawyerId: string; readonly share?: Ratio.Ratio }>
): Result.Result<ReadonlyArray<Allocation>, Money.InvalidAllocation> => {
  const total = subsidy.amount
  const count = lawyers.length
  if (count === 1 && lawyers[0]!.share === undefined) return Result.succeed([{ lawyerId: lawyers[0]!.lawyerId, amount: total }])
  const sorted = count === 1 ? lawyers : [...lawyers].sort((a, b) =>
    a.lawyerId !== b.lawyerId ? (a.lawyerId < b.lawyerId ? -1 : 1) : Ratio.compare(a.share ?? Ratio.one, b.share ?? Ratio.one)
  )
  const parts = Money.allocate(total, sorted.map((l) => l.share ?? Ratio.one))
  if (Result.isFailure(parts)) return Result.fail(parts.failure)
  return Result.succeed(sorted.map((l, i) => ({ lawyerId: l.lawyerId, amount: parts.success[i]! })))
}

// ---------------------------------------------------------------------------------------------
// Labels

const label = (zh: string, en: string): LineLabel => Object.freeze({ zh, en })

const stageLabels: ReadonlyArray<LineLabel> = [
  label("刑事案件·侦查阶段", "criminal case, investigation stage"),
  label("刑事案件·审查起诉阶段", "criminal case, prosecution review stage"),
  label("刑事案件·审判阶段", "criminal case, trial stage"),
  label("刑事案件·死刑复核阶段", "criminal case, death-penalty review stage")
]
const serviceLabels: ReadonlyArray<LineLabel> = [
  label("刑事案件", "criminal case"),
  label("民事案件", "civil case"),
  label("行政案件", "administrative case"),
  label("劳动争议仲裁案件", "labour arbitration case"),
  label("非诉讼事项（调解）", "non-litigation matter (mediation)")
]
const endingLabels: ReadonlyArray<LineLabel> = [
  label("终止法律援助", "aid terminated"),
  label("开庭前撤回", "withdrawn before the hearing"),
  label("庭审中撤回", "withdrawn during the hearing")
]
const labels = {
  outside: label("异地办案", "outside the home city"),
  lifeOrDeath: label("可能判处无期徒刑、死刑", "possible life or death sentence"),
  complexity: label("重大疑难复杂案件", "complex case"),
  extra: label("增加受援人", "extra recipients"),
  unqualified: label("质量不合格", "unqualified file"),
  dutyDay: label("值班律师（全天）", "duty lawyer, full day"),
  dutyHalf: label("值班律师（半天）", "duty lawyer, half day"),
  consultationDay: label("法律咨询（天）", "consultation, days"),
  consultationHalf: label("法律咨询（半天）", "consultation, half days"),
  document: label("代写法律文书", "drafted legal document")
} as const

const noNotes: ReadonlyArray<string> = Object.freeze([])
const noStages: ReadonlyArray<Stage> = Object.freeze([])

const line = (code: LineCode, lineLabel: LineLabel, rowId: string, c: Compiled, amount: number, detail: string): Line => ({
  code,
  label: lineLabel,
  rowId,
  standardId: c.ref.id,
  effectiveFrom: c.from,
  amount: amount as Money.Fen,
  detail
})

// ---------------------------------------------------------------------------------------------
// Cases

/**
 * Computes the subsidy of a case claim under the catalogue: the standard is the one in force, for
 * the claim's region or the nearest region above it that has standards, on the date the region's
 * date rule picks (`assigned-on` by default, or `ended-on`); the result says which rule and date.
 * Takes a decoded claim ({@link decodeClaim}, {@link claimFromCase}); nothing is decoded here.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { calculateCase, decodeClaim, tables } from "fayuan/subsidy"
 * const claim = Result.getOrThrow(decodeClaim({ region: "530103", caseId: "C-2", service: "criminal",
 *   stagesCompleted: ["investigation", "prosecution-review", "trial"], assignedOn: "2018-02-01",
 *   endedOn: "2018-11-20", endedBy: "concluded", possibleLifeOrDeath: true, recipients: 1 }))
 * const subsidy = Result.getOrThrow(calculateCase(tables.panlong, claim))
 * subsidy.amount // 420000: (800 + 800 + 1,200) × 1.5 yuan
 * ```
 * @category calculation
 * @since 0.1.0
 */
export const calculateCase = (catalogue: Catalogue, claim: Claim): Result.Result<Subsidy, CalculateError> => {
  let tried: DateRule | undefined
  const chain = entriesFor(catalogue, claim.region)
  for (let i = 0; i < chain.length; i++) {
    const entry = chain[i]!
    const date = entry.dateRule === "assigned-on" ? claim.assignedOn : claim.endedOn
    if (tried === undefined) tried = entry.dateRule
    const c = inForce(entry.list, date)
    if (c !== undefined) return computeCase(c, claim, entry.dateRule, date)
  }
  const rule = tried ?? defaultDateRule
  return Result.fail(new NoStandardInForce({ region: claim.region, date: rule === "assigned-on" ? claim.assignedOn : claim.endedOn, dateRule: rule }))
}

const computeCase = (c: Compiled, claim: Claim, dateRule: DateRule, date: CalendarDate.CalendarDate): Result.Result<Subsidy, CalculateError> => {
  const svc = serviceIndex[claim.service]
  const lines: Array<Line> = []
  let notes: Array<string> | undefined
  let total = 0
  if (claim.endedBy !== "concluded") {
    const ending = endingIndex[claim.endedBy]
    const early = c.earlyEnd[ending * 5 + svc]
    if (early !== undefined) {
      lines.push(line("early-end", endingLabels[ending]!, early.row.id, c, early.row.amount, early.detail))
      return finish(c, claim, dateRule, date, lines, early.row.amount, notes)
    }
    if (svc !== 0) return Result.fail(new NotCovered({ standardId: c.ref.id, need: `a ${claim.service} case ${claim.endedBy}` }))
  }
  const rounding = c.standard.rounding
  const outside = claim.outsideHomeCity === true
  const gradeSlot = claim.grade === undefined ? 4 : claimGradeIndex[claim.grade]
  // A claim is typed, but one that skipped decoding must still fail cleanly, never pay a wrong row.
  if (gradeSlot === undefined) return Result.fail(new InvalidClaim({ issues: [{ path: "grade", reason: `unknown grade ${String(claim.grade)}` }] }))
  let fallback = -1 // the home amounts paid for work outside the home city (−1: none fell back)
  let standIn = false
  // Criminal: one base line per completed stage, in stage order; otherwise one for the service.
  let mask = 0
  if (svc === 0) {
    for (const s of claim.stagesCompleted ?? noStages) {
      const rank = stageRank(s)
      if (rank === undefined) return Result.fail(new InvalidClaim({ issues: [{ path: "stagesCompleted", reason: `unknown stage ${String(s)}` }] }))
      mask |= 1 << rank
    }
  }
  else mask = 1 << 4
  for (let st = 0; st < 5; st++) {
    if ((mask & (1 << st)) === 0) continue
    let group = outside ? c.base[baseSlot(svc, st, true)] : undefined
    let fellBack = false
    if (group === undefined) {
      group = c.base[baseSlot(svc, st, false)]
      fellBack = outside
    }
    if (group === undefined) {
      return Result.fail(new NotCovered({ standardId: c.ref.id, need: st === 4 ? `a ${claim.service} case` : `the criminal ${stages[st]} stage` }))
    }
    const pick = group[gradeSlot]!
    if (pick.standIn) standIn = true
    const amount = pick.row.amount
    total += amount
    if (fellBack) fallback = fallback < 0 ? amount : fallback + amount
    lines.push(line("base", st === 4 ? serviceLabels[svc]! : stageLabels[st]!, pick.row.id, c, amount, pick.detail))
  }
  if (standIn && c.unqualified === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "an unqualified (fail) file" }))
  if (fallback >= 0) {
    const m = c.outside[svc]
    if (m !== undefined) {
      const increase = scale(fallback, m.row.ratio, rounding) - fallback
      lines.push(line("outside-home-city", labels.outside, m.row.id, c, increase, fallback === total ? m.detail : `${m.detail} on ${Money.format(fallback as Money.Fen)}`))
      total += increase
    } else {
      ;(notes ??= []).push("outside the home city: the standard has no outside band or multiplier here; paid at the home amount")
    }
  }
  if (claim.possibleLifeOrDeath === true) {
    const m = c.lifeOrDeath[svc]
    if (m !== undefined) {
      const increase = scale(total, m.row.ratio, rounding) - total
      lines.push(line("life-or-death", labels.lifeOrDeath, m.row.id, c, increase, m.detail))
      total += increase
    } else {
      ;(notes ??= []).push("possible life or death sentence: the standard has no multiplier for it")
    }
  }
  const complexity = claim.complexity
  if (complexity !== undefined && Ratio.compare(complexity, Ratio.one) > 0) {
    const m = c.complexity[svc]
    if (m !== undefined) {
      const capped = Ratio.compare(complexity, m.ratio) > 0
      const applied = capped ? m.ratio : complexity
      const increase = scale(total, applied, rounding) - total
      const detail = capped ? `${ratioText(applied)} (claimed ${ratioText(complexity)}, capped) ${rounding}` : `${ratioText(applied)} ${rounding}`
      lines.push(line("complexity", labels.complexity, m.id, c, increase, detail))
      total += increase
    } else {
      ;(notes ??= []).push("complexity: the standard has no complexity multiplier")
    }
  }
  if (claim.recipients > 1) {
    const e = c.extra[svc]
    if (e !== undefined) {
      const max = e.row.maxRecipients
      const extra = (claim.recipients < max ? claim.recipients : max) - 1
      if (extra > 0) {
        const amount = extra * e.row.amount
        const detail = claim.recipients > max ? `${extra}${e.detail} (${claim.recipients} recipients, at most ${max} counted)` : `${extra}${e.detail}`
        lines.push(line("extra-recipients", labels.extra, e.row.id, c, amount, detail))
        total += amount
      }
    } else {
      ;(notes ??= []).push("extra recipients: the standard pays no addition for them")
    }
  }
  if (claim.grade === "fail" && c.unqualified !== undefined) {
    const u = c.unqualified
    const reduced = scale(total, u.row.ratio, rounding)
    lines.push(line("unqualified", labels.unqualified, u.row.id, c, reduced - total, u.detail))
    total = reduced
  }
  return finish(c, claim, dateRule, date, lines, total, notes)
}

const finish = (
  c: Compiled,
  claim: Claim,
  dateRule: DateRule,
  date: CalendarDate.CalendarDate,
  lines: ReadonlyArray<Line>,
  total: number,
  notes: ReadonlyArray<string> | undefined
): Result.Result<Subsidy, CalculateError> => {
  const amount = total as Money.Fen
  const subject: Subject = { kind: "case", caseId: claim.caseId }
  if (claim.lawyers === undefined || claim.lawyers.length === 0) {
    return Result.succeed({ subject, region: claim.region, amount, lines, standard: c.ref, dateRule, date, notes: notes ?? noNotes })
  }
  const parts = allocate({ amount }, claim.lawyers)
  if (Result.isFailure(parts)) return Result.fail(new InvalidClaim({ issues: [{ path: "lawyers", reason: parts.failure.message }] }))
  return Result.succeed({ subject, region: claim.region, amount, lines, standard: c.ref, dateRule, date, notes: notes ?? noNotes, allocations: parts.success })
}

// ---------------------------------------------------------------------------------------------
// Duty shifts, consultation days, documents

/** The standard in force on `date` for `region` or above, whatever the region's date rule. */
const onDay = (catalogue: Catalogue, region: Region.RegionCode, date: CalendarDate.CalendarDate): Compiled | undefined => {
  const chain = entriesFor(catalogue, region)
  for (let i = 0; i < chain.length; i++) {
    const c = inForce(chain[i]!.list, date)
    if (c !== undefined) return c
  }
  return undefined
}

const slotRank = (slot: Slot): number => (slot === "full" ? 0 : slot === "am" ? 1 : 2)

const compareShifts = (a: WorkedShift, b: WorkedShift): number =>
  a.lawyerId !== b.lawyerId
    ? a.lawyerId < b.lawyerId ? -1 : 1
    : a.date !== b.date
      ? a.date < b.date ? -1 : 1
      : a.region !== b.region
        ? a.region < b.region ? -1 : 1
        : a.slot !== b.slot
          ? slotRank(a.slot) - slotRank(b.slot)
          : a.siteId !== b.siteId
            ? a.siteId < b.siteId ? -1 : 1
            : a.seat - b.seat

/**
 * Computes duty subsidies for worked shifts, one entry per lawyer, day and region, with a line per
 * shift. A full-day shift is paid the day rate (or two half-day rates when the standard has only
 * those); a half-day shift the half-day rate (or half the day rate, rounded by the standard). When
 * one lawyer works a morning and an afternoon of the same day, the two are **paid as one day** at
 * the day rate (split between the two lines, the odd fen to the morning), because a per-day rate
 * pays a day's work; without a day rate each half is paid as a half. The order of the list does
 * not matter.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { calculateDuty, tables } from "fayuan/subsidy"
 * const shift = { region: Region.makeUnsafe("530103"), date: CalendarDate.makeUnsafe("2018-05-02"), siteId: "court", seat: 0, lawyerId: "L1" }
 * calculateDuty(tables.panlong, [{ ...shift, slot: "am" }, { ...shift, slot: "pm" }]) // one day, ¥200.00, in two lines
 * ```
 * @category calculation
 * @since 0.1.0
 */
export const calculateDuty = (
  catalogue: Catalogue,
  shifts: ReadonlyArray<WorkedShift>
): Result.Result<DutySubsidies, NoStandardInForce | NotCovered> => {
  const sorted = [...shifts].sort(compareShifts)
  const days: Array<DutyDay> = []
  let total = 0
  let i = 0
  const amounts: Array<number> = []
  const rows: Array<string> = []
  const details: Array<string> = []
  const ams: Array<number> = []
  const pms: Array<number> = []
  while (i < sorted.length) {
    const first = sorted[i]!
    let j = i + 1
    while (j < sorted.length && sorted[j]!.lawyerId === first.lawyerId && sorted[j]!.date === first.date && sorted[j]!.region === first.region) j++
    const c = onDay(catalogue, first.region, first.date)
    if (c === undefined) return Result.fail(new NoStandardInForce({ region: first.region, date: first.date, dateRule: "worked-on" }))
    const { day, half } = c.duty
    if (day === undefined && half === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "duty shifts" }))
    const text = c.dutyText
    const n = j - i
    ams.length = 0
    pms.length = 0
    for (let k = 0; k < n; k++) {
      const s = sorted[i + k]!
      if (s.slot === "am") ams.push(k)
      else if (s.slot === "pm") pms.push(k)
      else if (day !== undefined) {
        amounts[k] = day.amount
        rows[k] = day.id
        details[k] = text.day
      } else {
        amounts[k] = 2 * half!.amount
        rows[k] = half!.id
        details[k] = text.twoHalves
      }
    }
    const paired = day === undefined ? 0 : Math.min(ams.length, pms.length)
    for (let p = 0; p < paired; p++) {
      const a = ams[p]!
      const b = pms[p]!
      // Money.splitEvenly puts the odd fen first: to the morning.
      const [morning, afternoon] = Result.getOrThrow(Money.splitEvenly(day!.amount, 2))
      amounts[a] = morning!
      amounts[b] = afternoon!
      rows[a] = rows[b] = day!.id
      details[a] = details[b] = text.pair
    }
    for (let q = 0; q < ams.length + pms.length - 2 * paired; q++) {
      const k = q < ams.length - paired ? ams[paired + q]! : pms[paired + q - (ams.length - paired)]!
      if (half !== undefined) {
        amounts[k] = half.amount
        rows[k] = half.id
        details[k] = text.half
      } else {
        amounts[k] = text.halfOfDayAmount
        rows[k] = day!.id
        details[k] = text.halfOfDay
      }
    }
    let dayTotal = 0
    const lines = new Array<DutyLine>(n)
    for (let k = 0; k < n; k++) {
      const s = sorted[i + k]!
      dayTotal += amounts[k]!
      lines[k] = {
        code: "duty",
        label: s.slot === "full" ? labels.dutyDay : labels.dutyHalf,
        rowId: rows[k]!,
        standardId: c.ref.id,
        effectiveFrom: c.from,
        amount: amounts[k]! as Money.Fen,
        detail: details[k]!,
        shift: { siteId: s.siteId, slot: s.slot, seat: s.seat }
      }
    }
    total += dayTotal
    days.push({ lawyerId: first.lawyerId, region: first.region, date: first.date, amount: dayTotal as Money.Fen, lines, standard: c.ref })
    i = j
  }
  return Result.succeed({ amount: total as Money.Fen, days, dateRule: "worked-on" })
}

/**
 * Computes the subsidy for consultation days (day rate, or two half-day rates; half-days at the
 * half-day rate, or half the day rate rounded by the standard) or for drafted documents (per
 * item), under the standard in force on `on`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { calculateWork, decodeWorkClaim, tables } from "fayuan/subsidy"
 * const claim = Result.getOrThrow(decodeWorkClaim({ kind: "documents", ref: "D-7", region: "530103", on: "2018-05-31", count: 2 }))
 * Result.getOrThrow(calculateWork(tables.panlong, claim)).amount // 20000
 * ```
 * @category calculation
 * @since 0.1.0
 */
export const calculateWork = (catalogue: Catalogue, claim: WorkClaim): Result.Result<Subsidy, CalculateError> => {
  const c = onDay(catalogue, claim.region, claim.on)
  if (c === undefined) return Result.fail(new NoStandardInForce({ region: claim.region, date: claim.on, dateRule: "worked-on" }))
  const lines: Array<Line> = []
  if (claim.kind === "documents") {
    const row = c.document
    if (row === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "drafted documents" }))
    lines.push(line("document", labels.document, row.id, c, claim.count * row.amount, `${claim.count} × ${Money.format(row.amount)}`))
  } else {
    const { day, half } = c.consultation
    if (day === undefined && half === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "consultation days" }))
    if (claim.days > 0) {
      if (day !== undefined) lines.push(line("consultation", labels.consultationDay, day.id, c, claim.days * day.amount, `${claim.days} × ${Money.format(day.amount)} per day`))
      else lines.push(line("consultation", labels.consultationDay, half!.id, c, claim.days * 2 * half!.amount, `${claim.days} × 2 × ${Money.format(half!.amount)} per half-day`))
    }
    const halves = claim.halfDays ?? 0
    if (halves > 0) {
      if (half !== undefined) lines.push(line("consultation", labels.consultationHalf, half.id, c, halves * half.amount, `${halves} × ${Money.format(half.amount)} per half-day`))
      else {
        const each = scale(day!.amount, Ratio.makeUnsafe(1, 2), c.standard.rounding)
        lines.push(line("consultation", labels.consultationHalf, day!.id, c, halves * each, `${halves} × half of ${Money.format(day!.amount)} per day (${c.standard.rounding})`))
      }
    }
  }
  let total = 0
  for (const l of lines) total += l.amount
  const subsidy: { -readonly [K in keyof Subsidy]: Subsidy[K] } = {
    subject: claim.kind === "documents" ? { kind: "documents", ref: claim.ref } : { kind: "consultation", ref: claim.ref },
    region: claim.region,
    amount: total as Money.Fen,
    lines,
    standard: c.ref,
    dateRule: "worked-on",
    date: claim.on,
    notes: noNotes
  }
  if (claim.lawyers !== undefined && claim.lawyers.length > 0) {
    const parts = allocate(subsidy, claim.lawyers)
    if (Result.isFailure(parts)) return Result.fail(new InvalidClaim({ issues: [{ path: "lawyers", reason: parts.failure.message }] }))
    subsidy.allocations = parts.success
  }
  return Result.succeed(subsidy)
}
