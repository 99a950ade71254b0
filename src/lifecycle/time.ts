/**
 * Instants and China Standard Time dates.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"

/**
 * An ISO 8601 instant with an explicit offset: `2024-05-10T09:30:00+08:00`, `…Z`.
 *
 * @category time
 */
export const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * The calendar date of an instant in China Standard Time (UTC+8), or `undefined` when it is not a
 * valid instant in the range of `CalendarDate`.
 *
 * @example
 * import { chinaDate } from "fayuan/lifecycle"
 * chinaDate("2024-05-10T17:30:00Z") // "2024-05-11"
 *
 * @category time
 */
export const chinaDate = (instant: string): CalendarDate.CalendarDate | undefined => {
  // A step reads the day of its instant several times (the command, the clocks, the event): the
  // last answer is kept.
  if (instant === lastInstant) return lastDay
  const day = computeChinaDate(instant)
  lastInstant = instant
  lastDay = day
  return day
}

let lastInstant: string | undefined
let lastDay: CalendarDate.CalendarDate | undefined

const computeChinaDate = (instant: string): CalendarDate.CalendarDate | undefined => {
  // Only full ISO 8601 instants with an offset: a local time would depend on the server's zone.
  if (typeof instant !== "string" || !instantPattern.test(instant)) return undefined
  if (instant.endsWith("+08:00")) {
    const day = CalendarDate.parse(instant.slice(0, 10))
    return Result.isSuccess(day) && Number(instant.slice(11, 13)) < 24 && Number(instant.slice(14, 16)) < 60 ? day.success : undefined
  }
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) return undefined
  const days = Math.floor((ms + 8 * 3_600_000) / 86_400_000)
  // 1900-01-01 .. 2199-12-31, the range of CalendarDate
  return days < -25_567 || days > 84_005 ? undefined : CalendarDate.fromEpochDay(days)
}

/**
 * Hours from one instant to another (negative when `to` is earlier), or `undefined` for an invalid
 * instant.
 *
 * @category time
 */
export const hoursBetween = (from: string, to: string): number | undefined => {
  if (!instantPattern.test(from) || !instantPattern.test(to)) return undefined
  const a = Date.parse(from)
  const b = Date.parse(to)
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : (b - a) / 3_600_000
}
