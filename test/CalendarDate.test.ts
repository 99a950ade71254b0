import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.ts"
import { calendarDate, dateParts } from "./support/arbitraries.ts"

const d = CalendarDate.makeUnsafe
const failure = <A, E>(r: Result.Result<A, E>): E => {
  if (Result.isSuccess(r)) throw new Error("expected failure")
  return r.failure
}

const firstEpochDay = -25567 // 1900-01-01
const lastEpochDay = 84005 // 2199-12-31
const epochDay = fc.integer({ min: firstEpochDay, max: lastEpochDay })

describe("parse", () => {
  it.each(["1900-01-01", "2199-12-31", "2000-02-29", "2024-02-29", "2018-12-31", "1970-01-01"])("accepts %s", (s) => {
    expect(Result.getOrThrow(CalendarDate.parse(s))).toBe(s)
  })

  it.each([
    ["", "format"],
    ["2018-1-01", "format"],
    ["2018/01/01", "format"],
    ["20180101", "format"],
    [" 2018-01-01", "format"],
    ["2018-01-01T00:00", "format"],
    ["２０１８-01-01", "format"],
    ["2018-0a-01", "format"],
    ["1899-12-31", "year"],
    ["2200-01-01", "year"],
    ["2018-00-10", "month"],
    ["2018-13-10", "month"],
    ["2018-01-00", "day"],
    ["2018-01-32", "day"],
    ["2018-04-31", "day"],
    ["1900-02-29", "day"],
    ["2100-02-29", "day"],
    ["2019-02-29", "day"]
  ] as const)("rejects %j (%s)", (input, reason) => {
    const e = failure(CalendarDate.parse(input))
    expect(e._tag).toBe("InvalidCalendarDate")
    expect(e.reason).toBe(reason)
    expect(e.input).toBe(input)
    expect(e.message).toContain(JSON.stringify(input))
  })

  it("makeUnsafe throws the tagged error", () => {
    expect(() => d("2019-02-29")).toThrow(CalendarDate.InvalidCalendarDate)
  })

  it("the schema decodes valid dates and rejects invalid ones", () => {
    expect(Schema.decodeUnknownSync(CalendarDate.CalendarDate)("2018-03-01")).toBe("2018-03-01")
    const bad = Schema.decodeUnknownResult(CalendarDate.CalendarDate)("2019-02-29")
    expect(Result.isFailure(bad)).toBe(true)
    if (Result.isFailure(bad)) expect(bad.failure.message).toContain("no such day")
    expect(Result.isFailure(Schema.decodeUnknownResult(CalendarDate.CalendarDate)(20180301))).toBe(true)
  })

  it("the schema and parse agree on arbitrary strings", () => {
    const nearDate = fc.oneof(
      fc.string(),
      fc.tuple(fc.integer({ min: 1800, max: 2300 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, day]) => `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`)
    )
    fc.assert(
      fc.property(nearDate, (s) => {
        expect(Schema.is(CalendarDate.CalendarDate)(s)).toBe(Result.isSuccess(CalendarDate.parse(s)))
      })
    )
  })
})

describe("parts", () => {
  it("fromParts and toParts", () => {
    expect(Result.getOrThrow(CalendarDate.fromParts(2018, 3, 1))).toBe("2018-03-01")
    expect(failure(CalendarDate.fromParts(2018, 2, 30)).reason).toBe("day")
    expect(failure(CalendarDate.fromParts(2018, 13, 1)).reason).toBe("month")
    expect(failure(CalendarDate.fromParts(1800, 1, 1)).reason).toBe("year")
    expect(failure(CalendarDate.fromParts(2018, 1.5, 1)).reason).toBe("format")
    expect(CalendarDate.toParts(d("2018-03-01"))).toEqual({ year: 2018, month: 3, day: 1 })
    expect(CalendarDate.year(d("2018-03-07"))).toBe(2018)
    expect(CalendarDate.month(d("2018-03-07"))).toBe(3)
    expect(CalendarDate.day(d("2018-03-07"))).toBe(7)
  })

  it("fromParts ∘ toParts is the identity", () => {
    fc.assert(
      fc.property(dateParts, (parts) => {
        const date = Result.getOrThrow(CalendarDate.fromParts(parts.year, parts.month, parts.day))
        expect(CalendarDate.toParts(date)).toEqual(parts)
      })
    )
  })
})

describe("epoch days", () => {
  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-03-01", 11017],
    ["1900-01-01", firstEpochDay],
    ["2199-12-31", lastEpochDay],
    ["2018-12-31", 17896]
  ])("%s is epoch day %d", (s, n) => {
    expect(CalendarDate.toEpochDay(d(s))).toBe(n)
    expect(CalendarDate.fromEpochDay(n)).toBe(s)
  })

  it("fromEpochDay throws a RangeError outside the supported years", () => {
    expect(() => CalendarDate.fromEpochDay(firstEpochDay - 1)).toThrow(RangeError)
    expect(() => CalendarDate.fromEpochDay(lastEpochDay + 1)).toThrow(RangeError)
    expect(() => CalendarDate.fromEpochDay(0.5)).toThrow(RangeError)
    expect(() => CalendarDate.addDays(d("2199-12-31"), 1)).toThrow(RangeError)
  })

  it("round-trips: fromEpochDay ∘ toEpochDay and toEpochDay ∘ fromEpochDay", () => {
    fc.assert(fc.property(calendarDate, (date) => {
      expect(CalendarDate.fromEpochDay(CalendarDate.toEpochDay(date))).toBe(date)
    }))
    fc.assert(fc.property(epochDay, (n) => {
      expect(CalendarDate.toEpochDay(CalendarDate.fromEpochDay(n))).toBe(n)
    }))
  })

  it("consecutive epoch days are consecutive calendar days", () => {
    fc.assert(
      fc.property(fc.integer({ min: firstEpochDay, max: lastEpochDay - 1 }), (n) => {
        const today = CalendarDate.toParts(CalendarDate.fromEpochDay(n))
        const tomorrow = CalendarDate.toParts(CalendarDate.fromEpochDay(n + 1))
        if (today.day < CalendarDate.daysInMonth(today.year, today.month)) {
          expect(tomorrow).toEqual({ ...today, day: today.day + 1 })
        } else if (today.month < 12) {
          expect(tomorrow).toEqual({ year: today.year, month: today.month + 1, day: 1 })
        } else {
          expect(tomorrow).toEqual({ year: today.year + 1, month: 1, day: 1 })
        }
      })
    )
  })

  it("addDays and diffDays are inverse", () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (a, b) => {
        expect(CalendarDate.addDays(a, CalendarDate.diffDays(a, b))).toBe(b)
        expect(CalendarDate.diffDays(b, a)).toBe(-CalendarDate.diffDays(a, b) || 0)
      })
    )
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -20000, max: 20000 }), (a, n) => {
        const e = CalendarDate.toEpochDay(a) + n
        fc.pre(e >= firstEpochDay && e <= lastEpochDay)
        expect(CalendarDate.diffDays(a, CalendarDate.addDays(a, n))).toBe(n)
      })
    )
  })

  it("diffDays example", () => {
    expect(CalendarDate.diffDays(d("2018-01-01"), d("2018-12-31"))).toBe(364)
    expect(CalendarDate.diffDays(d("2024-01-01"), d("2025-01-01"))).toBe(366)
  })
})

describe("dayOfWeek", () => {
  it.each([
    ["1970-01-01", 4],
    ["2018-01-01", 1],
    ["2024-02-29", 4],
    ["2000-01-01", 6],
    ["1900-01-01", 1],
    ["2199-12-31", 2],
    ["2022-01-01", 6]
  ])("%s → %d", (s, n) => {
    expect(CalendarDate.dayOfWeek(d(s))).toBe(n)
  })

  it("advances by one, modulo 7, each day", () => {
    fc.assert(
      fc.property(fc.integer({ min: firstEpochDay, max: lastEpochDay - 1 }), (n) => {
        const today = CalendarDate.dayOfWeek(CalendarDate.fromEpochDay(n))
        expect(CalendarDate.dayOfWeek(CalendarDate.fromEpochDay(n + 1))).toBe((today % 7) + 1)
      })
    )
  })
})

describe("ordering", () => {
  it("compare is consistent with diffDays, isBefore, isAfter, min and max", () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (a, b) => {
        const c = CalendarDate.compare(a, b)
        expect(c).toBe(Math.sign(CalendarDate.diffDays(b, a)) || 0)
        expect(CalendarDate.isBefore(a, b)).toBe(c < 0)
        expect(CalendarDate.isAfter(a, b)).toBe(c > 0)
        expect(CalendarDate.min(a, b)).toBe(c <= 0 ? a : b)
        expect(CalendarDate.max(a, b)).toBe(c >= 0 ? a : b)
      })
    )
  })
})

describe("months", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2018-12-15", 1, "2019-01-15"],
    ["2018-01-15", -1, "2017-12-15"],
    ["2018-05-31", 13, "2019-06-30"],
    ["2018-05-31", -24, "2016-05-31"],
    ["2018-05-31", 0, "2018-05-31"]
  ])("addMonths(%s, %d) = %s", (s, n, expected) => {
    expect(CalendarDate.addMonths(d(s), n)).toBe(expected)
  })

  it("addMonths throws a RangeError outside the supported years", () => {
    expect(() => CalendarDate.addMonths(d("2199-12-01"), 1)).toThrow(RangeError)
    expect(() => CalendarDate.addMonths(d("1900-01-01"), -1)).toThrow(RangeError)
  })

  it("addMonths keeps the day or clamps to month end", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -600, max: 600 }), (date, n) => {
        const y = CalendarDate.year(date) + Math.floor((CalendarDate.month(date) - 1 + n) / 12)
        fc.pre(y >= 1900 && y <= 2199)
        const result = CalendarDate.addMonths(date, n)
        const monthsBetween = (CalendarDate.year(result) - CalendarDate.year(date)) * 12 + CalendarDate.month(result) - CalendarDate.month(date)
        expect(monthsBetween).toBe(n)
        const p = CalendarDate.toParts(result)
        expect(p.day).toBe(Math.min(CalendarDate.day(date), CalendarDate.daysInMonth(p.year, p.month)))
      })
    )
  })

  it("startOfMonth and endOfMonth", () => {
    expect(CalendarDate.startOfMonth(d("2018-02-14"))).toBe("2018-02-01")
    expect(CalendarDate.endOfMonth(d("2024-02-14"))).toBe("2024-02-29")
    expect(CalendarDate.endOfMonth(d("1900-02-01"))).toBe("1900-02-28")
    expect(CalendarDate.endOfMonth(d("2018-12-01"))).toBe("2018-12-31")
    fc.assert(
      fc.property(calendarDate, (date) => {
        const start = CalendarDate.startOfMonth(date)
        const end = CalendarDate.endOfMonth(date)
        expect(Result.isSuccess(CalendarDate.parse(start))).toBe(true)
        expect(Result.isSuccess(CalendarDate.parse(end))).toBe(true)
        expect(start <= date && date <= end).toBe(true)
        if (end !== "2199-12-31") expect(CalendarDate.day(CalendarDate.addDays(end, 1))).toBe(1)
      })
    )
  })

  it("leap years", () => {
    expect(CalendarDate.isLeapYear(2000)).toBe(true)
    expect(CalendarDate.isLeapYear(1900)).toBe(false)
    expect(CalendarDate.isLeapYear(2100)).toBe(false)
    expect(CalendarDate.isLeapYear(2024)).toBe(true)
    expect(CalendarDate.isLeapYear(2023)).toBe(false)
  })
})

describe("ageOn", () => {
  const born = d("2006-05-10")
  it("counts completed years, turning over on the birthday by default", () => {
    expect(CalendarDate.ageOn(born, d("2024-05-09"))).toBe(17)
    expect(CalendarDate.ageOn(born, d("2024-05-10"))).toBe(18)
    expect(CalendarDate.ageOn(born, d("2024-05-11"))).toBe(18)
    expect(CalendarDate.ageOn(born, born)).toBe(0)
    expect(CalendarDate.ageOn(born, d("2006-05-09"))).toBe(-1)
  })

  it("under the criminal-law convention, from the day after the birthday", () => {
    expect(CalendarDate.ageOn(born, d("2024-05-09"), "day-after-birthday")).toBe(17)
    expect(CalendarDate.ageOn(born, d("2024-05-10"), "day-after-birthday")).toBe(17)
    expect(CalendarDate.ageOn(born, d("2024-05-11"), "day-after-birthday")).toBe(18)
    // Criminal responsibility at 16 (刑法 art. 17): on the 16th birthday not yet, the next day yes.
    expect(CalendarDate.ageOn(d("2008-01-31"), d("2024-01-31"), "day-after-birthday")).toBe(15)
    expect(CalendarDate.ageOn(d("2008-01-31"), d("2024-02-01"), "day-after-birthday")).toBe(16)
  })

  it("29 February birthdays", () => {
    const leapling = d("2004-02-29")
    for (const convention of ["birthday", "day-after-birthday"] as const) {
      // Common year: 28 February is still the old age, 1 March the new one.
      expect(CalendarDate.ageOn(leapling, d("2022-02-28"), convention)).toBe(17)
      expect(CalendarDate.ageOn(leapling, d("2022-03-01"), convention)).toBe(18)
      expect(CalendarDate.ageOn(leapling, d("2024-03-01"), convention)).toBe(20)
    }
    // Leap year: the birthday exists.
    expect(CalendarDate.ageOn(leapling, d("2024-02-29"))).toBe(20)
    expect(CalendarDate.ageOn(leapling, d("2024-02-29"), "day-after-birthday")).toBe(19)
  })

  it("matches a day-by-day count of birthdays", () => {
    // Reference: the number of Nth birthdays (the date itself, or 1 March for 29 February in a
    // common year) on or before `on`.
    const reference = (birth: CalendarDate.CalendarDate, on: CalendarDate.CalendarDate) => {
      const b = CalendarDate.toParts(birth)
      let age = -1
      for (let year = b.year; year <= CalendarDate.year(on) + 1; year++) {
        const anniversary = b.month === 2 && b.day === 29 && !CalendarDate.isLeapYear(year)
          ? `${year}-03-01`
          : `${year}-${String(b.month).padStart(2, "0")}-${String(b.day).padStart(2, "0")}`
        if (anniversary <= on) age++
      }
      return age
    }
    fc.assert(
      fc.property(calendarDate, calendarDate, (birth, on) => {
        fc.pre(birth <= on)
        expect(CalendarDate.ageOn(birth, on)).toBe(reference(birth, on))
      })
    )
  })

  it("is monotone in `on` under both conventions", () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, calendarDate, fc.constantFrom("birthday", "day-after-birthday" as const), (birth, x, y, convention) => {
        const [early, late] = x <= y ? [x, y] : [y, x]
        expect(CalendarDate.ageOn(birth, early, convention) <= CalendarDate.ageOn(birth, late, convention)).toBe(true)
      })
    )
  })

  it("the conventions differ only on the birthday itself, and then by one", () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (birth, on) => {
        const civil = CalendarDate.ageOn(birth, on, "birthday")
        const criminal = CalendarDate.ageOn(birth, on, "day-after-birthday")
        const sameDay = CalendarDate.month(birth) === CalendarDate.month(on) && CalendarDate.day(birth) === CalendarDate.day(on)
        expect(civil === criminal).toBe(!sameDay)
        if (sameDay) expect(civil - criminal).toBe(1)
      })
    )
  })

  it("the day after a birthday agrees under both conventions", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 120 }), (birth, years) => {
        const b = CalendarDate.toParts(birth)
        fc.pre(b.year + years <= 2199 && !(b.month === 2 && b.day === 29))
        const birthday = Result.getOrThrow(CalendarDate.fromParts(b.year + years, b.month, b.day))
        fc.pre(birthday !== "2199-12-31")
        const next = CalendarDate.addDays(birthday, 1)
        expect(CalendarDate.ageOn(birth, birthday)).toBe(years)
        expect(CalendarDate.ageOn(birth, birthday, "day-after-birthday")).toBe(years - 1)
        expect(CalendarDate.ageOn(birth, next, "day-after-birthday")).toBe(years)
      })
    )
  })
})
