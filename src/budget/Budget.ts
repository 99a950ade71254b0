/**
 * Project budgets (项目预算): a budget for a region and a year, its lines with their amounts, and
 * each line's planned spending schedule (cumulative share by date) — data, decoded with Schema.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"

/**
 * What a budget line pays for: case subsidies, duty-lawyer subsidies, publicity (handbooks, films,
 * events), equipment (scanners, ID readers, terminals), grants (e.g. to judicial offices),
 * auxiliary (labour-dispatch) staff, training, or anything else.
 *
 * @example
 * ```ts
 * import { categories } from "fayuan/budget"
 * categories.includes("duty-subsidy") // true
 * ```
 * @category vocabulary
 * @since 0.1.0
 */
export const categories = ["case-subsidy", "duty-subsidy", "publicity", "equipment", "grants", "auxiliary-staff", "training", "other"] as const

/**
 * A budget line's category.
 *
 * @category vocabulary
 * @since 0.1.0
 */
export type Category = (typeof categories)[number]

/** An identifier: 1 to 64 characters. */
export const Id = IdModule.Id

/** A share of a line: a decimal string (`"0.25"`) or an exact ratio object (`{ numerator: 1, denominator: 3 }`). */
const Share = Schema.Union([Ratio.RatioFromDecimal, Ratio.Ratio])

/**
 * One point of a planned spending schedule: by the end of day `by`, the cumulative share `share`
 * (0 to 1) of the line should have been paid.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { SchedulePoint } from "fayuan/budget"
 * Schema.decodeUnknownSync(SchedulePoint)({ by: "2018-03-31", share: "0.25" })
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const SchedulePoint = Schema.Struct({ by: CalendarDate.CalendarDate, share: Share })

/** @category models */
export type SchedulePoint = typeof SchedulePoint.Type

/**
 * A budget line: its id (unique in the budget), a name, a {@link Category}, the amount in fen
 * (positive) and its schedule (dates strictly increasing within the budget's year; shares
 * non-decreasing, within 0..1, the last one exactly 1).
 *
 * @category schemas
 * @since 0.1.0
 */
export const BudgetLine = Schema.Struct({
  id: Id,
  name: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
  category: Schema.Literals(categories),
  amount: Money.Fen.pipe(Schema.check(Schema.isGreaterThan(0))),
  schedule: Schema.Array(SchedulePoint).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(366)))
})

/** @category models */
export type BudgetLine = typeof BudgetLine.Type

/**
 * A project budget for a region and a (calendar, fiscal) year.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Budget = Schema.Struct({
  id: Id,
  region: Region.RegionCode,
  year: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1900, maximum: 2199 }))),
  title: Schema.String.pipe(Schema.check(Schema.isMaxLength(200))),
  lines: Schema.Array(BudgetLine).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(1000)))
})

/**
 * A project budget: id, region, year, title and lines.
 *
 * @category models
 * @since 0.1.0
 */
export type Budget = typeof Budget.Type

/**
 * The input is not a valid budget: every problem, each with its field path
 * (`lines[2].schedule[3].share`) and reason. Messages never repeat the input's values.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { decodeBudget } from "fayuan/budget"
 * const r = decodeBudget({ id: "B", region: "53", year: 2018, title: "", lines: [] })
 * if (Result.isFailure(r)) r.failure.issues[0]?.path // "lines"
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidBudget extends Data.TaggedError("InvalidBudget")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid budget: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

const decodeStruct = Schema.decodeUnknownResult(Budget)

/** The checks across fields a schema alone does not express. */
const consistency = (b: Budget): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const seen = new Set<string>()
  const first = `${b.year}-01-01`
  const last = `${b.year}-12-31`
  b.lines.forEach((line, i) => {
    if (seen.has(line.id)) issues.push({ path: `lines[${i}].id`, reason: "is used twice" })
    seen.add(line.id)
    line.schedule.forEach((p, j) => {
      const at = `lines[${i}].schedule[${j}]`
      if (p.by < first || p.by > last) issues.push({ path: `${at}.by`, reason: "is outside the budget's year" })
      if (Ratio.compare(p.share, Ratio.zero) < 0 || Ratio.compare(p.share, Ratio.one) > 0) issues.push({ path: `${at}.share`, reason: "must be within 0 and 1" })
      const prev = line.schedule[j - 1]
      if (prev !== undefined) {
        if (p.by <= prev.by) issues.push({ path: `${at}.by`, reason: "must be after the previous point's date" })
        if (Ratio.compare(p.share, prev.share) < 0) issues.push({ path: `${at}.share`, reason: "must not be less than the previous point's share" })
      }
    })
    const end = line.schedule.at(-1)
    if (end !== undefined && Ratio.compare(end.share, Ratio.one) !== 0) {
      issues.push({ path: `lines[${i}].schedule[${line.schedule.length - 1}].share`, reason: "the last point's share must be 1" })
    }
  })
  return issues
}

/**
 * Decodes a budget from unknown input, with the checks across fields: line ids unique; each
 * schedule's dates strictly increasing and within the year, its shares within 0..1 and
 * non-decreasing, the last share exactly 1. Unknown fields are rejected.
 *
 * @example
 * ```ts
 * import { decodeBudget } from "fayuan/budget"
 * decodeBudget({
 *   id: "PL-2018", region: "530103", year: 2018, title: "Panlong legal aid project",
 *   lines: [{ id: "duty", name: "Duty-lawyer subsidies", category: "duty-subsidy", amount: 12000000,
 *     schedule: [{ by: "2018-06-30", share: "0.5" }, { by: "2018-12-31", share: "1" }] }]
 * }) // Result.succeed(budget)
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeBudget = (input: unknown): Result.Result<Budget, InvalidBudget> => {
  const r = decodeStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidBudget({ issues: issuesOf(r.failure) }))
  const issues = consistency(r.success)
  return issues.length > 0 ? Result.fail(new InvalidBudget({ issues })) : Result.succeed(r.success)
}

/**
 * Like {@link decodeBudget}, but throws the {@link InvalidBudget}. For budgets written in code.
 *
 * @category decoding
 * @since 0.1.0
 */
export const makeBudgetUnsafe = (input: unknown): Budget => {
  const r = decodeBudget(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * The stored JSON of a budget (schema version 1). Shares are written as exact ratio objects, so
 * any ratio round-trips.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeBudgetJson = (budget: Budget): string => JSON.stringify({ schemaVersion: 1, ...budget })

/**
 * Decodes the stored JSON of a budget; `undefined` when it does not decode (a corrupt record).
 *
 * @category encoding
 * @since 0.1.0
 */
export const decodeBudgetJson = (json: string): Budget | undefined => {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return undefined
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as { schemaVersion?: unknown }).schemaVersion !== 1) return undefined
  const { schemaVersion: _, ...rest } = parsed as Record<string, unknown>
  const r = decodeBudget(rest)
  return Result.isSuccess(r) ? r.success : undefined
}

/**
 * The total of a budget's lines.
 *
 * @example
 * ```ts
 * import { makeBudgetUnsafe, total } from "fayuan/budget"
 * const schedule = [{ by: "2018-12-31", share: "1" }]
 * total(makeBudgetUnsafe({ id: "B", region: "53", year: 2018, title: "", lines: [
 *   { id: "a", name: "A", category: "training", amount: 100, schedule },
 *   { id: "b", name: "B", category: "other", amount: 250, schedule }
 * ] })) // 350
 * ```
 * @category getters
 * @since 0.1.0
 */
export const total = (budget: Budget): Money.Fen => Money.sum(budget.lines.map((l) => l.amount))

/**
 * The line with this id, if any.
 *
 * @category getters
 * @since 0.1.0
 */
export const lineOf = (budget: Budget, lineId: string): BudgetLine | undefined => budget.lines.find((l) => l.id === lineId)

/**
 * The last day of the budget's year.
 *
 * @category getters
 * @since 0.1.0
 */
export const yearEnd = (budget: Budget): CalendarDate.CalendarDate => `${budget.year}-12-31` as CalendarDate.CalendarDate

/**
 * The first day of the budget's year.
 *
 * @category getters
 * @since 0.1.0
 */
export const yearStart = (budget: Budget): CalendarDate.CalendarDate => `${budget.year}-01-01` as CalendarDate.CalendarDate
