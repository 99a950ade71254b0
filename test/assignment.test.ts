import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Assigned, Assignment, AssignOptions, CaseToAssign, Exclusion, Lawyer, NoQualifiedLawyer } from "../src/assignment/index.ts"
import {
  assign,
  assignMany,
  decodeAssignmentInput,
  decodeBatchInput,
  explainAt,
  filters,
  recordAssignment,
  tieBreak
} from "../src/assignment/index.ts"
import * as Citation from "../src/Citation.ts"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decideUnsafe } from "../src/eligibility/decide.ts"
import { failure, ok } from "./support/result.ts"

/** A lawyer as raw input: ten years in Panlong, speaks zh, criminal specialty, room for cases. */
const lawyer = (id: string, o: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  firmId: `F-${id}`,
  region: "530103",
  yearsOfPractice: 10,
  languages: ["zh"],
  specialties: ["criminal"],
  minorsTrained: true,
  openCases: 0,
  maxOpenCases: 10,
  assignedCount: 0,
  ...o
})

const input = (c: Record<string, unknown>, pool: ReadonlyArray<Record<string, unknown>>): { case: CaseToAssign; pool: ReadonlyArray<Lawyer> } =>
  ok(decodeAssignmentInput({ case: { caseId: "2024-001", region: "530103", kind: "criminal-defence", requirements: {}, ...c }, pool }))

const run = (c: Record<string, unknown>, pool: ReadonlyArray<Record<string, unknown>>, options?: AssignOptions): Assignment => {
  const i = input(c, pool)
  return assign(i.case, i.pool, options)
}

const assigned = (r: Assignment): Assigned => {
  if (r._tag !== "Assigned") throw new Error(`expected an assignment, got ${r.explanation.join("\n")}`)
  return r
}

const unassigned = (r: Assignment): NoQualifiedLawyer => {
  if (r._tag !== "NoQualifiedLawyer") throw new Error(`expected no assignment, got ${r.lawyerId}`)
  return r
}

const exclusionOf = (r: Assignment, lawyerId: string): Exclusion | undefined => r.excluded.find((e) => e.lawyerId === lawyerId)

const requirementsFor = (applicant: Record<string, unknown>, matter: Record<string, unknown>) => {
  const app = ok(
    decodeApplication({
      date: "2024-05-10",
      region: "530103",
      applicant: { disabilities: [], statuses: [], hasLawyer: false, ...applicant },
      matter: { kind: "criminal-defence", stage: "trial", claims: [], ...matter }
    })
  )
  return decideUnsafe(app).requirements
}

describe("qualification", () => {
  it("LAL-26: a possible death sentence needs a lawyer with at least 3 years of practice", () => {
    const requirements = requirementsFor({ birthDate: "1980-01-01" }, { possibleSentence: "death" })
    expect(requirements.lawyerMinYears).toBe(3)
    const r = assigned(run({ requirements }, [lawyer("A", { yearsOfPractice: 2 }), lawyer("B", { yearsOfPractice: 3, assignedCount: 5 })]))
    expect(r.lawyerId).toBe("B")
    expect(exclusionOf(r, "A")).toEqual({
      lawyerId: "A",
      firmId: "F-A",
      filter: "qualification",
      rule: "qualification.years",
      reason: "2 years of practice; the case requires at least 3",
      reasonZh: "执业 2 年，本案要求至少 3 年",
      basis: "LAL-26"
    })
  })

  it("MPL-104-2: a minor's case goes to a lawyer trained for minors", () => {
    const requirements = requirementsFor({ birthDate: "2008-03-01" }, { possibleSentence: "fixed-term" })
    expect(requirements.minorsSpecialist).toBe(true)
    const r = assigned(run({ requirements }, [lawyer("A", { minorsTrained: false }), lawyer("B", { assignedCount: 9 })]))
    expect(r.lawyerId).toBe("B")
    expect(exclusionOf(r, "A")).toMatchObject({ filter: "qualification", rule: "qualification.minors", basis: "MPL-104-2" })
  })

  it("requires nothing when the case has no requirements", () => {
    const r = assigned(run({ requirements: {} }, [lawyer("A", { yearsOfPractice: 0, minorsTrained: false })]))
    expect(r.lawyerId).toBe("A")
    expect(r.excluded).toEqual([])
  })
})

describe("specialty and languages", () => {
  it("excludes a lawyer without the matter's specialty", () => {
    const r = assigned(run({ kind: "labour-arbitration", specialty: "labour" }, [lawyer("A"), lawyer("B", { specialties: ["labour", "family"] })]))
    expect(r.lawyerId).toBe("B")
    expect(exclusionOf(r, "A")).toMatchObject({ filter: "specialty", rule: "specialty.missing", reason: "lacks the specialty the case needs (labour)" })
    expect(exclusionOf(r, "A")?.basis).toBeUndefined()
  })

  it("excludes a lawyer missing any language the recipient needs, naming the missing ones", () => {
    const r = assigned(run({ languages: ["yi", "zh"] }, [lawyer("A"), lawyer("B", { languages: ["yi"] }), lawyer("C", { languages: ["zh", "yi"], assignedCount: 3 })]))
    expect(r.lawyerId).toBe("C")
    expect(exclusionOf(r, "A")).toMatchObject({ filter: "language", reason: "does not speak what the recipient needs: yi" })
    expect(exclusionOf(r, "B")).toMatchObject({ filter: "language", reasonZh: "不通晓受援人所需语言：zh" })
  })
})

describe("conflicts of interest", () => {
  it("excludes the whole firm when any of its lawyers acts for an opposing party", () => {
    const r = assigned(
      run({ opposingParties: ["P-9"] }, [
        lawyer("A", { firmId: "F1", actsFor: ["P-2", "P-9"] }),
        lawyer("B", { firmId: "F1" }),
        lawyer("C", { firmId: "F2", assignedCount: 7, actsFor: ["P-3"] })
      ])
    )
    expect(r.lawyerId).toBe("C")
    expect(exclusionOf(r, "A")).toMatchObject({ filter: "conflict", rule: "conflict.opposing-party", reason: "acts for the opposing party P-9" })
    expect(exclusionOf(r, "B")).toMatchObject({ filter: "conflict", rule: "conflict.firm", reason: "A of the same firm F1 acts for the opposing party P-9" })
    expect(r.excluded.every((e) => e.basis === undefined)).toBe(true)
  })

  it("never gives co-defendants the same lawyer", () => {
    const pool = input({}, [lawyer("A"), lawyer("B"), lawyer("C")]).pool
    let current = pool
    const taken: Array<string> = []
    for (const caseId of ["M-1/d1", "M-1/d2", "M-1/d3"]) {
      const c = input({ caseId, coDefendantLawyers: taken }, []).case
      const r = assigned(assign(c, current))
      expect(taken).not.toContain(r.lawyerId)
      for (const id of taken) expect(exclusionOf(r, id)).toMatchObject({ filter: "conflict", rule: "conflict.co-defendant" })
      taken.push(r.lawyerId)
      current = recordAssignment(current, r.lawyerId)
    }
    expect(new Set(taken).size).toBe(3)
    const fourth = unassigned(assign(input({ caseId: "M-1/d4", coDefendantLawyers: taken }, []).case, current))
    expect(fourth.excluded.map((e) => e.rule)).toEqual(["conflict.co-defendant", "conflict.co-defendant", "conflict.co-defendant"])
  })

  it("applies the duty-adviser rule (local) only when switched on", () => {
    const pool = [lawyer("A"), lawyer("B", { assignedCount: 1 })]
    const off = assigned(run({ dutyAdvisedCoAccused: ["A"] }, pool))
    expect(off.lawyerId).toBe("A")
    expect(off.explanation.some((l) => l.includes("Duty-adviser rule (local) is off"))).toBe(true)
    const on = assigned(run({ dutyAdvisedCoAccused: ["A"] }, pool, { dutyAdviserRule: true }))
    expect(on.lawyerId).toBe("B")
    expect(exclusionOf(on, "A")).toMatchObject({ filter: "conflict", rule: "conflict.duty-adviser" })
    expect(exclusionOf(on, "A")?.basis).toBeUndefined()
  })
})

describe("complaint, capacity and area", () => {
  it("LAL-55: a lawyer replaced after the recipient's complaint is not assigned again, even when next in turn", () => {
    const r = assigned(run({ excludedLawyers: ["A"] }, [lawyer("A"), lawyer("B", { assignedCount: 4 })]))
    expect(r.lawyerId).toBe("B")
    expect(exclusionOf(r, "A")).toMatchObject({ filter: "complaint", rule: "complaint.replaced", basis: "LAL-55" })
  })

  it("excludes a lawyer whose open cases are at the cap", () => {
    const r = assigned(run({}, [lawyer("A", { openCases: 10, maxOpenCases: 10 }), lawyer("B", { assignedCount: 4, openCases: 9 })]))
    expect(r.lawyerId).toBe("B")
    expect(exclusionOf(r, "A")).toMatchObject({ filter: "capacity", rule: "capacity.full", reason: "10 open cases, at the cap of 10" })
  })

  it("keeps to the station's catchment when the case names one", () => {
    const pool = [lawyer("A", { region: "530502" }), lawyer("B", { region: "530111", assignedCount: 2 })]
    const kunming = assigned(run({ area: "5301" }, pool))
    expect(kunming.lawyerId).toBe("B")
    expect(exclusionOf(kunming, "A")).toMatchObject({ filter: "area", rule: "area.outside", reason: "practises in 530502, outside the catchment 5301" })
    expect(assigned(run({ area: "000000" }, pool)).lawyerId).toBe("A")
    expect(assigned(run({}, pool)).lawyerId).toBe("A")
  })
})

describe("rotation", () => {
  it("picks the lowest assignedCount / weight, compared exactly", () => {
    // 3/2 < 2/1: the weighted lawyer is next although they have more assignments.
    const r = assigned(run({}, [lawyer("A", { assignedCount: 2 }), lawyer("B", { assignedCount: 3, weight: 2 })]))
    expect(r.lawyerId).toBe("B")
    expect(r.ranking.map((c) => [c.lawyerId, c.assignedCount, c.weight])).toEqual([["B", 3, 2], ["A", 2, 1]])
  })

  it("breaks a tie on the key by fewer open cases", () => {
    // 2/4 = 1/2: equal keys, so open cases decide.
    const r = assigned(run({}, [lawyer("A", { assignedCount: 1, weight: 2, openCases: 3 }), lawyer("B", { assignedCount: 2, weight: 4, openCases: 1 })]))
    expect(r.lawyerId).toBe("B")
    expect(r.explanation.at(-1)).toContain("fewer open cases (1 < 3)")
  })

  it("breaks a full tie by the stable hash of case and lawyer, never by input order", () => {
    const pool = [lawyer("A"), lawyer("B"), lawyer("C")]
    const expected = (caseId: string) => ["A", "B", "C"].sort((x, y) => tieBreak(caseId, x) - tieBreak(caseId, y))[0]
    for (const caseId of ["2024-001", "2024-002", "2024-003", "2024-004"]) {
      const r = assigned(run({ caseId }, pool))
      expect(r.lawyerId).toBe(expected(caseId))
      expect(assigned(run({ caseId }, [...pool].reverse()))).toEqual(r)
    }
  })

  it("rotates ties fairly across cases", () => {
    const ids = ["A", "B", "C", "D"]
    const wins = new Map(ids.map((id) => [id, 0]))
    const pool = input({}, ids.map((id) => lawyer(id))).pool
    for (let k = 0; k < 4000; k++) {
      const r = assigned(assign(input({ caseId: `2024-${k}` }, []).case, pool))
      wins.set(r.lawyerId, wins.get(r.lawyerId)! + 1)
    }
    for (const id of ids) expect(wins.get(id)).toBeGreaterThan(850)
  })
})

describe("no qualified lawyer", () => {
  it("lists every lawyer with the filter that removed them, in filter order", () => {
    const r = unassigned(
      run(
        { requirements: { lawyerMinYears: 3 }, specialty: "criminal", languages: ["yi"], opposingParties: ["P-1"], excludedLawyers: ["E"], area: "5301" },
        [
          lawyer("G", { region: "530502", languages: ["yi"] }),
          lawyer("F", { languages: ["yi"], openCases: 2, maxOpenCases: 2 }),
          lawyer("E", { languages: ["yi"] }),
          lawyer("D", { languages: ["yi"], actsFor: ["P-1"] }),
          lawyer("C"),
          lawyer("B", { specialties: [] }),
          lawyer("A", { yearsOfPractice: 1, openCases: 10 })
        ]
      )
    )
    expect(r.excluded.map((e) => [e.lawyerId, e.filter])).toEqual([
      ["A", "qualification"],
      ["B", "specialty"],
      ["C", "language"],
      ["D", "conflict"],
      ["E", "complaint"],
      ["F", "capacity"],
      ["G", "area"]
    ])
    expect(r.explanation.at(-1)).toBe("无合格律师，本案未指派。 / No qualified lawyer: the case is not assigned.")
    expect(r.explanation).toContain("资质（LAL-26）：排除 1 名（A）。 / Qualification (LAL-26): excluded 1 (A).")
    expect(r.excluded.map((e) => e.basis)).toEqual(["LAL-26", undefined, undefined, undefined, "LAL-55", undefined, undefined])
  })

  it("says so for an empty pool", () => {
    const r = unassigned(run({}, []))
    expect(r.excluded).toEqual([])
    expect(r.explanation[0]).toContain("0 lawyers considered")
  })
})

describe("explanations and citations", () => {
  it("explains in Chinese and English: how many were considered, each filter, and why this lawyer", () => {
    const r = assigned(run({ requirements: { lawyerMinYears: 3 } }, [lawyer("A", { yearsOfPractice: 1 }), lawyer("B"), lawyer("C", { assignedCount: 1 })]))
    expect(r.explanation[0]).toBe("案件 2024-001（criminal-defence，530103）：共考虑 3 名律师。 / Case 2024-001 (criminal-defence, 530103): 3 lawyers considered.")
    expect(r.explanation).toHaveLength(1 + filters.length + 2)
    expect(r.explanation).toContain("专业：本案不适用。 / Specialty: does not apply to this case.")
    expect(r.explanation).toContain("承办能力：无人被排除。 / Capacity: nobody excluded.")
    expect(r.explanation.at(-1)).toBe(
      "指派 B（律所 F-B）：已指派 0 件、权重 1，轮换键 0/1，为最低（其次为 C，1/1）。 / Assigned B (firm F-B): 0 assignments at weight 1, rotation key 0/1, the lowest (next: C at 1/1)."
    )
  })

  it("cites only provisions in the catalogue", () => {
    const r = run(
      { requirements: { lawyerMinYears: 5, minorsSpecialist: true }, excludedLawyers: ["C"] },
      [lawyer("A", { yearsOfPractice: 1 }), lawyer("B", { minorsTrained: false }), lawyer("C")]
    )
    const bases = r.excluded.flatMap((e) => (e.basis === undefined ? [] : [e.basis]))
    expect(bases).toEqual(["LAL-26", "MPL-104-2", "LAL-55"])
    for (const b of bases) expect(Citation.isKnown(b)).toBe(true)
  })
})

describe("decoding", () => {
  it("reports every bad field with its path", () => {
    const e = failure(
      decodeAssignmentInput({
        case: { caseId: "", region: "5300", kind: "murder", requirements: { lawyerMinYears: -1, basis: ["XYZ-1"] }, languages: ["yi", 3], extra: 1 },
        pool: [
          lawyer("A", { weight: 0 }),
          { ...lawyer("A", { yearsOfPractice: 5.5, minorsTrained: "no" }), assignedCount: undefined }
        ]
      })
    )
    expect(e._tag).toBe("InvalidAssignmentInput")
    expect(e.issues.map((i) => i.path).sort()).toEqual(
      [
        "case.extra",
        "case.caseId",
        "case.region",
        "case.kind",
        "case.requirements.lawyerMinYears",
        "case.requirements.basis[0]",
        "case.languages[1]",
        "pool[0].weight",
        "pool[1].yearsOfPractice",
        "pool[1].minorsTrained",
        "pool[1].assignedCount",
        "pool[1].id"
      ].sort()
    )
    expect(e.message).toContain("pool[1].id: is the id of pool[0] too")
  })

  it("accepts the requirements that decide returns", () => {
    const requirements = requirementsFor({ birthDate: "2008-03-01" }, { possibleSentence: "death" })
    expect(requirements).toEqual({ lawyerMinYears: 3, minorsSpecialist: true, basis: ["LAL-26", "MPL-104-2"] })
    expect(input({ requirements }, []).case.requirements).toEqual(requirements)
  })

  it("decodes a batch, with a prefix for the paths", () => {
    expect(Result.isSuccess(decodeBatchInput({ cases: [], pool: [lawyer("A")] }))).toBe(true)
    const e = failure(decodeBatchInput({ cases: [{ caseId: "x" }], pool: [] }, "batch"))
    expect(e.issues.map((i) => i.path)).toEqual(["batch.cases[0].region", "batch.cases[0].kind", "batch.cases[0].requirements"])
  })
})

describe("assignMany", () => {
  it("advances the rotation case by case and returns the final pool in input order", () => {
    const pool = input({}, [lawyer("C"), lawyer("A"), lawyer("B", { weight: 2 })]).pool
    const cases = Array.from({ length: 8 }, (_, k) => input({ caseId: `K-${k}` }, []).case)
    const { assignments, pool: after } = assignMany(cases, pool)
    expect(assignments.every((a) => a._tag === "Assigned")).toBe(true)
    expect(after.map((l) => [l.id, l.assignedCount, l.openCases])).toEqual([
      ["C", 2, 2],
      ["A", 2, 2],
      ["B", 4, 4]
    ])
  })

  it("agrees with assign case by case, and explainAt gives an unplaced case's full account", () => {
    const pool = input({}, [lawyer("A", { maxOpenCases: 1 }), lawyer("B", { maxOpenCases: 2, languages: ["zh", "yi"] })]).pool
    const cases = [
      input({ caseId: "K-0" }, []).case,
      input({ caseId: "K-1", languages: ["yi"] }, []).case,
      input({ caseId: "K-2" }, []).case,
      input({ caseId: "K-3" }, []).case
    ]
    const { assignments } = assignMany(cases, pool)
    let current = pool
    cases.forEach((c, k) => {
      const r = assign(c, current)
      const batch = assignments[k]!
      expect(batch._tag).toBe(r._tag)
      if (r._tag === "Assigned") {
        expect(batch).toEqual({ _tag: "Assigned", caseId: r.caseId, lawyerId: r.lawyerId, firmId: r.firmId })
        current = recordAssignment(current, r.lawyerId)
      }
    })
    const last = assignments[3]!
    expect(last).toEqual({
      _tag: "NoQualifiedLawyer",
      caseId: "K-3",
      excludedBy: { qualification: 0, specialty: 0, language: 0, conflict: 0, complaint: 0, capacity: 2, area: 0 },
      explanation: ["案件 K-3：无合格律师，未指派（排除：承办能力 2 名）。 / Case K-3: no qualified lawyer, not assigned (excluded: capacity 2)."]
    })
    const account = unassigned(explainAt(cases, pool, 3)!)
    expect(account.excluded.map((e) => [e.lawyerId, e.rule])).toEqual([["A", "capacity.full"], ["B", "capacity.full"]])
    expect(explainAt(cases, pool, 4)).toBeUndefined()
  })

  it("handles pools the fast engine cannot hold (counts beyond 32 bits) the same way", () => {
    const big = 2 ** 40
    const pool: ReadonlyArray<Lawyer> = input({}, [lawyer("A"), lawyer("B")]).pool.map((l, i) => ({ ...l, assignedCount: big + i }))
    const cases = Array.from({ length: 3 }, (_, k) => input({ caseId: `K-${k}` }, []).case)
    const { assignments, pool: after } = assignMany(cases, pool)
    expect(assignments.map((a) => (a._tag === "Assigned" ? a.lawyerId : "-"))).toEqual(["A", "B", "A"])
    expect(after.map((l) => l.assignedCount)).toEqual([big + 2, big + 2])
  })
})
