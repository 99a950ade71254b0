import { describe, expectTypeOf, it } from "vitest"
import type { CalendarDate } from "../src/CalendarDate.ts"
import type { Fen } from "../src/Money.ts"
import * as Money from "../src/Money.ts"
import type { Ratio } from "../src/Ratio.ts"
import type { Allocation, Catalogue, Claim, DutyRow, LineCode, Row, Service, Standard, Subsidy } from "../src/subsidy/index.ts"
import { allocate, calculateCase, calculateDuty, tables, withRows } from "../src/subsidy/index.ts"

declare const claim: Claim
declare const subsidy: Subsidy

describe("subsidy types", () => {
  it("calculateCase takes a decoded claim, not raw JSON", () => {
    const raw = { region: "530103", caseId: "C-1", service: "civil", assignedOn: "2018-03-01", endedOn: "2018-09-30", endedBy: "concluded", recipients: 1 } as const
    // @ts-expect-error plain strings are not a RegionCode and CalendarDates: decode with decodeClaim first
    calculateCase(tables.panlong, raw)
    expectTypeOf(calculateCase).parameter(1).toEqualTypeOf<Claim>()
    expectTypeOf(calculateCase).parameter(0).toEqualTypeOf<Catalogue>()
    // @ts-expect-error a date must be a CalendarDate, not a string
    const badDate: Claim = { ...claim, assignedOn: "2018-03-01" }
    // @ts-expect-error complexity is an exact Ratio, not a float
    const badRatio: Claim = { ...claim, complexity: 1.5 }
    void badDate
    void badRatio
  })

  it("amounts are Fen: a plain number is refused where a row or a subsidy needs one", () => {
    // @ts-expect-error 20000 is a number, not Fen: use Money.fenUnsafe(20000)
    const bad: DutyRow = { kind: "duty", id: "duty-day", unit: "day", amount: 20000 }
    const good: DutyRow = { kind: "duty", id: "duty-day", unit: "day", amount: Money.fenUnsafe(20000) }
    // @ts-expect-error the rows of an override carry Fen too
    withRows(tables.panlong2018, [{ kind: "document", id: "document", amount: 10000 }])
    // @ts-expect-error an allocation needs a subsidy amount in Fen
    allocate({ amount: 100 }, [{ lawyerId: "L1" }])
    expectTypeOf(subsidy.amount).toEqualTypeOf<Fen>()
    expectTypeOf(subsidy.lines[0]!.amount).toEqualTypeOf<Fen>()
    expectTypeOf(subsidy.date).toEqualTypeOf<CalendarDate>()
    void bad
    void good
  })

  it("results and standards are read-only", () => {
    // @ts-expect-error a subsidy is read-only
    subsidy.amount = Money.fenUnsafe(1)
    // @ts-expect-error its lines too
    subsidy.lines.push(subsidy.lines[0]!)
    const s: Standard = tables.panlong2018
    // @ts-expect-error a standard's rows are read-only
    s.rows.push(s.rows[0]!)
  })

  it("vocabularies are closed unions", () => {
    expectTypeOf<Service>().toEqualTypeOf<"criminal" | "civil" | "administrative" | "labour-arbitration" | "non-litigation">()
    expectTypeOf<LineCode>().toEqualTypeOf<
      "base" | "early-end" | "outside-home-city" | "life-or-death" | "complexity" | "extra-recipients" | "unqualified" | "duty" | "consultation" | "document"
    >()
    expectTypeOf<Subsidy["dateRule"]>().toEqualTypeOf<"assigned-on" | "ended-on" | "worked-on">()
    // @ts-expect-error "bonus" is not a row kind
    const row: Row = { kind: "bonus", id: "b", amount: Money.fenUnsafe(1) }
    void row
    expectTypeOf<Extract<Row, { kind: "multiplier" }>["ratio"]>().toEqualTypeOf<Ratio>()
  })

  it("allocation and duty results are typed", () => {
    expectTypeOf(allocate).returns.toExtend<{ readonly _tag: "Success" | "Failure" }>()
    expectTypeOf<Allocation>().toEqualTypeOf<Allocation>()
    expectTypeOf(calculateDuty).parameter(1).toExtend<ReadonlyArray<{ readonly slot: "full" | "am" | "pm" }>>()
  })
})
