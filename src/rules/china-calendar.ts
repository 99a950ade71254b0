/**
 * The official work calendar of the People's Republic of China, 2018–2026, as published each year
 * by the General Office of the State Council (国务院办公厅关于某年部分节假日安排的通知), with the
 * later notices that changed a year (2019's Labour Day, 2020's Spring Festival).
 *
 * Each holiday lists its block of days off (`from`–`to`, weekends inside included) and the weekend
 * days worked in exchange (调休上班), item by item as the notice writes them. By the national
 * holiday measures (全国年节及纪念日放假办法) the weekdays off in a block, less its make-up days,
 * equal the statutory days of its festivals: 11 a year until 2024, 13 from 2025 (one more for the
 * Spring Festival and one more for Labour Day).
 *
 * `verified: true` means the arrangement was checked against the notice's text (the official
 * bulletin, a Xinhua release or a faithful copy of one).
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { HolidayBlock, YearArrangement } from "../WorkCalendar.ts"

/**
 * The seven public holidays of the national holiday measures.
 *
 * @example
 * ```ts
 * const f: Festival = "spring-festival"
 * ```
 * @category models
 */
export type Festival =
  | "new-year"
  | "spring-festival"
  | "qingming"
  | "labour-day"
  | "dragon-boat"
  | "mid-autumn"
  | "national-day"

/**
 * The name of each {@link Festival} in Chinese and English.
 *
 * @example
 * ```ts
 * festivalNames["mid-autumn"] // { zh: "中秋节", en: "Mid-Autumn" }
 * ```
 * @category names
 */
export const festivalNames: Readonly<Record<Festival, { readonly zh: string; readonly en: string }>> = {
  "new-year": { zh: "元旦", en: "New Year's Day" },
  "spring-festival": { zh: "春节", en: "Spring Festival" },
  qingming: { zh: "清明节", en: "Qingming" },
  "labour-day": { zh: "劳动节", en: "Labour Day" },
  "dragon-boat": { zh: "端午节", en: "Dragon Boat" },
  "mid-autumn": { zh: "中秋节", en: "Mid-Autumn" },
  "national-day": { zh: "国庆节", en: "National Day" }
}

const day = CalendarDate.makeUnsafe

/** One item of a notice: festivals (in the notice's order), days off, make-up working days. */
const holiday = (
  festivals: ReadonlyArray<Festival>,
  from: string,
  to: string,
  makeUpDays: ReadonlyArray<string> = [],
  note?: string
): HolidayBlock => {
  const block = {
    nameZh: festivals.map((f) => festivalNames[f].zh).join("、"),
    nameEn: festivals.map((f) => festivalNames[f].en).join(" and "),
    from: day(from),
    to: day(to),
    makeUpDays: makeUpDays.map(day)
  }
  return note === undefined ? block : { ...block, note }
}

const notice = (year: number, documentNumber: string): string =>
  `国务院办公厅关于${year}年部分节假日安排的通知（${documentNumber}）`

/**
 * The arrangements for 2018 to 2026, oldest first.
 *
 * @example
 * ```ts
 * chinaYears.find((y) => y.year === 2025)?.source // "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）"
 * ```
 * @category data
 */
export const chinaYears: ReadonlyArray<YearArrangement> = [
  {
    year: 2018,
    source: notice(2018, "国办发明电〔2017〕12号"),
    published: day("2017-11-30"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2017-12-30", "2018-01-01"),
      holiday(["spring-festival"], "2018-02-15", "2018-02-21", ["2018-02-11", "2018-02-24"]),
      holiday(["qingming"], "2018-04-05", "2018-04-07", ["2018-04-08"]),
      holiday(["labour-day"], "2018-04-29", "2018-05-01", ["2018-04-28"]),
      holiday(["dragon-boat"], "2018-06-16", "2018-06-18"),
      holiday(["mid-autumn"], "2018-09-22", "2018-09-24"),
      holiday(["national-day"], "2018-10-01", "2018-10-07", ["2018-09-29", "2018-09-30"])
    ]
  },
  {
    year: 2019,
    source: notice(2019, "国办发明电〔2018〕15号"),
    amendedBy: ["国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）"],
    published: day("2018-12-04"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2018-12-30", "2019-01-01", ["2018-12-29"]),
      holiday(["spring-festival"], "2019-02-04", "2019-02-10", ["2019-02-02", "2019-02-03"]),
      holiday(["qingming"], "2019-04-05", "2019-04-07"),
      holiday(
        ["labour-day"],
        "2019-05-01",
        "2019-05-04",
        ["2019-04-28", "2019-05-05"],
        "Changed on 2019-03-22 by 国办发明电〔2019〕3号; the December 2018 notice gave 1 May only."
      ),
      holiday(["dragon-boat"], "2019-06-07", "2019-06-09"),
      holiday(["mid-autumn"], "2019-09-13", "2019-09-15"),
      holiday(["national-day"], "2019-10-01", "2019-10-07", ["2019-09-29", "2019-10-12"])
    ]
  },
  {
    year: 2020,
    source: notice(2020, "国办发明电〔2019〕16号"),
    amendedBy: ["国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）"],
    published: day("2019-11-21"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2020-01-01", "2020-01-01"),
      holiday(
        ["spring-festival"],
        "2020-01-24",
        "2020-02-02",
        ["2020-01-19"],
        "Extended to 2 February by 国办发明电〔2020〕1号 (2020-01-26) against the epidemic; the November 2019 notice gave 24–30 January with Saturday 1 February worked."
      ),
      holiday(["qingming"], "2020-04-04", "2020-04-06"),
      holiday(["labour-day"], "2020-05-01", "2020-05-05", ["2020-04-26", "2020-05-09"]),
      holiday(["dragon-boat"], "2020-06-25", "2020-06-27", ["2020-06-28"]),
      holiday(["national-day", "mid-autumn"], "2020-10-01", "2020-10-08", ["2020-09-27", "2020-10-10"])
    ]
  },
  {
    year: 2021,
    source: notice(2021, "国办发明电〔2020〕27号"),
    published: day("2020-11-25"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2021-01-01", "2021-01-03"),
      holiday(["spring-festival"], "2021-02-11", "2021-02-17", ["2021-02-07", "2021-02-20"]),
      holiday(["qingming"], "2021-04-03", "2021-04-05"),
      holiday(["labour-day"], "2021-05-01", "2021-05-05", ["2021-04-25", "2021-05-08"]),
      holiday(["dragon-boat"], "2021-06-12", "2021-06-14"),
      holiday(["mid-autumn"], "2021-09-19", "2021-09-21", ["2021-09-18"]),
      holiday(["national-day"], "2021-10-01", "2021-10-07", ["2021-09-26", "2021-10-09"])
    ]
  },
  {
    year: 2022,
    source: notice(2022, "国办发明电〔2021〕11号"),
    published: day("2021-10-25"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2022-01-01", "2022-01-03"),
      holiday(["spring-festival"], "2022-01-31", "2022-02-06", ["2022-01-29", "2022-01-30"]),
      holiday(["qingming"], "2022-04-03", "2022-04-05", ["2022-04-02"]),
      holiday(["labour-day"], "2022-04-30", "2022-05-04", ["2022-04-24", "2022-05-07"]),
      holiday(["dragon-boat"], "2022-06-03", "2022-06-05"),
      holiday(["mid-autumn"], "2022-09-10", "2022-09-12"),
      holiday(["national-day"], "2022-10-01", "2022-10-07", ["2022-10-08", "2022-10-09"])
    ]
  },
  {
    year: 2023,
    source: notice(2023, "国办发明电〔2022〕16号"),
    published: day("2022-12-08"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2022-12-31", "2023-01-02"),
      holiday(["spring-festival"], "2023-01-21", "2023-01-27", ["2023-01-28", "2023-01-29"]),
      holiday(["qingming"], "2023-04-05", "2023-04-05"),
      holiday(["labour-day"], "2023-04-29", "2023-05-03", ["2023-04-23", "2023-05-06"]),
      holiday(["dragon-boat"], "2023-06-22", "2023-06-24", ["2023-06-25"]),
      holiday(["mid-autumn", "national-day"], "2023-09-29", "2023-10-06", ["2023-10-07", "2023-10-08"])
    ]
  },
  {
    year: 2024,
    source: notice(2024, "国办发明电〔2023〕7号"),
    published: day("2023-10-25"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2023-12-30", "2024-01-01"),
      holiday(
        ["spring-festival"],
        "2024-02-10",
        "2024-02-17",
        ["2024-02-04", "2024-02-18"],
        "New Year's Eve (9 February) is a working day; employers were only encouraged to give it off."
      ),
      holiday(["qingming"], "2024-04-04", "2024-04-06", ["2024-04-07"]),
      holiday(["labour-day"], "2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]),
      holiday(["dragon-boat"], "2024-06-08", "2024-06-10"),
      holiday(["mid-autumn"], "2024-09-15", "2024-09-17", ["2024-09-14"]),
      holiday(["national-day"], "2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"])
    ]
  },
  {
    year: 2025,
    source: notice(2025, "国办发明电〔2024〕12号"),
    published: day("2024-11-12"),
    verified: true,
    note: "First year under the November 2024 revision of the holiday measures: 13 statutory days (Spring Festival 4, Labour Day 2).",
    holidays: [
      holiday(["new-year"], "2025-01-01", "2025-01-01"),
      holiday(["spring-festival"], "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
      holiday(["qingming"], "2025-04-04", "2025-04-06"),
      holiday(["labour-day"], "2025-05-01", "2025-05-05", ["2025-04-27"]),
      holiday(["dragon-boat"], "2025-05-31", "2025-06-02"),
      holiday(["national-day", "mid-autumn"], "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"])
    ]
  },
  {
    year: 2026,
    source: notice(2026, "国办发明电〔2025〕7号"),
    published: day("2025-11-04"),
    verified: true,
    note: "Arrangement checked against the Xinhua release of 2025-11-04; the document number is as cited by secondary sources, not seen on the notice itself.",
    holidays: [
      holiday(["new-year"], "2026-01-01", "2026-01-03", ["2026-01-04"]),
      holiday(["spring-festival"], "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
      holiday(["qingming"], "2026-04-04", "2026-04-06"),
      holiday(["labour-day"], "2026-05-01", "2026-05-05", ["2026-05-09"]),
      holiday(["dragon-boat"], "2026-06-19", "2026-06-21"),
      holiday(["mid-autumn"], "2026-09-25", "2026-09-27"),
      holiday(["national-day"], "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"])
    ]
  }
]
