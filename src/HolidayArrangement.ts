/**
 * A year's holiday arrangement as the State Council publishes it (节假日安排): each holiday block
 * with its make-up working days, and the notice it comes from. The shape `WorkCalendar` builds a
 * calendar from, and the shape of the shipped data (`rules/china-calendar.ts`).
 *
 * @since 0.2.0
 */
import type { CalendarDate as Day } from "./CalendarDate.ts"

/**
 * One holiday in a year's arrangement: its name, the block of consecutive days off (`from` and
 * `to` inclusive, weekends within it included) and the weekend days worked in exchange
 * (调休上班). A `note` records anything unusual, such as a later extension.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const d = CalendarDate.makeUnsafe
 * const labourDay2024: WorkCalendar.HolidayBlock = {
 *   nameZh: "劳动节",
 *   nameEn: "Labour Day",
 *   from: d("2024-05-01"),
 *   to: d("2024-05-05"),
 *   makeUpDays: [d("2024-04-28"), d("2024-05-11")]
 * }
 * ```
 * @category models
 */
export interface HolidayBlock {
  readonly nameZh: string
  readonly nameEn: string
  readonly from: Day
  readonly to: Day
  readonly makeUpDays: ReadonlyArray<Day>
  readonly note?: string
}

/**
 * A year's arrangement as published: the `source` document (with `amendedBy` for later notices
 * that changed it), whether the text was checked against the notice (`verified`, with a `note`
 * when not), and its holidays. A block may start in the previous year (New Year's Day often
 * does), and a make-up day may fall in it too.
 *
 * @example
 * ```ts
 * import { CalendarDate, WorkCalendar } from "fayuan"
 * const d = CalendarDate.makeUnsafe
 * const year: WorkCalendar.YearArrangement = {
 *   year: 2025,
 *   source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
 *   verified: true,
 *   holidays: [{ nameZh: "元旦", nameEn: "New Year's Day", from: d("2025-01-01"), to: d("2025-01-01"), makeUpDays: [] }]
 * }
 * ```
 * @category models
 */
export interface YearArrangement {
  readonly year: number
  readonly source: string
  readonly amendedBy?: ReadonlyArray<string>
  readonly published?: Day
  readonly verified: boolean
  readonly note?: string
  readonly holidays: ReadonlyArray<HolidayBlock>
}
