/**
 * Misuse the compiler must reject. Run by vitest's typecheck mode (see vitest.config.ts).
 */
import { Result } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Money from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import * as Region from "../src/Region.ts"
import * as ResidentId from "../src/ResidentId.ts"

describe("Money", () => {
  it("a plain number is not a Fen", () => {
    expectTypeOf<number>().not.toExtend<Money.Fen>()
    expectTypeOf<Money.Fen>().toExtend<number>()
    // @ts-expect-error a number literal is not a Fen
    Money.add(100, Money.zero)
    // @ts-expect-error a number literal is not a Fen
    const amount: Money.Fen = 5
    void amount
  })

  it("multiply needs a rounding mode by name", () => {
    const half = Ratio.makeUnsafe(1, 2)
    expectTypeOf(Money.multiply(Money.zero, half, "half-even")).toEqualTypeOf<Money.Fen>()
    // @ts-expect-error the rounding mode is required
    Money.multiply(Money.zero, half)
    // @ts-expect-error only the named modes exist
    Money.multiply(Money.zero, half, "HALF_EVEN")
    expectTypeOf<Money.Rounding>().toEqualTypeOf<"up" | "down" | "ceiling" | "floor" | "half-up" | "half-down" | "half-even">()
  })

  it("expected failures are in the type", () => {
    expectTypeOf(Money.fromYuan("1.00")).toEqualTypeOf<Result.Result<Money.Fen, Money.InvalidAmount>>()
    expectTypeOf(Money.allocate(Money.zero, [1])).toEqualTypeOf<Result.Result<Array<Money.Fen>, Money.InvalidAllocation>>()
  })
})

describe("CalendarDate", () => {
  it("a plain string is not a CalendarDate", () => {
    expectTypeOf<string>().not.toExtend<CalendarDate.CalendarDate>()
    expectTypeOf<CalendarDate.CalendarDate>().toExtend<string>()
    // @ts-expect-error a string literal is not a CalendarDate
    CalendarDate.addDays("2018-01-01", 1)
    expectTypeOf(CalendarDate.parse("2018-01-01")).toEqualTypeOf<Result.Result<CalendarDate.CalendarDate, CalendarDate.InvalidCalendarDate>>()
  })

  it("ageOn takes only the named conventions", () => {
    const d = CalendarDate.makeUnsafe("2018-01-01")
    // @ts-expect-error not a convention
    CalendarDate.ageOn(d, d, "lunar")
  })
})

describe("Region", () => {
  it("a plain string is not a RegionCode", () => {
    expectTypeOf<string>().not.toExtend<Region.RegionCode>()
    // @ts-expect-error a string literal is not a RegionCode
    Region.ancestors("530103")
    // @ts-expect-error a CalendarDate is not a RegionCode either
    Region.level(CalendarDate.makeUnsafe("2018-01-01"))
    expectTypeOf(Region.level).returns.toEqualTypeOf<"national" | "province" | "city" | "county">()
  })
})

describe("ResidentId", () => {
  it("only parse makes one; the raw number is not a ResidentId", () => {
    // @ts-expect-error a string is not a ResidentId
    const id: ResidentId.ResidentId = "11010519491231002X"
    void id
    // @ts-expect-error the constructor key is private to the module
    new ResidentId.ResidentId(Symbol("fayuan/ResidentId"), "11010519491231002X")
    expectTypeOf(ResidentId.parse("")).toEqualTypeOf<Result.Result<ResidentId.ResidentId, ResidentId.InvalidResidentId>>()
    expectTypeOf<ResidentId.InvalidResidentId["reason"]>().toEqualTypeOf<"type" | "length" | "characters" | "region" | "birth-date" | "check-digit">()
  })
})

describe("Ratio", () => {
  it("fromDecimal returns a Result, makeUnsafe a Ratio", () => {
    expectTypeOf(Ratio.fromDecimal("0.5")).toEqualTypeOf<Result.Result<Ratio.Ratio, Ratio.InvalidRatio>>()
    expectTypeOf(Ratio.makeUnsafe(1, 2)).toEqualTypeOf<Ratio.Ratio>()
    // @ts-expect-error a number is not a Ratio
    Ratio.multiply(0.5, Ratio.one)
  })
})

describe("areas as namespaces of the root entry", () => {
  it("keeps the names one area shares with another apart, and each concept defined once", async () => {
    const root = await import("../src/index.ts")
    expectTypeOf<typeof root.Assignment.assignCase>().toEqualTypeOf<typeof import("../src/assignment/index.ts").assignCase>()
    // A duty-roster lawyer has availability; an assignment candidate has counts.
    expectTypeOf<import("../src/index.ts").Roster.Lawyer>().toHaveProperty("unavailable")
    expectTypeOf<import("../src/index.ts").Assignment.Lawyer>().toHaveProperty("openCases")
    // The assignment requirements are one type on the decision, the case and the assignment input.
    type One = import("../src/index.ts").AssignmentRequirements.AssignmentRequirements
    expectTypeOf<import("../src/index.ts").Lifecycle.AssignmentRequirements>().toEqualTypeOf<One>()
    expectTypeOf<import("../src/index.ts").Assignment.CaseToAssign["requirements"]>().toEqualTypeOf<One>()
    expectTypeOf<import("../src/index.ts").Eligibility.Requirements>().toMatchTypeOf<One>()
  })
})
