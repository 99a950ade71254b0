/**
 * What a calculation answers: the amount in fen and every line that made it (each naming its
 * standard, row and effective date), and the ways it can fail.
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import * as Money from "../Money.ts"
import * as Region from "../Region.ts"
import type { Slot } from "../roster/Roster.ts"
import type { DateRule, StandardRef } from "./Standard.ts"

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
