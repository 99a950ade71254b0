import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Citation from "../src/Citation.ts"
import type { Application } from "../src/eligibility/Application.ts"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decide } from "../src/eligibility/decide.ts"
import type { Decision } from "../src/eligibility/Decision.ts"
import type { Overrides } from "../src/Parameter.ts"
import { application, hardshipOverrides } from "./support/applications.ts"

const run = (app: Application, parameters: Overrides): Decision => {
  const r = decide(app, { parameters })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

const withIncome = (app: Application, monthlyIncomeFen: number): Application => ({
  ...app,
  applicant: { ...app.applicant, household: { ...app.applicant.household!, monthlyIncomeFen } }
})

const rank = { eligible: 2, mandatory: 2, incomplete: 1, "not-yet-eligible": 0, ineligible: 0 } as const

describe("eligibility properties", () => {
  it("decides every well-formed application (with the standard supplied) without throwing", () => {
    fc.assert(
      fc.property(application, hardshipOverrides, (app, p) => {
        const r = decide(app, { parameters: p })
        expect(Result.isSuccess(r)).toBe(true)
      })
    )
  })

  it("raising household income never turns a failed means test into a passed one, nor ineligible into eligible", () => {
    fc.assert(
      fc.property(
        application.filter((a) => a.applicant.household !== undefined),
        hardshipOverrides,
        fc.integer({ min: 1, max: 2_000_000 }),
        (app, p, raise) => {
          const before = run(app, p)
          const after = run(withIncome(app, app.applicant.household!.monthlyIncomeFen + raise), p)
          if (before.meansTest.status === "failed") expect(after.meansTest.status).toBe("failed")
          if (before.outcome === "ineligible") expect(after.outcome).toBe("ineligible")
          expect(rank[after.outcome]).toBeLessThanOrEqual(rank[before.outcome])
        }
      )
    )
  })

  it("mandatory outcomes never depend on income or the household", () => {
    fc.assert(
      fc.property(application, hardshipOverrides, fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }), (app, p, income) => {
        const d = run(app, p)
        fc.pre(d.outcome === "mandatory")
        const { household: _, ...rest } = app.applicant
        const other: Application =
          income === undefined ? { ...app, applicant: rest } : { ...app, applicant: { ...rest, household: { members: 1, monthlyIncomeFen: income, area: "urban" } } }
        const e = run(other, p)
        expect(e.outcome).toBe("mandatory")
        expect(e.citations).toEqual(d.citations)
        expect(e.requirements).toEqual(d.requirements)
      })
    )
  })

  it("is deterministic and independent of the order of list fields", () => {
    fc.assert(
      fc.property(application, hardshipOverrides, fc.func(fc.integer()), (app, p, key) => {
        const shuffle = <A>(xs: ReadonlyArray<A>) => [...xs].sort((a, b) => key(a) - key(b))
        const shuffled: Application = {
          ...app,
          applicant: { ...app.applicant, disabilities: shuffle(app.applicant.disabilities), statuses: shuffle(app.applicant.statuses) },
          matter: { ...app.matter, claims: shuffle(app.matter.claims) }
        }
        expect(run(shuffled, p)).toEqual(run(app, p))
      })
    )
  })

  it("every cited id, in citations, means test, requirements, missing facts, advisories and trace, is a known citation", () => {
    fc.assert(
      fc.property(application, hardshipOverrides, (app, p) => {
        const d = run(app, p)
        const ids = [
          ...d.citations,
          ...("basis" in d.meansTest ? d.meansTest.basis : []),
          ...d.requirements.basis,
          ...d.missing.flatMap((m) => m.basis),
          ...d.advisories.map((a) => a.basis),
          ...(d.trace ?? []).flatMap((s) => (s.basis === undefined ? [] : [s.basis]))
        ]
        for (const id of ids) expect(Citation.isKnown(id), id).toBe(true)
        // and the citations a decision rests on were in force on its date
        for (const id of d.citations) expect(Citation.inForceOn(Citation.describe(id)!, app.date), `${id} on ${app.date}`).toBe(true)
      })
    )
  })

  it("incomplete exactly when facts are missing; a failed means test reports a positive margin", () => {
    fc.assert(
      fc.property(application, hardshipOverrides, (app, p) => {
        const d = run(app, p)
        expect(d.outcome === "incomplete").toBe(d.missing.length > 0)
        if (d.meansTest.status === "failed") {
          expect(d.meansTest.marginFen).toBe(d.meansTest.monthlyIncomeFen - d.meansTest.thresholdFen)
          expect(d.meansTest.marginFen).toBeGreaterThan(0)
        }
        if (d.meansTest.status === "passed") expect(d.meansTest.monthlyIncomeFen).toBeLessThanOrEqual(d.meansTest.thresholdFen)
      })
    )
  })

  it("the threshold passes and one fen above fails", () => {
    fc.assert(
      fc.property(
        application.filter((a) => a.applicant.household !== undefined),
        hardshipOverrides,
        (app, p) => {
          const d = run(app, p)
          fc.pre(d.meansTest.status === "passed" || d.meansTest.status === "failed")
          if (d.meansTest.status !== "passed" && d.meansTest.status !== "failed") return
          const line = d.meansTest.thresholdFen
          expect(run(withIncome(app, line), p).meansTest.status).toBe("passed")
          expect(run(withIncome(app, line + 1), p).meansTest.status).toBe("failed")
        }
      )
    )
  })

  it("a decision without a trace equals the traced one less its trace", () => {
    fc.assert(
      fc.property(application, hardshipOverrides, (app, p) => {
        const { trace: _, ...traced } = run(app, p)
        expect(decide(app, { parameters: p, trace: false })).toEqual(Result.succeed(traced))
      })
    )
  })
})

describe("decoding arbitrary input", () => {
  it("any JSON value either decodes or gives an InvalidApplication, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = decodeApplication(input)
        if (Result.isFailure(r)) {
          expect(r.failure._tag).toBe("InvalidApplication")
          expect(r.failure.issues.length).toBeGreaterThan(0)
        }
      })
    )
  })

  it("a valid application with one field replaced by any value decodes or names that field", () => {
    const paths = ["date", "region", "applicant.birthDate", "applicant.hasLawyer", "applicant.household", "applicant.statuses", "matter.kind", "matter.claims", "matter.stage"]
    fc.assert(
      fc.property(application, fc.constantFrom(...paths), fc.anything(), (app, path, value) => {
        const json = JSON.parse(JSON.stringify(app)) as Record<string, Record<string, unknown>>
        const [a, b] = path.split(".") as [string, string | undefined]
        if (b === undefined) (json as Record<string, unknown>)[a] = value
        else json[a]![b] = value
        const r = decodeApplication(json)
        if (Result.isFailure(r)) {
          expect(r.failure.issues.some((i) => i.path.startsWith(path) || i.path.startsWith(a))).toBe(true)
        }
      })
    )
  })

  it("round-trips: a decoded application serialised to JSON decodes to the same value", () => {
    fc.assert(
      fc.property(application, (app) => {
        expect(decodeApplication(JSON.parse(JSON.stringify(app)))).toEqual(Result.succeed(app))
      })
    )
  })
})
