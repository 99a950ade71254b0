/**
 * Calendar dates without a time of day or a time zone, written `YYYY-MM-DD`: dates of birth,
 * application dates, deadlines.
 *
 * A {@link CalendarDate} is a branded string for a real date in the proleptic Gregorian calendar
 * from 1900-01-01 to 2199-12-31. Because the format is fixed, comparing two dates as strings
 * orders them by time. All arithmetic is integer arithmetic on epoch days (days since
 * 1970-01-01); no JavaScript `Date` is involved.
 *
 * Functions that compute a date (`addDays`, `addMonths`, `fromEpochDay`) throw a `RangeError` when
 * the result would leave the supported years: a defect, not an expected failure.
 */
import { Data, Result, Schema } from "effect"

/** First and last supported years. */
const minYear = 1900
const maxYear = 2199

/**
 * Whether `year` is a leap year in the Gregorian calendar.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.isLeapYear(2000) // true
 * CalendarDate.isLeapYear(1900) // false
 * ```
 * @category calendar
 */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The number of days in `month` (1–12) of `year`.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.daysInMonth(2024, 2) // 29
 * ```
 * @category calendar
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Which part of a date string was wrong. */
type Reason = "type" | "format" | "year" | "month" | "day"

const reasonText: Record<Reason, string> = {
  type: "expected a string YYYY-MM-DD",
  format: "expected YYYY-MM-DD",
  year: `year must be from ${minYear} to ${maxYear}`,
  month: "month must be from 01 to 12",
  day: "no such day in that month"
}

/** Checks a string without allocating; `undefined` when it is a valid date. */
const validate = (s: string): Reason | undefined => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return "format"
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return "format"
  }
  const y = yearOf(s)
  if (y < minYear || y > maxYear) return "year"
  const m = monthOf(s)
  if (m < 1 || m > 12) return "month"
  const d = dayOf(s)
  if (d < 1 || d > daysInMonth(y, m)) return "day"
  return undefined
}

const yearOf = (s: string): number =>
  (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48)
const monthOf = (s: string): number => (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48)
const dayOf = (s: string): number => (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48)

/**
 * Why a string is not a calendar date, in the words the {@link CalendarDate} schema reports;
 * `undefined` when it is one. For decoders that check dates without the Schema runtime.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.whyInvalid("2019-02-29") // "invalid calendar date: no such day in that month"
 * CalendarDate.whyInvalid("2020-02-29") // undefined
 * ```
 * @category parsing
 */
export const whyInvalid = (s: string): string | undefined => {
  const reason = validate(s)
  return reason === undefined ? undefined : `invalid calendar date: ${reasonText[reason]}`
}

// The schemas below are marked pure so that a bundle using only the functions of this module
// (the browser entry of `fayuan/eligibility`) leaves the Schema runtime out.

/**
 * A calendar date `YYYY-MM-DD` (1900–2199), as a branded string.
 *
 * The schema decodes a string into a `CalendarDate`, rejecting malformed or impossible dates.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CalendarDate } from "fayuan"
 * const applied: CalendarDate.CalendarDate = Schema.decodeUnknownSync(CalendarDate.CalendarDate)("2018-03-01")
 * ```
 * @category models
 */
export const CalendarDate = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.check(/* @__PURE__ */ Schema.makeFilter(whyInvalid, { expected: "a date YYYY-MM-DD from 1900 to 2199" })),
  /* @__PURE__ */ Schema.brand("CalendarDate")
)

/**
 * A calendar date `YYYY-MM-DD` (1900–2199).
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * const d: CalendarDate.CalendarDate = CalendarDate.makeUnsafe("2018-12-31")
 * ```
 * @category models
 */
export type CalendarDate = typeof CalendarDate.Type

/**
 * Why a string is not a {@link CalendarDate}: `"format"` (not `YYYY-MM-DD`), `"year"` (outside
 * 1900–2199), `"month"` (not 01–12) or `"day"` (no such day in that month, e.g. `2019-02-29`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CalendarDate } from "fayuan"
 * const r = CalendarDate.parse("2019-02-29")
 * if (Result.isFailure(r)) r.failure.reason // "day"
 * ```
 * @category errors
 */
export class InvalidCalendarDate extends Data.TaggedError("InvalidCalendarDate")<{
  readonly input: string
  readonly reason: Reason
}> {
  override get message(): string {
    return `invalid calendar date ${JSON.stringify(this.input)}: ${reasonText[this.reason]}`
  }
}

/**
 * Reads a `YYYY-MM-DD` string into a {@link CalendarDate}.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.parse("2024-02-29") // Result.succeed("2024-02-29")
 * CalendarDate.parse("2024-13-01") // Result.fail(InvalidCalendarDate { reason: "month" })
 * ```
 * @category parsing
 */
export const parse = (input: unknown): Result.Result<CalendarDate, InvalidCalendarDate> => {
  if (typeof input !== "string") return Result.fail(new InvalidCalendarDate({ input: "", reason: "type" }))
  const reason = validate(input)
  return reason === undefined
    ? Result.succeed(input as CalendarDate)
    : Result.fail(new InvalidCalendarDate({ input, reason }))
}

/**
 * Like {@link parse}, but throws the {@link InvalidCalendarDate}. For dates written in code.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * const lawInForce = CalendarDate.makeUnsafe("2022-01-01")
 * ```
 * @category constructors
 */
export const makeUnsafe = (input: string): CalendarDate => {
  const result = parse(input)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** Formats parts already known to be a valid date. */
const format = (year: number, month: number, day: number): CalendarDate =>
  `${year}-${pad2(month)}-${pad2(day)}` as CalendarDate

/**
 * Makes a date from its year, month (1–12) and day.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.fromParts(2018, 3, 1) // Result.succeed("2018-03-01")
 * CalendarDate.fromParts(2018, 2, 30) // Result.fail(InvalidCalendarDate { reason: "day" })
 * ```
 * @category constructors
 */
export const fromParts = (year: number, month: number, day: number): Result.Result<CalendarDate, InvalidCalendarDate> => {
  const input = `${year}-${month}-${day}`
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return Result.fail(new InvalidCalendarDate({ input, reason: "format" }))
  }
  if (year < minYear || year > maxYear) return Result.fail(new InvalidCalendarDate({ input, reason: "year" }))
  if (month < 1 || month > 12) return Result.fail(new InvalidCalendarDate({ input, reason: "month" }))
  if (day < 1 || day > daysInMonth(year, month)) return Result.fail(new InvalidCalendarDate({ input, reason: "day" }))
  return Result.succeed(format(year, month, day))
}

/**
 * The year, month (1–12) and day of a date.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.toParts(CalendarDate.makeUnsafe("2018-03-01")) // { year: 2018, month: 3, day: 1 }
 * ```
 * @category getters
 */
export const toParts = (date: CalendarDate): { readonly year: number; readonly month: number; readonly day: number } => ({
  year: yearOf(date),
  month: monthOf(date),
  day: dayOf(date)
})

/**
 * The year of a date.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.year(CalendarDate.makeUnsafe("2018-03-01")) // 2018
 * ```
 * @category getters
 */
export const year = (date: CalendarDate): number => yearOf(date)

/**
 * The month of a date, 1–12.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.month(CalendarDate.makeUnsafe("2018-03-01")) // 3
 * ```
 * @category getters
 */
export const month = (date: CalendarDate): number => monthOf(date)

/**
 * The day of the month of a date, 1–31.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.day(CalendarDate.makeUnsafe("2018-03-01")) // 1
 * ```
 * @category getters
 */
export const day = (date: CalendarDate): number => dayOf(date)

// Epoch-day arithmetic: a year is counted from March, so that the leap day falls at the end of it.
// Days from 0000-03-01 to 1970-01-01:
const epochShift = 719468
const daysPer400Years = 146097

const epochDayOf = (y: number, m: number, d: number): number => {
  const marchYear = m <= 2 ? y - 1 : y
  const era = Math.floor(marchYear / 400)
  const yearOfEra = marchYear - era * 400
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * daysPer400Years + dayOfEra - epochShift
}

/** Epoch days of the first and last supported dates. */
const minEpochDay = epochDayOf(minYear, 1, 1)
const maxEpochDay = epochDayOf(maxYear, 12, 31)

/**
 * The number of days from 1970-01-01 to `date` (negative before 1970).
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.toEpochDay(CalendarDate.makeUnsafe("1970-01-02")) // 1
 * ```
 * @category epoch days
 */
export const toEpochDay = (date: CalendarDate): number => epochDayOf(yearOf(date), monthOf(date), dayOf(date))

/**
 * The date `epochDay` days after 1970-01-01. Throws a `RangeError` if `epochDay` is not an integer
 * or falls outside 1900–2199 (a defect).
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.fromEpochDay(-1) // "1969-12-31"
 * ```
 * @category epoch days
 */
export const fromEpochDay = (epochDay: number): CalendarDate => {
  if (!Number.isInteger(epochDay) || epochDay < minEpochDay || epochDay > maxEpochDay) {
    throw new RangeError(`CalendarDate.fromEpochDay: ${epochDay} is outside ${minYear}-01-01..${maxYear}-12-31`)
  }
  const z = epochDay + epochShift
  const era = Math.floor(z / daysPer400Years)
  const dayOfEra = z - era * daysPer400Years
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
  return format(y, m, d)
}

/**
 * The date `days` days after `date` (before it when negative). Throws a `RangeError` outside
 * 1900–2199 (a defect).
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.addDays(CalendarDate.makeUnsafe("2024-02-28"), 2) // "2024-03-01"
 * ```
 * @category math
 */
export const addDays = (date: CalendarDate, days: number): CalendarDate => fromEpochDay(toEpochDay(date) + days)

/**
 * The number of days from `a` to `b`: `b − a`, negative when `b` is earlier.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.diffDays(CalendarDate.makeUnsafe("2018-01-01"), CalendarDate.makeUnsafe("2018-12-31")) // 364
 * ```
 * @category math
 */
export const diffDays = (a: CalendarDate, b: CalendarDate): number => toEpochDay(b) - toEpochDay(a)

/**
 * The ISO day of the week: 1 = Monday … 7 = Sunday.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.dayOfWeek(CalendarDate.makeUnsafe("1970-01-01")) // 4 (Thursday)
 * ```
 * @category calendar
 */
export const dayOfWeek = (date: CalendarDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 =>
  ((((toEpochDay(date) + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7

/**
 * Orders two dates: `-1` if `a` is earlier, `0` if the same day, `1` if later.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.compare(CalendarDate.makeUnsafe("2018-01-01"), CalendarDate.makeUnsafe("2019-01-01")) // -1
 * ```
 * @category ordering
 */
export const compare = (a: CalendarDate, b: CalendarDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Whether `a` is strictly earlier than `b`.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.isBefore(CalendarDate.makeUnsafe("2018-01-01"), CalendarDate.makeUnsafe("2018-01-02")) // true
 * ```
 * @category ordering
 */
export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b

/**
 * Whether `a` is strictly later than `b`.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.isAfter(CalendarDate.makeUnsafe("2018-01-02"), CalendarDate.makeUnsafe("2018-01-01")) // true
 * ```
 * @category ordering
 */
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b

/**
 * The earlier of two dates.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.min(CalendarDate.makeUnsafe("2018-05-01"), CalendarDate.makeUnsafe("2018-03-01")) // "2018-03-01"
 * ```
 * @category ordering
 */
export const min = (a: CalendarDate, b: CalendarDate): CalendarDate => (b < a ? b : a)

/**
 * The later of two dates.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.max(CalendarDate.makeUnsafe("2018-05-01"), CalendarDate.makeUnsafe("2018-03-01")) // "2018-05-01"
 * ```
 * @category ordering
 */
export const max = (a: CalendarDate, b: CalendarDate): CalendarDate => (b > a ? b : a)

/**
 * The date `months` months after `date` (before it when negative), on the same day of the month
 * or, when that month is shorter, on its last day. Throws a `RangeError` outside 1900–2199
 * (a defect).
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.addMonths(CalendarDate.makeUnsafe("2024-01-31"), 1) // "2024-02-29"
 * ```
 * @category math
 */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  if (!Number.isInteger(months)) throw new RangeError(`CalendarDate.addMonths: ${months} is not an integer`)
  const index = yearOf(date) * 12 + (monthOf(date) - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  if (y < minYear || y > maxYear) {
    throw new RangeError(`CalendarDate.addMonths: the result is outside ${minYear}-${maxYear}`)
  }
  return format(y, m, Math.min(dayOf(date), daysInMonth(y, m)))
}

/**
 * The first day of the date's month.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.startOfMonth(CalendarDate.makeUnsafe("2018-02-14")) // "2018-02-01"
 * ```
 * @category calendar
 */
export const startOfMonth = (date: CalendarDate): CalendarDate => `${date.slice(0, 8)}01` as CalendarDate

/**
 * The last day of the date's month.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * CalendarDate.endOfMonth(CalendarDate.makeUnsafe("2024-02-14")) // "2024-02-29"
 * ```
 * @category calendar
 */
export const endOfMonth = (date: CalendarDate): CalendarDate =>
  `${date.slice(0, 8)}${daysInMonth(yearOf(date), monthOf(date))}` as CalendarDate

/**
 * How ages in completed years (周岁) turn over:
 *
 * - `"birthday"`: a person is N on their Nth birthday (the civil reckoning). Someone born on 29
 *   February turns N on 1 March in a common year.
 * - `"day-after-birthday"`: a person is N only from the day after their Nth birthday, as criminal
 *   law counts it (最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》法释〔2006〕1号
 *   第二条: 周岁“从周岁生日的第二天起算”). Someone born on 29 February has their birthday on
 *   28 February in a common year (the month's last day) and turns N on 1 March.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * const convention: CalendarDate.AgeConvention = "day-after-birthday"
 * ```
 * @category age
 */
export type AgeConvention = "birthday" | "day-after-birthday"

/**
 * A person's age in completed years (周岁) on the date `on`, under the given convention
 * (default `"birthday"`). The two conventions differ only on the birthday itself. When `on` is
 * before `birthDate` the result is negative (−1 within the year before birth), which callers
 * should treat as "not yet born".
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * const born = CalendarDate.makeUnsafe("2006-05-10")
 * const on = CalendarDate.makeUnsafe("2024-05-10")
 * CalendarDate.ageOn(born, on) // 18
 * CalendarDate.ageOn(born, on, "day-after-birthday") // 17
 * ```
 * @category age
 */
export const ageOn = (birthDate: CalendarDate, on: CalendarDate, convention: AgeConvention = "birthday"): number => {
  const years = yearOf(on) - yearOf(birthDate)
  // Compare (month, day) as one number; 29 February (229) sorts between 28 February and 1 March.
  const onKey = monthOf(on) * 100 + dayOf(on)
  const birthKey = monthOf(birthDate) * 100 + dayOf(birthDate)
  if (onKey < birthKey) return years - 1
  if (onKey === birthKey && convention === "day-after-birthday") return years - 1
  return years
}
