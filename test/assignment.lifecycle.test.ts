import { describe, expect, it } from "vitest"
import { assign, assignCommand, caseToAssign, explainRationale, reassignCommand } from "../src/assignment/index.ts"
import type { Lawyer } from "../src/assignment/index.ts"
import * as Region from "../src/Region.ts"
import { ctx, Driver, panlong } from "./support/lifecycle.ts"

const lawyer = (id: string, extra: Partial<Lawyer> = {}): Lawyer => ({
  id,
  firmId: `F-${id}`,
  region: Region.makeUnsafe("530103"),
  yearsOfPractice: 5,
  languages: [],
  specialties: ["criminal"],
  minorsTrained: false,
  openCases: 0,
  maxOpenCases: 10,
  assignedCount: 0,
  ...extra
})

describe("assignment in the lifecycle", () => {
  it("a notified minor's defence goes to a lawyer trained for minors, and the event records why", () => {
    const d = new Driver()
    d.run({ type: "notify", caseId: "n1", region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAL-25-1-1"] }, ctx("2024-05-06", "intake"))
    const pool = [lawyer("A", { assignedCount: 0 }), lawyer("B", { minorsTrained: true, assignedCount: 4 })]
    const choice = assign(caseToAssign(d.case!), pool)
    expect(choice._tag).toBe("Assigned")
    if (choice._tag !== "Assigned") return
    expect(choice.lawyerId).toBe("B")
    expect(choice.excluded).toMatchObject([{ lawyerId: "A", filter: "qualification", basis: "MPL-104-2" }])
    const [event] = d.run(assignCommand(choice), ctx("2024-05-07", "dispatcher"))
    // The event records the rationale as data; its words are written again from it, to the letter.
    expect(event).toMatchObject({ type: "LawyerAssigned", lawyerId: "B", rationale: choice.rationale })
    expect(event).not.toHaveProperty("explanation")
    const c = d.case!
    expect(explainRationale((event as { rationale: typeof choice.rationale }).rationale, { caseId: c.id, kind: c.kind, region: c.region })).toEqual(choice.explanation)
    expect(choice.explanation.length).toBeGreaterThan(0)
  })

  it("after a complaint (LAL-55) the replaced lawyer is excluded from the next choice", () => {
    const d = new Driver()
    d.run({ type: "notify", caseId: "n2", region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAL-25-1-4"] }, ctx("2024-05-06", "intake"))
    const pool = [lawyer("A", { yearsOfPractice: 2 }), lawyer("B", { yearsOfPractice: 8 }), lawyer("C", { yearsOfPractice: 12, assignedCount: 1 })]
    const first = assign(caseToAssign(d.case!), pool)
    if (first._tag !== "Assigned") throw new Error("expected an assignment")
    expect(first.lawyerId).toBe("B")
    expect(first.excluded).toMatchObject([{ lawyerId: "A", basis: "LAL-26" }])
    d.run(assignCommand(first), ctx("2024-05-07", "dispatcher"))
    d.run({ type: "startHandling" }, ctx("2024-05-08", "lawyer", { id: "B" }))
    const second = assign(caseToAssign(d.case!, { excludedLawyers: ["B"] }), pool)
    if (second._tag !== "Assigned") throw new Error("expected an assignment")
    expect(second.lawyerId).toBe("C")
    d.run(reassignCommand(second, "complaint"), ctx("2024-05-09", "dispatcher"))
    expect(d.case).toMatchObject({ lawyer: { lawyerId: "C" }, excludedLawyers: ["B"] })
    expect(caseToAssign(d.case!).excludedLawyers).toEqual(["B"])
  })
})
