import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.ts"
import { chinaYears } from "../src/rules/china-calendar.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import { failure, ok } from "./support/result.ts"

const d = CalendarDate.makeUnsafe
const { china, weekdaysOnly } = WorkCalendar

/** A calendar the module did not build, so that it goes through `isWorkingDay` on strings. */
const hosted: WorkCalendar.WorkCalendar = {
  id: "hosted-china",
  isWorkingDay: (date) => china.isWorkingDay(date),
  covers: (date) => china.covers(date)
}
const calendars = [china, weekdaysOnly, hosted] as const

const epochOf = (s: string) => CalendarDate.toEpochDay(d(s))
const isWeekday = (date: CalendarDate.CalendarDate) => CalendarDate.dayOfWeek(date) <= 5

/** The model: every day off and every make-up day in the data, expanded one by one. */
const daysOff = new Set<string>()
const makeUpDays = new Set<string>()
for (const y of chinaYears) {
  for (const h of y.holidays) {
    for (let e = CalendarDate.toEpochDay(h.from); e <= CalendarDate.toEpochDay(h.to); e++) daysOff.add(CalendarDate.fromEpochDay(e))
    for (const m of h.makeUpDays) makeUpDays.add(m)
  }
}

/** Dates from 2001 to 2029: the covered years and some on either side. */
const date = fc
  .integer({ min: epochOf("2001-01-01"), max: epochOf("2029-12-31") })
  .map((e) => CalendarDate.fromEpochDay(e))
const calendar = fc.constantFrom(...calendars)

describe("the shipped China calendar: known days", () => {
  it.each([
    ["2002-12-31", true, "a Tuesday before the data: Monday to Friday"],
    ["2003-02-07", false, "Spring Festival 2003, a golden week"],
    ["2003-02-08", true, "Saturday worked after the 2003 Spring Festival"],
    ["2003-04-26", false, "Saturday no longer worked: the 2003 Labour Day golden week was cancelled (SARS)"],
    ["2003-05-05", false, "Monday off for Saturday 3 May, by the April 2003 change"],
    ["2003-05-06", true, "back to work on 6 May 2003, not 8 May"],
    ["2004-05-07", false, "Labour Day golden week 2004"],
    ["2004-05-08", true, "Saturday worked after the 2004 Labour Day golden week"],
    ["2005-04-30", true, "Saturday worked before the 2005 Labour Day golden week"],
    ["2005-05-06", false, "Labour Day golden week 2005"],
    ["2005-05-08", true, "Sunday worked after the 2005 Labour Day golden week"],
    ["2005-12-31", true, "Saturday worked for New Year's Day 2006"],
    ["2006-12-31", true, "Sunday worked for New Year's Day 2007"],
    ["2007-01-03", false, "New Year's Day 2007, three days"],
    ["2007-05-07", false, "the last Labour Day golden week, 2007"],
    ["2007-12-29", true, "Saturday worked for New Year's Day 2008"],
    ["2007-12-31", false, "New Year's Day 2008 block starts in 2007"],
    ["2008-04-04", false, "Qingming 2008, the first under the 2007 revision"],
    ["2008-05-02", false, "Labour Day 2008, three days"],
    ["2008-05-04", true, "Sunday worked after Labour Day 2008"],
    ["2008-05-05", true, "no Labour Day golden week from 2008"],
    ["2009-10-08", false, "National Day and Mid-Autumn 2009"],
    ["2009-10-10", true, "Saturday worked after National Day 2009"],
    ["2011-12-31", true, "Saturday worked for New Year's Day 2012"],
    ["2012-06-22", false, "Dragon Boat 2012"],
    ["2014-01-30", true, "New Year's Eve 2014 worked: the 2013 revision"],
    ["2014-04-07", false, "Qingming 2014, Monday 补休"],
    ["2015-09-03", false, "70th anniversary of the victory over Japan"],
    ["2015-09-04", false, "Friday off in exchange for Sunday 6 September 2015"],
    ["2015-09-06", true, "Sunday worked for the 2015 victory day"],
    ["2015-09-28", true, "Monday after Mid-Autumn 2015: no 补休 of its own"],
    ["2015-10-07", false, "National Day 2015, carrying the Mid-Autumn weekday"],
    ["2015-10-10", true, "Saturday worked after National Day 2015"],
    ["2016-05-02", false, "Labour Day 2016, Monday 补休"],
    ["2017-01-02", false, "New Year's Day 2017, Monday 补休"],
    ["2017-09-30", true, "Saturday worked before National Day 2017"],
    ["2017-10-08", false, "Mid-Autumn and National Day 2017"],
    ["2017-10-09", true, "back to work after National Day 2017"],
    ["2018-02-11", true, "Sunday worked before the 2018 Spring Festival"],
    ["2018-02-16", false, "Spring Festival 2018"],
    ["2018-02-24", true, "Saturday worked after the 2018 Spring Festival"],
    ["2017-12-30", false, "New Year's Day 2018 block starts in 2017"],
    ["2018-12-29", true, "Saturday worked for New Year's Day 2019"],
    ["2019-05-02", false, "Labour Day 2019 as changed in March 2019"],
    ["2019-05-05", true, "Sunday worked after Labour Day 2019"],
    ["2020-01-19", true, "Sunday worked before the 2020 Spring Festival"],
    ["2020-01-31", false, "2020 Spring Festival extension"],
    ["2020-02-01", false, "2020 extension: the Saturday was no longer worked"],
    ["2020-02-03", true, "work resumed after the 2020 extension"],
    ["2020-10-08", false, "National Day and Mid-Autumn 2020"],
    ["2023-09-29", false, "Mid-Autumn and National Day 2023"],
    ["2023-10-06", false, "Mid-Autumn and National Day 2023"],
    ["2023-10-07", true, "Saturday worked after National Day 2023"],
    ["2023-10-08", true, "Sunday worked after National Day 2023"],
    ["2024-02-04", true, "Sunday worked before the 2024 Spring Festival"],
    ["2024-02-09", true, "New Year's Eve 2024 was a working day"],
    ["2024-02-18", true, "Sunday worked after the 2024 Spring Festival"],
    ["2025-01-26", true, "Sunday worked before the 2025 Spring Festival"],
    ["2025-01-28", false, "New Year's Eve 2025, the new statutory day"],
    ["2025-02-04", false, "last day of the 2025 Spring Festival"],
    ["2025-02-08", true, "Saturday worked after the 2025 Spring Festival"],
    ["2025-05-05", false, "Labour Day 2025"],
    ["2025-10-08", false, "National Day and Mid-Autumn 2025"],
    ["2025-10-11", true, "Saturday worked after National Day 2025"],
    ["2026-01-02", false, "New Year's Day 2026"],
    ["2026-01-04", true, "Sunday worked after New Year's Day 2026"],
    ["2026-02-23", false, "last day of the nine-day Spring Festival 2026"],
    ["2026-09-20", true, "Sunday worked before National Day 2026"],
    ["2026-10-10", true, "Saturday worked after National Day 2026"],
    ["2026-10-12", true, "an ordinary Monday"]
  ] as const)("%s working: %s (%s)", (s, working, _why) => {
    expect(china.isWorkingDay(d(s))).toBe(working)
  })

  it("2025-01-28..2025-02-04 are all off", () => {
    for (let e = epochOf("2025-01-28"); e <= epochOf("2025-02-04"); e++) {
      expect(china.isWorkingDay(CalendarDate.fromEpochDay(e))).toBe(false)
    }
  })

  it("covers 2003 to 2026 and falls back to Monday–Friday outside", () => {
    expect(china.covers(d("2003-01-01"))).toBe(true)
    expect(china.covers(d("2026-12-31"))).toBe(true)
    expect(china.covers(d("2017-12-29"))).toBe(true)
    expect(china.covers(d("2002-12-31"))).toBe(false)
    expect(china.isWorkingDay(d("2002-10-01"))).toBe(true) // a Tuesday: no data, so a working day
    expect(china.covers(d("2027-01-01"))).toBe(false)
    expect(china.isWorkingDay(d("2027-10-01"))).toBe(true) // a Friday: no data, so a working day
    expect(china.isWorkingDay(d("2027-10-02"))).toBe(false)
  })

  it("names each year's source, with the notices that changed it", () => {
    expect(china.sourceFor?.(2018)).toBe("国务院办公厅关于2018年部分节假日安排的通知（国办发明电〔2017〕12号）")
    expect(china.sourceFor?.(2019)).toContain("国办发明电〔2019〕3号")
    expect(china.sourceFor?.(2020)).toContain("国办发明电〔2020〕1号")
    expect(china.sourceFor?.(2025)).toContain("国办发明电〔2024〕12号")
    expect(china.sourceFor?.(2027)).toBeUndefined()
    expect(china.sourceFor?.(2002)).toBeUndefined()
    expect(china.sourceFor?.(2003)).toContain("2003年“五一”放假调休安排")
    expect(china.sourceFor?.(2015)).toContain("国发明电〔2015〕1号")
    expect(china.sourceFor?.(2017)).toBe("国务院办公厅关于2017年部分节假日安排的通知（国办发明电〔2016〕17号）")
    expect(chinaYears.map((y) => y.year)).toEqual(Array.from({ length: 24 }, (_, i) => 2003 + i))
    for (const y of chinaYears) {
      // 2003's notice is titled 部分节假日休息安排.
      expect(y.source).toMatch(new RegExp(`关于${y.year}年部分节假日(休息)?安排的通知（国办发明电〔${y.year - 1}〕\\d+号）`))
      expect(y.verified || y.note !== undefined).toBe(true)
    }
  })

  it("holidayOn names the block a day off belongs to", () => {
    const midAutumn = WorkCalendar.holidayOn(d("2023-10-01"))
    expect(midAutumn?.nameZh).toBe("中秋节、国庆节")
    expect(midAutumn?.nameEn).toBe("Mid-Autumn and National Day")
    expect(midAutumn?.from).toBe("2023-09-29")
    expect(WorkCalendar.holidayOn(china, d("2020-01-31"))?.nameZh).toBe("春节")
    expect(WorkCalendar.holidayOn(d("2025-10-08"))?.nameEn).toBe("National Day and Mid-Autumn")
    expect(WorkCalendar.holidayOn(d("2017-12-31"))?.nameEn).toBe("New Year's Day")
    expect(WorkCalendar.holidayOn(d("2015-09-04"))?.nameZh).toBe("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")
    expect(WorkCalendar.holidayOn(d("2015-09-06"))).toBeUndefined() // the Sunday worked
    expect(WorkCalendar.holidayOn(d("2003-05-05"))?.note).toContain("SARS")
    expect(WorkCalendar.holidayOn(d("2009-10-03"))?.nameZh).toBe("国庆节、中秋节")
    expect(WorkCalendar.holidayOn(d("2018-02-11"))).toBeUndefined() // a make-up day
    expect(WorkCalendar.holidayOn(d("2024-02-09"))).toBeUndefined()
    expect(WorkCalendar.holidayOn(weekdaysOnly, d("2023-10-01"))).toBeUndefined()
  })
})

describe("the shipped data against the holiday measures", () => {
  /**
   * 全国年节及纪念日放假办法: the statutory days of each festival in the text in force in a year.
   * The 1999 text, to 2007: 10 days, Labour Day 3, no Qingming, Dragon Boat or Mid-Autumn. The 2007
   * revision, from 2008 (and the 2013 one, which moved the Spring Festival off New Year's Eve):
   * 11 days. The 2024 revision, from 2025: 13, the Spring Festival 4 and Labour Day 2.
   */
  const statutoryDays = (year: number): Readonly<Record<string, number>> =>
    year < 2008
      ? { 元旦: 1, 春节: 3, 劳动节: 3, 国庆节: 3 }
      : year < 2025
        ? { 元旦: 1, 春节: 3, 清明节: 1, 劳动节: 1, 端午节: 1, 中秋节: 1, 国庆节: 3 }
        : { 元旦: 1, 春节: 4, 清明节: 1, 劳动节: 2, 端午节: 1, 中秋节: 1, 国庆节: 3 }

  /** Weekdays off beyond the measures, or moved from one block to another, each with its source. */
  const adjustments: ReadonlyArray<{ year: number; name: string; days: number; source: string }> = [
    {
      year: 2015,
      name: "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
      days: 1,
      source: "国发明电〔2015〕1号: 3 September 2015 off, a day outside the measures"
    },
    {
      year: 2015,
      name: "中秋节",
      days: -1,
      source: "国办发明电〔2014〕28号: Mid-Autumn on Sunday 27 September, its weekday not given in its own block"
    },
    {
      year: 2015,
      name: "国庆节",
      days: 1,
      source: "国办发明电〔2014〕28号: 1–7 October with Saturday 10 October only worked, so the Mid-Autumn weekday is here"
    },
    {
      year: 2020,
      name: "春节",
      days: 2,
      source: "国办发明电〔2020〕1号: Friday 31 January off and Saturday 1 February no longer worked"
    }
  ]

  const expectedWeekdays = (zh: string, year: number): number => {
    const statutory = statutoryDays(year)[zh]
    const extra = adjustments.filter((a) => a.year === year && a.name === zh)
    if (statutory === undefined && extra.length === 0) {
      throw new Error(`${year}: ${zh} is not a holiday of the measures in force, nor a listed extra day off`)
    }
    return (statutory ?? 0) + extra.reduce((sum, a) => sum + a.days, 0)
  }
  const weekdaysIn = (from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate) => {
    let n = 0
    for (let e = CalendarDate.toEpochDay(from); e <= CalendarDate.toEpochDay(to); e++) {
      if (isWeekday(CalendarDate.fromEpochDay(e))) n++
    }
    return n
  }
  const namesOf = (y: WorkCalendar.YearArrangement) => y.holidays.flatMap((h) => h.nameZh.split("、"))

  it.each(chinaYears.map((y) => [y.year, y] as const))("%i: each holiday costs its statutory weekdays", (year, y) => {
    for (const h of y.holidays) {
      const expected = h.nameZh.split("、").reduce((sum, zh) => sum + expectedWeekdays(zh, year), 0)
      expect(weekdaysIn(h.from, h.to) - h.makeUpDays.length, `${year} ${h.nameZh}`).toBe(expected)
    }
  })

  it.each([
    [2003, 10], [2004, 10], [2005, 10], [2006, 10], [2007, 10],
    [2008, 11], [2009, 11], [2010, 11], [2011, 11], [2012, 11], [2013, 11], [2014, 11],
    [2015, 12], [2016, 11], [2017, 11],
    [2018, 11], [2019, 11], [2020, 13], [2021, 11], [2022, 11], [2023, 11], [2024, 11], [2025, 13], [2026, 13]
  ] as const)("%i: %i weekdays off in all", (year, expected) => {
    const y = chinaYears.find((a) => a.year === year)!
    const total = y.holidays.reduce((sum, h) => sum + weekdaysIn(h.from, h.to) - h.makeUpDays.length, 0)
    expect(total).toBe(expected)
  })

  it("each year has the festivals of the measures in force, once each, and only listed extra days", () => {
    for (const y of chinaYears) {
      const statutory = Object.keys(statutoryDays(y.year)).sort()
      const names = namesOf(y)
      expect(names.filter((n) => statutory.includes(n)).sort(), `${y.year}`).toEqual(statutory)
      for (const n of names.filter((n) => !statutory.includes(n))) {
        expect(adjustments.some((a) => a.year === y.year && a.name === n), `${y.year} ${n}`).toBe(true)
      }
    }
  })

  it("every adjustment names a block of its year, and each year's adjustments are explained", () => {
    for (const a of adjustments) {
      const y = chinaYears.find((x) => x.year === a.year)!
      expect(namesOf(y), `${a.year} ${a.name}`).toContain(a.name)
      expect(a.source.length).toBeGreaterThan(0)
    }
  })

  it("the golden weeks: before 2008 the Spring Festival, Labour Day and National Day are seven days off", () => {
    for (const y of chinaYears.filter((a) => a.year < 2008)) {
      for (const h of y.holidays.filter((b) => b.nameZh !== "元旦")) {
        const days = CalendarDate.toEpochDay(h.to) - CalendarDate.toEpochDay(h.from) + 1
        // Labour Day 2003 was cut to five days (1–5 May) against SARS.
        expect(days, `${y.year} ${h.nameZh}`).toBe(y.year === 2003 && h.nameZh === "劳动节" ? 5 : 7)
      }
    }
  })
})

describe("fromYears", () => {
  const block = (from: string, to: string, makeUp: ReadonlyArray<string> = []): WorkCalendar.HolidayBlock => ({
    nameZh: "假",
    nameEn: "Holiday",
    from: d(from),
    to: d(to),
    makeUpDays: makeUp.map(d)
  })
  const year = (y: number, holidays: ReadonlyArray<WorkCalendar.HolidayBlock>): WorkCalendar.YearArrangement => ({
    year: y,
    source: "test",
    verified: false,
    holidays
  })

  it("builds a calendar with O(1) answers", () => {
    const cal = ok(WorkCalendar.fromYears("t", [year(2030, [block("2030-10-01", "2030-10-03", ["2030-09-29"])])]))
    expect(cal.id).toBe("t")
    expect(cal.isWorkingDay(d("2030-10-01"))).toBe(false)
    expect(cal.isWorkingDay(d("2030-09-29"))).toBe(true) // a Sunday
    expect(cal.isWorkingDay(d("2030-10-04"))).toBe(true)
    expect(cal.covers(d("2030-06-01"))).toBe(true)
    expect(cal.covers(d("2031-06-01"))).toBe(false)
    expect(cal.sourceFor?.(2030)).toBe("test")
  })

  it("accepts no years: Monday to Friday, covering nothing", () => {
    const cal = WorkCalendar.fromYearsUnsafe("none", [])
    expect(cal.isWorkingDay(d("2024-10-01"))).toBe(true)
    expect(cal.covers(d("2024-10-01"))).toBe(false)
  })

  it.each([
    ["duplicate-year", [year(2030, []), year(2030, [])]],
    ["year", [year(1899, [])]],
    ["year", [year(2030.5, [])]],
    ["empty-holiday", [year(2030, [block("2030-10-03", "2030-10-01")])]],
    ["overlapping-holidays", [year(2030, [block("2030-10-01", "2030-10-03"), block("2030-10-03", "2030-10-04")])]],
    ["overlapping-holidays", [year(2030, [block("2030-12-30", "2031-01-01")]), year(2031, [block("2031-01-01", "2031-01-01")])]],
    ["holiday-and-make-up-day", [year(2030, [block("2030-10-01", "2030-10-06", ["2030-10-05"])])]],
    ["holiday-and-make-up-day", [year(2030, [block("2030-10-01", "2030-10-03", ["2030-10-05"]), block("2030-10-05", "2030-10-06")])]],
    ["make-up-day-not-weekend", [year(2030, [block("2030-10-01", "2030-10-03", ["2030-10-04"])])]]
  ] as const)("rejects %s", (reason, years) => {
    const e = failure(WorkCalendar.fromYears("bad", years))
    expect(e._tag).toBe("InvalidWorkCalendar")
    expect(e.reason).toBe(reason)
    expect(e.message).toContain("work calendar")
    expect(() => WorkCalendar.fromYearsUnsafe("bad", years)).toThrow(WorkCalendar.InvalidWorkCalendar)
  })

  it("the shipped data passes its own validation", () => {
    expect(Result.isSuccess(WorkCalendar.fromYears("again", chinaYears))).toBe(true)
  })
})

describe("arithmetic: examples", () => {
  it("addWorkingDays skips holidays and counts make-up days", () => {
    expect(WorkCalendar.addWorkingDays(china, d("2024-09-27"), 7)).toBe("2024-10-12")
    expect(WorkCalendar.addWorkingDays(china, d("2024-09-30"), 1)).toBe("2024-10-08")
    expect(WorkCalendar.addWorkingDays(china, d("2025-01-24"), 1)).toBe("2025-01-26")
    expect(WorkCalendar.addWorkingDays(weekdaysOnly, d("2024-09-27"), 7)).toBe("2024-10-08")
    expect(WorkCalendar.addWorkingDays(hosted, d("2024-09-27"), 7)).toBe("2024-10-12")
  })

  it("7 working days from Friday 2017-09-29: 16 October, not 10 October", () => {
    // 2017: Saturday 30 September worked, 1–8 October off (Mid-Autumn and National Day).
    expect(WorkCalendar.addWorkingDays(china, d("2017-09-29"), 7)).toBe("2017-10-16")
    expect(WorkCalendar.addWorkingDays(weekdaysOnly, d("2017-09-29"), 7)).toBe("2017-10-10")
    expect(WorkCalendar.addWorkingDays(hosted, d("2017-09-29"), 7)).toBe("2017-10-16")
    expect(WorkCalendar.workingDaysBetween(china, d("2017-09-29"), d("2017-10-16"))).toBe(7)
  })

  it("the earlier years: golden weeks, the 2003 change and the 2015 victory day", () => {
    // Labour Day 2005: Saturday 30 April and Sunday 8 May worked, 1–7 May off.
    expect(WorkCalendar.addWorkingDays(china, d("2005-04-29"), 1)).toBe("2005-04-30")
    expect(WorkCalendar.addWorkingDays(china, d("2005-04-30"), 1)).toBe("2005-05-08")
    // 2003: the golden week cut to 1–5 May, work again on Tuesday 6 May.
    expect(WorkCalendar.addWorkingDays(china, d("2003-04-30"), 1)).toBe("2003-05-06")
    // 14 days from 2015-08-20 end on Thursday 3 September, off; the next working day is Sunday 6.
    expect(WorkCalendar.addCalendarDays(china, d("2015-08-20"), 14)).toBe("2015-09-06")
    // 2007: 261 weekdays, less the 19 weekdays off in 2007 (New Year 3, three golden weeks 5 each,
    // and Monday 31 December from the 2008 notice), plus 7 weekend days worked in 2007 (two each
    // for the golden weeks, and Saturday 29 December for New Year 2008).
    expect(WorkCalendar.workingDaysBetween(china, d("2006-12-31"), d("2007-12-31"))).toBe(249)
  })

  it("addWorkingDays wants n ≥ 1", () => {
    expect(() => WorkCalendar.addWorkingDays(china, d("2024-09-27"), 0)).toThrow(RangeError)
    expect(() => WorkCalendar.addWorkingDays(china, d("2024-09-27"), 1.5)).toThrow(RangeError)
  })

  it("nextWorkingDay returns the day itself when it is a working day", () => {
    expect(WorkCalendar.nextWorkingDay(china, d("2025-10-01"))).toBe("2025-10-09")
    expect(WorkCalendar.nextWorkingDay(china, d("2025-10-11"))).toBe("2025-10-11")
    expect(WorkCalendar.nextWorkingDay(weekdaysOnly, d("2025-10-11"))).toBe("2025-10-13")
  })

  it("workingDaysBetween counts (from, to] and is antisymmetric", () => {
    expect(WorkCalendar.workingDaysBetween(china, d("2024-09-27"), d("2024-10-12"))).toBe(7)
    expect(WorkCalendar.workingDaysBetween(china, d("2024-10-12"), d("2024-09-27"))).toBe(-7)
    expect(WorkCalendar.workingDaysBetween(china, d("2024-10-01"), d("2024-10-01"))).toBe(0)
    // 2018: 261 weekdays, less 11 statutory days, plus Saturday 29 December worked and less
    // Monday 31 December off (both from the 2019 notice).
    expect(WorkCalendar.workingDaysBetween(china, d("2018-01-01"), d("2018-12-31"))).toBe(250)
  })

  it("addCalendarDays moves a period ending on a holiday to the next working day", () => {
    expect(WorkCalendar.addCalendarDays(china, d("2023-09-21"), 15)).toBe("2023-10-07")
    expect(WorkCalendar.addCalendarDays(china, d("2023-09-20"), 15)).toBe("2023-10-07")
    expect(WorkCalendar.addCalendarDays(china, d("2023-09-01"), 10)).toBe("2023-09-11")
    expect(WorkCalendar.addCalendarDays(china, d("2023-10-08"), 0)).toBe("2023-10-08")
    expect(() => WorkCalendar.addCalendarDays(china, d("2023-10-08"), -1)).toThrow(RangeError)
  })

  it("a calendar with no working days is a defect, not a hang", () => {
    const never: WorkCalendar.WorkCalendar = { id: "never", isWorkingDay: () => false, covers: () => true }
    expect(() => WorkCalendar.addWorkingDays(never, d("2024-01-01"), 1)).toThrow(RangeError)
    expect(() => WorkCalendar.nextWorkingDay(never, d("2024-01-01"))).toThrow(RangeError)
  })

  it("weekdaysOnly is Monday to Friday everywhere", () => {
    expect(weekdaysOnly.isWorkingDay(d("2024-10-01"))).toBe(true)
    expect(weekdaysOnly.isWorkingDay(d("2024-02-04"))).toBe(false)
    expect(weekdaysOnly.covers(d("1900-01-01"))).toBe(true)
  })
})

describe("arithmetic: properties", () => {
  const n = fc.integer({ min: 1, max: 60 })

  it("addWorkingDays lands on a working day strictly after the start", () => {
    fc.assert(
      fc.property(calendar, date, n, (cal, start, k) => {
        const end = WorkCalendar.addWorkingDays(cal, start, k)
        expect(cal.isWorkingDay(end)).toBe(true)
        expect(CalendarDate.isAfter(end, start)).toBe(true)
      })
    )
  })

  it("workingDaysBetween(start, addWorkingDays(start, n)) = n", () => {
    fc.assert(
      fc.property(calendar, date, n, (cal, start, k) => {
        expect(WorkCalendar.workingDaysBetween(cal, start, WorkCalendar.addWorkingDays(cal, start, k))).toBe(k)
      })
    )
  })

  it("workingDaysBetween is additive and antisymmetric", () => {
    fc.assert(
      fc.property(calendar, date, date, date, (cal, a, b, c) => {
        const ab = WorkCalendar.workingDaysBetween(cal, a, b)
        expect(ab + WorkCalendar.workingDaysBetween(cal, b, a)).toBe(0)
        expect(ab + WorkCalendar.workingDaysBetween(cal, b, c)).toBe(WorkCalendar.workingDaysBetween(cal, a, c))
      })
    )
  })

  it("addCalendarDays lands on the first working day on or after start + n", () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 0, max: 60 }), (cal, start, k) => {
        const plain = CalendarDate.addDays(start, k)
        const end = WorkCalendar.addCalendarDays(cal, start, k)
        expect(cal.isWorkingDay(end)).toBe(true)
        expect(end >= plain).toBe(true)
        expect(end === plain).toBe(cal.isWorkingDay(plain))
        for (let e = CalendarDate.toEpochDay(plain); e < CalendarDate.toEpochDay(end); e++) {
          expect(cal.isWorkingDay(CalendarDate.fromEpochDay(e))).toBe(false)
        }
      })
    )
  })

  it("nextWorkingDay is idempotent", () => {
    fc.assert(
      fc.property(calendar, date, (cal, day) => {
        const next = WorkCalendar.nextWorkingDay(cal, day)
        expect(WorkCalendar.nextWorkingDay(cal, next)).toBe(next)
      })
    )
  })

  it("the China calendar is Monday–Friday except on days off and make-up days in the data", () => {
    fc.assert(
      fc.property(date, (day) => {
        const expected = daysOff.has(day) ? false : makeUpDays.has(day) ? true : isWeekday(day)
        expect(china.isWorkingDay(day)).toBe(expected)
        expect(WorkCalendar.holidayOn(day) !== undefined).toBe(daysOff.has(day))
        const y = CalendarDate.year(day)
        expect(china.covers(day)).toBe(y >= 2003 && y <= 2026)
      })
    )
  })

  it("every day off is off and every make-up day is worked, and make-up days are weekends", () => {
    for (const s of daysOff) expect(china.isWorkingDay(s as CalendarDate.CalendarDate), s).toBe(false)
    for (const s of makeUpDays) {
      expect(china.isWorkingDay(s as CalendarDate.CalendarDate), s).toBe(true)
      expect(isWeekday(s as CalendarDate.CalendarDate), s).toBe(false)
    }
  })
})
