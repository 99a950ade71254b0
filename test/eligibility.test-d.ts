import { describe, expectTypeOf, it } from "vitest"
import type { CitationId } from "../src/Citation.ts"
import type { Application, Decision, Outcome } from "../src/eligibility/index.ts"
import { decide } from "../src/eligibility/index.ts"

describe("eligibility types", () => {
  it("decide takes a decoded application, not raw input", () => {
    const raw = {
      date: "2024-05-10",
      region: "530103",
      applicant: { disabilities: [], statuses: [], hasLawyer: false },
      matter: { kind: "civil", claims: [] }
    } as const
    // @ts-expect-error a plain string is not a CalendarDate: decode with decodeApplication first
    decide(raw)
    expectTypeOf(decide).parameter(0).toEqualTypeOf<Application>()
  })

  it("citation ids are checked at compile time", () => {
    const ok: CitationId = "LAL-25-1-1"
    // @ts-expect-error not a known source
    const bad: CitationId = "FOO-1"
    // @ts-expect-error an article is a number
    const alsoBad: CitationId = "LAL-twenty"
    expectTypeOf(ok).toExtend<string>()
    void bad
    void alsoBad
  })

  it("outcomes and means-test statuses are closed unions", () => {
    expectTypeOf<Outcome>().toEqualTypeOf<"mandatory" | "eligible" | "ineligible" | "not-yet-eligible" | "incomplete">()
    expectTypeOf<Decision["meansTest"]["status"]>().toEqualTypeOf<
      "not-required" | "verification-exempt" | "passed" | "failed" | "recognised" | "not-recognised" | "not-assessed"
    >()
    // @ts-expect-error decisions are read-only
    const mutate = (d: Decision) => (d.outcome = "eligible")
    void mutate
  })
})
