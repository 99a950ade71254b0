/**
 * Working days: which dates are days off and which are working days, for counting deadlines in
 * working days (工作日) and for moving a period that ends on a day off to the next working day.
 *
 * A {@link WorkCalendar} is a small interface a host can replace. fayuan ships {@link china}, the
 * official arrangements published each year by the General Office of the State Council
 * (国务院办公厅关于某年部分节假日安排的通知), and {@link weekdaysOnly}, Monday to Friday with no
 * holidays. Outside the years it has data for, a calendar answers Monday to Friday and its
 * `covers` says `false`, so that a caller can flag a deadline computed on a guess.
 *
 * Arithmetic that would leave the supported years 1900–2199 throws a `RangeError`, as in
 * {@link CalendarDate}: a defect, not an expected failure.
 */
import { Data, Result } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import type { HolidayBlock, YearArrangement } from "./HolidayArrangement.ts"
import { chinaYears } from "./rules/china-calendar.ts"

type Day = CalendarDate.CalendarDate

/**
 * Which dates are working days. `isWorkingDay` must answer in constant time: deadline arithmetic
 * calls it once per day. Outside the dates it has data for, a calendar answers Monday to Friday
 * and `covers` is `false`. `sourceFor` names the document a year's arrangement comes from;
 * `holidayOn` names the holiday a day off belongs to.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const everyDay: WorkCalendar.WorkCalendar = {
 *   id: "every-day",
 *   isWorkingDay: () => true,
 *   covers: () => true
 * }
 * WorkCalendar.addWorkingDays(everyDay, CalendarDate.makeUnsafe("2024-02-09"), 1) // "2024-02-10"
 * ```
 * @category models
 */
export interface WorkCalendar {
  readonly id: string
  readonly isWorkingDay: (date: Day) => boolean
  readonly covers: (date: Day) => boolean
  readonly sourceFor?: (year: number) => string | undefined
  readonly holidayOn?: (date: Day) => HolidayBlock | undefined
}

export type { HolidayBlock, YearArrangement } from "./HolidayArrangement.ts"

/**
 * Why a list of year arrangements was refused by {@link fromYears}:
 *
 * - `"year"`: the year is not an integer from 1900 to 2199;
 * - `"duplicate-year"`: the same year appears twice;
 * - `"empty-holiday"`: a block ends before it starts;
 * - `"overlapping-holidays"`: a day lies in two holiday blocks;
 * - `"holiday-and-make-up-day"`: a day is both a day off and a make-up working day;
 * - `"make-up-day-not-weekend"`: a make-up working day is a Monday to Friday.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { WorkCalendar } from "fayuan"
 * const r = WorkCalendar.fromYears("twice", [
 *   { year: 2025, source: "a", verified: false, holidays: [] },
 *   { year: 2025, source: "b", verified: false, holidays: [] }
 * ])
 * if (Result.isFailure(r)) r.failure.reason // "duplicate-year"
 * ```
 * @category errors
 */
export class InvalidWorkCalendar extends Data.TaggedError("InvalidWorkCalendar")<{
  readonly reason:
    | "year"
    | "duplicate-year"
    | "empty-holiday"
    | "overlapping-holidays"
    | "holiday-and-make-up-day"
    | "make-up-day-not-weekend"
  readonly year: number
  readonly date?: Day
}> {
  override get message(): string {
    const at = this.date === undefined ? "" : ` on ${this.date}`
    switch (this.reason) {
      case "year":
        return `work calendar: ${this.year} is not a year from 1900 to 2199`
      case "duplicate-year":
        return `work calendar: ${this.year} is given twice`
      case "empty-holiday":
        return `work calendar ${this.year}: a holiday ends before it starts${at}`
      case "overlapping-holidays":
        return `work calendar ${this.year}: two holidays overlap${at}`
      case "holiday-and-make-up-day":
        return `work calendar ${this.year}: a day is both a holiday and a make-up working day${at}`
      case "make-up-day-not-weekend":
        return `work calendar ${this.year}: a make-up working day must be a Saturday or Sunday${at}`
    }
  }
}

const isWeekday = (epochDay: number): boolean => {
  // 1970-01-01 (epoch day 0) was a Thursday: (e + 3) mod 7 is 0 on Mondays.
  const dow = (((epochDay + 3) % 7) + 7) % 7
  return dow < 5
}

/** Values of the per-day table: a holiday block's index (≥ 0), or one of these. */
const ordinary = -1
const makeUp = -2

/**
 * For calendars built here, `isWorkingDay` on epoch days, so that counting loops need not format
 * a date string per day. Host calendars go through their `isWorkingDay`.
 */
const epochPredicates = new WeakMap<WorkCalendar, (epochDay: number) => boolean>()

const predicateOf = (calendar: WorkCalendar): ((epochDay: number) => boolean) =>
  epochPredicates.get(calendar) ?? ((e) => calendar.isWorkingDay(CalendarDate.fromEpochDay(e)))

const fail = (
  reason: InvalidWorkCalendar["reason"],
  year: number,
  date?: Day
): Result.Result<never, InvalidWorkCalendar> =>
  Result.fail(date === undefined ? new InvalidWorkCalendar({ reason, year }) : new InvalidWorkCalendar({ reason, year, date }))

/**
 * Builds a calendar from published year arrangements, checking that each year appears once, that
 * no day is both off and worked, that blocks do not overlap, and that make-up days are weekend
 * days. Lookups go through a table indexed by epoch day, so `isWorkingDay`, `covers` and
 * `holidayOn` take constant time.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const d = CalendarDate.makeUnsafe
 * const r = WorkCalendar.fromYears("mine", [{
 *   year: 2025,
 *   source: "国办发明电〔2024〕12号",
 *   verified: true,
 *   holidays: [{ nameZh: "元旦", nameEn: "New Year's Day", from: d("2025-01-01"), to: d("2025-01-01"), makeUpDays: [] }]
 * }])
 * if (Result.isSuccess(r)) r.success.isWorkingDay(d("2025-01-01")) // false
 * ```
 * @category constructors
 */
export const fromYears = (
  id: string,
  years: ReadonlyArray<YearArrangement>
): Result.Result<WorkCalendar, InvalidWorkCalendar> => {
  const seen = new Set<number>()
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const y of years) {
    if (!Number.isInteger(y.year) || y.year < 1900 || y.year > 2199) return fail("year", y.year)
    if (seen.has(y.year)) return fail("duplicate-year", y.year)
    seen.add(y.year)
    for (const block of y.holidays) {
      const from = CalendarDate.toEpochDay(block.from)
      const to = CalendarDate.toEpochDay(block.to)
      if (to < from) return fail("empty-holiday", y.year, block.from)
      lo = Math.min(lo, from)
      hi = Math.max(hi, to)
      for (const m of block.makeUpDays) {
        const e = CalendarDate.toEpochDay(m)
        if (isWeekday(e)) return fail("make-up-day-not-weekend", y.year, m)
        lo = Math.min(lo, e)
        hi = Math.max(hi, e)
      }
    }
  }

  const blocks: Array<HolidayBlock> = []
  const table = new Int16Array(hi >= lo ? hi - lo + 1 : 0).fill(ordinary)
  for (const y of years) {
    for (const block of y.holidays) {
      const from = CalendarDate.toEpochDay(block.from)
      const to = CalendarDate.toEpochDay(block.to)
      for (let e = from; e <= to; e++) {
        const v = table[e - lo]!
        if (v === makeUp) return fail("holiday-and-make-up-day", y.year, CalendarDate.fromEpochDay(e))
        if (v !== ordinary) return fail("overlapping-holidays", y.year, CalendarDate.fromEpochDay(e))
        table[e - lo] = blocks.length
      }
      blocks.push(block)
    }
  }
  for (const y of years) {
    for (const block of y.holidays) {
      for (const m of block.makeUpDays) {
        const i = CalendarDate.toEpochDay(m) - lo
        if (table[i]! >= 0) return fail("holiday-and-make-up-day", y.year, m)
        table[i] = makeUp
      }
    }
  }

  const sources = new Map<number, string>(
    years.map((y) => [y.year, [y.source, ...(y.amendedBy ?? [])].join("；")])
  )
  const coveredYears = new Uint8Array(2200)
  for (const y of seen) coveredYears[y] = 1

  const isWorkingEpochDay = (e: number): boolean => {
    const v = e >= lo && e <= hi ? table[e - lo]! : ordinary
    return v === ordinary ? isWeekday(e) : v === makeUp
  }
  const calendar: WorkCalendar = {
    id,
    isWorkingDay: (date) => isWorkingEpochDay(CalendarDate.toEpochDay(date)),
    covers: (date) => coveredYears[CalendarDate.year(date)] === 1,
    sourceFor: (year) => sources.get(year),
    holidayOn: (date) => {
      const e = CalendarDate.toEpochDay(date)
      const v = e >= lo && e <= hi ? table[e - lo]! : ordinary
      return v >= 0 ? blocks[v] : undefined
    }
  }
  epochPredicates.set(calendar, isWorkingEpochDay)
  return Result.succeed(calendar)
}

/**
 * Like {@link fromYears}, but throws the {@link InvalidWorkCalendar}. For data written in code.
 *
 * @example
 * ```ts
 * import { WorkCalendar } from "fayuan"
 * const empty = WorkCalendar.fromYearsUnsafe("none", [])
 * ```
 * @category constructors
 */
export const fromYearsUnsafe = (id: string, years: ReadonlyArray<YearArrangement>): WorkCalendar => {
  const result = fromYears(id, years)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

/**
 * Monday to Friday, with no holidays and no make-up days. It covers every date (there is nothing
 * it lacks data for): a test double, and the rule other calendars fall back to.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * WorkCalendar.weekdaysOnly.isWorkingDay(CalendarDate.makeUnsafe("2024-10-01")) // true (a Tuesday)
 * ```
 * @category calendars
 */
export const weekdaysOnly: WorkCalendar = {
  id: "weekdays-only",
  isWorkingDay: (date) => isWeekday(CalendarDate.toEpochDay(date)),
  covers: () => true
}
epochPredicates.set(weekdaysOnly, isWeekday)

/**
 * The official work calendar of the People's Republic of China for 2003–2026, from the State
 * Council General Office's yearly notices (see `rules/china-calendar.ts`). Other years fall back
 * to Monday to Friday, with `covers` false.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const d = CalendarDate.makeUnsafe
 * WorkCalendar.china.isWorkingDay(d("2024-02-04")) // true: a Sunday worked before the Spring Festival
 * WorkCalendar.china.isWorkingDay(d("2024-10-01")) // false
 * WorkCalendar.china.covers(d("2030-01-02")) // false
 * ```
 * @category calendars
 */
export const china: WorkCalendar = fromYearsUnsafe("cn-state-council", chinaYears)

const checkCount = (n: number, min: number, operation: string): void => {
  if (!Number.isSafeInteger(n) || n < min) {
    throw new RangeError(`WorkCalendar.${operation}: ${n} is not an integer ≥ ${min}`)
  }
}

/** Searches past at most this many consecutive days off before deciding the calendar is broken. */
const maxDaysOff = 366

/**
 * The date of the `n`-th working day after `start`; `start` itself is not counted, whether or not
 * it is a working day. `n` must be an integer ≥ 1 (otherwise a `RangeError`).
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * // Decide within 7 working days of an application made on Friday 2024-09-27
 * // (Sunday 29 September and Saturday 12 October were worked; 1–7 October were off):
 * WorkCalendar.addWorkingDays(WorkCalendar.china, CalendarDate.makeUnsafe("2024-09-27"), 7) // "2024-10-12"
 * ```
 * @category arithmetic
 */
export const addWorkingDays = (calendar: WorkCalendar, start: Day, n: number): Day => {
  checkCount(n, 1, "addWorkingDays")
  const working = predicateOf(calendar)
  let e = CalendarDate.toEpochDay(start)
  let remaining = n
  let off = 0
  while (remaining > 0) {
    e++
    if (working(e)) {
      remaining--
      off = 0
    } else if (++off > maxDaysOff) {
      throw new RangeError(`WorkCalendar.addWorkingDays: calendar ${calendar.id} has no working day for a year`)
    }
  }
  return CalendarDate.fromEpochDay(e)
}

/**
 * `true` when the calendar covers every date from `from` to `to` (inclusive): a count over that
 * span used the published arrangements, not a Monday-to-Friday guess.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const d = CalendarDate.makeUnsafe
 * WorkCalendar.coversSpan(WorkCalendar.china, d("2017-09-29"), d("2017-10-16")) // true
 * WorkCalendar.coversSpan(WorkCalendar.china, d("2002-12-30"), d("2003-01-08")) // false
 * ```
 * @category predicates
 */
export const coversSpan = (calendar: WorkCalendar, from: Day, to: Day): boolean => {
  const end = CalendarDate.toEpochDay(to)
  for (let e = CalendarDate.toEpochDay(from); e <= end; e++) if (!calendar.covers(CalendarDate.fromEpochDay(e))) return false
  return true
}

/**
 * The first working day on or after `date`.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * WorkCalendar.nextWorkingDay(WorkCalendar.china, CalendarDate.makeUnsafe("2025-10-01")) // "2025-10-09"
 * ```
 * @category arithmetic
 */
export const nextWorkingDay = (calendar: WorkCalendar, date: Day): Day => {
  const working = predicateOf(calendar)
  const start = CalendarDate.toEpochDay(date)
  for (let e = start; e <= start + maxDaysOff; e++) {
    if (working(e)) return e === start ? date : CalendarDate.fromEpochDay(e)
  }
  throw new RangeError(`WorkCalendar.nextWorkingDay: calendar ${calendar.id} has no working day for a year`)
}

/**
 * The number of working days in `(from, to]`: after `from`, up to and including `to`. When `to`
 * is before `from` the count is negative, so that `workingDaysBetween(a, b) = -workingDaysBetween(b, a)`.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const d = CalendarDate.makeUnsafe
 * WorkCalendar.workingDaysBetween(WorkCalendar.china, d("2024-09-27"), d("2024-10-12")) // 7
 * ```
 * @category arithmetic
 */
export const workingDaysBetween = (calendar: WorkCalendar, from: Day, to: Day): number => {
  const a = CalendarDate.toEpochDay(from)
  const b = CalendarDate.toEpochDay(to)
  const lo = Math.min(a, b)
  const hi = Math.max(a, b)
  const working = predicateOf(calendar)
  let count = 0
  for (let e = lo + 1; e <= hi; e++) if (working(e)) count++
  return b >= a || count === 0 ? count : -count
}

/**
 * A period of `n` calendar days from `start`: `start + n`, or, when that is not a working day,
 * the first working day after it. This is the rule of Chinese procedure that a period whose last
 * day is a holiday ends on the first working day after the holiday. `n` must be an integer ≥ 0
 * (otherwise a `RangeError`).
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * // 15 days from 2023-09-21 would end on 2023-10-06, inside the National Day holiday:
 * WorkCalendar.addCalendarDays(WorkCalendar.china, CalendarDate.makeUnsafe("2023-09-21"), 15) // "2023-10-07"
 * ```
 * @category arithmetic
 */
export const addCalendarDays = (calendar: WorkCalendar, start: Day, n: number): Day => {
  checkCount(n, 0, "addCalendarDays")
  return nextWorkingDay(calendar, CalendarDate.addDays(start, n))
}

/**
 * The holiday a date falls in, with its name in Chinese and English and its whole block, or
 * `undefined` on ordinary days, make-up days and dates the calendar has no names for. With one
 * argument it asks the shipped {@link china} calendar.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * WorkCalendar.holidayOn(CalendarDate.makeUnsafe("2023-10-01"))?.nameEn // "Mid-Autumn and National Day"
 * WorkCalendar.holidayOn(WorkCalendar.weekdaysOnly, CalendarDate.makeUnsafe("2023-10-01")) // undefined
 * ```
 * @category holidays
 */
export function holidayOn(date: Day): HolidayBlock | undefined
export function holidayOn(calendar: WorkCalendar, date: Day): HolidayBlock | undefined
export function holidayOn(a: WorkCalendar | Day, b?: Day): HolidayBlock | undefined {
  if (typeof a === "string") return china.holidayOn?.(a)
  return b === undefined ? undefined : a.holidayOn?.(b)
}
