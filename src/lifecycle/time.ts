/**
 * Instants and China Standard Time dates.
 *
 * @since 0.1.0
 */
import * as CalendarDate from "../CalendarDate.ts"

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
  const a = Date.parse(from)
  const b = Date.parse(to)
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : (b - a) / 3_600_000
}
