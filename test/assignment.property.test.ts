import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Assignment, AssignOptions, BatchResult, CaseToAssign, Filter, Lawyer } from "../src/assignment/index.ts"
import { assign, assignMany, explainAt, filters, recordAssignment, tieBreak } from "../src/assignment/index.ts"
import * as Citation from "../src/Citation.ts"
import type { RegionCode } from "../src/Region.ts"
import { caseRun, caseToAssign, languages, lawyerWithId, options, pool, reordered, specialties } from "./support/assignment-arbitraries.ts"

/**
 * The filters, written again from the brief without looking at the implementation: the first that
 * excludes `lawyer` from case `c`, or `undefined` when the lawyer qualifies.
 */
const firstFailing = (c: CaseToAssign, lawyer: Lawyer, everyone: ReadonlyArray<Lawyer>, o: AssignOptions): Filter | undefined => {
  const opposing = c.opposingParties ?? []
  const actsAgainst = (l: Lawyer) => (l.actsFor ?? []).some((p) => opposing.includes(p))
  if (lawyer.yearsOfPractice < (c.requirements.lawyerMinYears ?? 0)) return "qualification"
  if (c.requirements.minorsSpecialist === true && !lawyer.minorsTrained) return "qualification"
  if (c.specialty !== undefined && !lawyer.specialties.includes(c.specialty)) return "specialty"
  if ((c.languages ?? []).some((x) => !lawyer.languages.includes(x))) return "language"
  if (everyone.some((l) => l.firmId === lawyer.firmId && actsAgainst(l))) return "conflict"
  if ((c.coDefendantLawyers ?? []).includes(lawyer.id)) return "conflict"
  if (o.dutyAdviserRule === true && (c.dutyAdvisedCoAccused ?? []).includes(lawyer.id)) return "conflict"
  if ((c.excludedLawyers ?? []).includes(lawyer.id)) return "complaint"
  if (lawyer.openCases >= lawyer.maxOpenCases) return "capacity"
  if (c.area !== undefined && c.area !== "000000" && !lawyer.region.startsWith(c.area)) return "area"
  return undefined
}

const qualified = (c: CaseToAssign, lawyers: ReadonlyArray<Lawyer>, o: AssignOptions) =>
  lawyers.filter((l) => firstFailing(c, l, lawyers, o) === undefined)

/** The model of `assignMany`: `assign` one case at a time, recording each assignment. */
const fold = (cases: ReadonlyArray<CaseToAssign>, lawyers: ReadonlyArray<Lawyer>, o: AssignOptions) => {
  let current = lawyers
  const results: Array<Assignment> = []
  for (const c of cases) {
    const r = assign(c, current, o)
    results.push(r)
    if (r._tag === "Assigned") current = recordAssignment(current, r.lawyerId)
  }
  return { results, pool: current }
}

const byId = (a: Lawyer, b: Lawyer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

describe("assignment properties", () => {
  it("excludes exactly the lawyers some filter removes, under the first such filter, and never picks one of them", () => {
    fc.assert(
      fc.property(caseToAssign(), pool, options, (c, lawyers, o) => {
        const r = assign(c, lawyers, o)
        const expected = new Map(lawyers.map((l) => [l.id, firstFailing(c, l, lawyers, o)]))
        expect(r.excluded).toHaveLength([...expected.values()].filter((f) => f !== undefined).length)
        for (const e of r.excluded) {
          expect(e.filter).toBe(expected.get(e.lawyerId))
          if (e.basis !== undefined) expect(Citation.isKnown(e.basis)).toBe(true)
        }
        if (r._tag === "Assigned") {
          expect(expected.get(r.lawyerId)).toBeUndefined()
          expect(r.excluded.some((e) => e.lawyerId === r.lawyerId)).toBe(false)
          expect(r.firmId).toBe(lawyers.find((l) => l.id === r.lawyerId)!.firmId)
        } else {
          expect(r.excluded.map((e) => e.lawyerId).sort()).toEqual(lawyers.map((l) => l.id).sort())
        }
      })
    )
  })

  it("picks the qualified lawyer with the lowest rotation key, then the fewest open cases, then the lowest hash", () => {
    fc.assert(
      fc.property(caseToAssign(), pool, options, (c, lawyers, o) => {
        const r = assign(c, lawyers, o)
        const candidates = qualified(c, lawyers, o)
        expect(r._tag).toBe(candidates.length > 0 ? "Assigned" : "NoQualifiedLawyer")
        if (r._tag !== "Assigned") return
        const chosen = lawyers.find((l) => l.id === r.lawyerId)!
        const w = (l: Lawyer) => BigInt(l.weight ?? 1)
        for (const q of candidates) {
          const left = BigInt(chosen.assignedCount) * w(q)
          const right = BigInt(q.assignedCount) * w(chosen)
          expect(left <= right).toBe(true)
          if (left === right) {
            expect(chosen.openCases).toBeLessThanOrEqual(q.openCases)
            if (chosen.openCases === q.openCases) expect(tieBreak(c.caseId, chosen.id)).toBeLessThanOrEqual(tieBreak(c.caseId, q.id))
          }
        }
        expect(r.ranking.map((x) => x.lawyerId).sort()).toEqual(candidates.map((l) => l.id).sort())
        expect(r.ranking[0]!.lawyerId).toBe(r.lawyerId)
      })
    )
  })

  it("does not depend on the order of the pool or of any list in it", () => {
    fc.assert(
      fc.property(
        caseToAssign(),
        options,
        pool.chain((lawyers) => fc.tuple(fc.constant(lawyers), reordered(lawyers))),
        (c, o, [lawyers, shuffled]) => {
          const reversedCase: CaseToAssign = {
            ...c,
            ...(c.languages === undefined ? {} : { languages: [...c.languages].reverse() }),
            ...(c.opposingParties === undefined ? {} : { opposingParties: [...c.opposingParties].reverse() })
          }
          expect(assign(reversedCase, shuffled, o)).toEqual(assign(c, lawyers, o))
        }
      )
    )
  })

  it("never gives co-defendants the same lawyer", () => {
    fc.assert(
      fc.property(pool, fc.integer({ min: 1, max: 8 }), caseToAssign(), options, (lawyers, defendants, template, o) => {
        let current = lawyers
        const taken: Array<string> = []
        for (let d = 0; d < defendants; d++) {
          const r = assign({ ...template, caseId: `${template.caseId}/${d}`, coDefendantLawyers: [...taken] }, current, o)
          if (r._tag !== "Assigned") continue
          expect(taken).not.toContain(r.lawyerId)
          taken.push(r.lawyerId)
          current = recordAssignment(current, r.lawyerId)
        }
      })
    )
  })

  it("assignMany gives what assign gives one case at a time, and the same final pool", () => {
    fc.assert(
      fc.property(caseRun(25), pool, options, (cases, lawyers, o) => {
        const batch: BatchResult = assignMany(cases, lawyers, o)
        const model = fold(cases, lawyers, o)
        expect(batch.assignments).toHaveLength(cases.length)
        model.results.forEach((r, k) => {
          const b = batch.assignments[k]!
          if (r._tag === "Assigned") {
            expect(b).toEqual({ _tag: "Assigned", caseId: r.caseId, lawyerId: r.lawyerId, firmId: r.firmId })
          } else {
            expect(b._tag).toBe("NoQualifiedLawyer")
            const counts = Object.fromEntries(filters.map((f) => [f, r.excluded.filter((e) => e.filter === f).length]))
            expect(b._tag === "NoQualifiedLawyer" && b.excludedBy).toEqual(counts)
          }
        })
        expect(batch.pool).toEqual(model.pool)
      })
    )
  })

  it("explainAt gives the full account of any case of a batch", () => {
    fc.assert(
      fc.property(caseRun(12), pool, options, fc.nat(), (cases, lawyers, o, pickK) => {
        fc.pre(cases.length > 0)
        const k = pickK % cases.length
        expect(explainAt(cases, lawyers, k, o)).toEqual(fold(cases, lawyers, o).results[k])
      })
    )
  })

  it("assignMany does not depend on the order of the pool", () => {
    fc.assert(
      fc.property(
        caseRun(20),
        options,
        pool.chain((lawyers) => fc.tuple(fc.constant(lawyers), reordered(lawyers))),
        (cases, o, [lawyers, shuffled]) => {
          const a = assignMany(cases, lawyers, o)
          const b = assignMany(cases, shuffled, o)
          expect(b.assignments).toEqual(a.assignments)
          const counts = (p: ReadonlyArray<Lawyer>) => [...p].sort(byId).map((l) => [l.id, l.assignedCount, l.openCases])
          expect(counts(b.pool)).toEqual(counts(a.pool))
        }
      )
    )
  })

  it("keeps interchangeable lawyers within one assignment of each other, weighted", () => {
    // Lawyers who qualify for every case, each in a firm of their own, starting from nothing.
    const universal = (id: string, weight: number): Lawyer => ({
      id,
      firmId: `solo-${id}`,
      region: "530103" as RegionCode,
      yearsOfPractice: 30,
      languages: [...languages],
      specialties: [...specialties],
      minorsTrained: true,
      openCases: 0,
      maxOpenCases: 1_000,
      assignedCount: 0,
      weight
    })
    const group = fc.uniqueArray(fc.constantFrom("U0", "U1", "U2", "U3", "U4"), { minLength: 2 }).chain((ids) =>
      fc.tuple(...ids.map((id) => fc.integer({ min: 1, max: 3 }).map((w) => universal(id, w))))
    )
    const others = fc.uniqueArray(fc.constantFrom("L0", "L1", "L2", "L3", "L4", "L5"), { maxLength: 6 }).chain((ids) => fc.tuple(...ids.map(lawyerWithId)))
    // Cases whose catchment, if any, contains Panlong; lawyer lists never name the group.
    const cases = caseRun(60).map((cs) =>
      cs.map((c): CaseToAssign => (c.area === undefined || "530103".startsWith(c.area) || c.area === "000000" ? c : { ...c, area: "5301" as RegionCode }))
    )
    fc.assert(
      fc.property(group, others, cases, options, (members, rest, run, o) => {
        const { pool: after } = assignMany(run, [...members, ...rest], o)
        const counts = new Map(after.map((l) => [l.id, l.assignedCount]))
        for (const a of members) {
          for (const b of members) {
            const ca = BigInt(counts.get(a.id)!)
            const cb = BigInt(counts.get(b.id)!)
            // Take one assignment back from a, and a's weighted count is at most b's.
            expect((ca - 1n) * BigInt(b.weight!) <= cb * BigInt(a.weight!)).toBe(true)
          }
        }
      })
    )
  })
})
