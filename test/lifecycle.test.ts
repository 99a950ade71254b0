import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { clockStatus, dueOn, timeliness } from "../src/lifecycle/Clock.ts"
import { decodeCommand } from "../src/lifecycle/Command.ts"
import { machine, toMermaid } from "../src/lifecycle/machine.ts"
import { chinaDate } from "../src/lifecycle/time.ts"
import { chinaYears } from "../src/rules/china-calendar.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import { applyCommand, ctx, day, Driver, eligible, eligible2018, ineligible, panlong } from "./support/lifecycle.ts"

const granted = (date = "2024-05-06") => {
  const d = new Driver()
  d.run(applyCommand(), ctx(date, "intake"))
  d.run({ type: "decide", eligibility: eligible }, ctx(date, "reviewer"))
  return d
}

const handling = (date = "2024-05-06") => {
  const d = granted(date)
  d.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx(date, "dispatcher"))
  d.run({ type: "startHandling" }, ctx(date, "lawyer", { id: "L1" }))
  return d
}

describe("application and decision (LAL-43-1, LAL-43-2)", () => {
  it("a decision is due 7 calendar days after receipt; a period ending in a holiday runs to the next working day", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2024-05-06", "intake"))
    expect(d.clock("decision")).toMatchObject({ startedOn: "2024-05-06", dueOn: "2024-05-13", counting: "calendar-days", length: 7, basis: "LAL-43-1" })
    const late = new Driver()
    late.run(applyCommand(), ctx("2024-09-27", "intake"))
    // 2024-10-04 falls in the National Day holiday (10-01 to 10-07): due on 10-08.
    expect(late.clock("decision")!.dueOn).toBe("2024-10-08")
  })

  it("before 2022 the decision is due in 7 working days (MOJ124-13), skipping holidays and counting make-up days", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2018-09-28", "intake"))
    // Working days after Fri 2018-09-28: Sat 9-29 and Sun 9-30 (make-up days), then 10-08 … 10-12.
    expect(d.clock("decision")).toMatchObject({ dueOn: "2018-10-12", counting: "working-days", basis: "MOJ124-13" })
    expect(d.case!.procedureId).toBe("LAR-2003/MOJ124")
    expect(d.case!.ruleSetId).toBe("LAR-2003/CPL-2012")
  })

  it("a working-day clock over days the calendar does not cover is flagged estimated, never a silent guess", () => {
    const covered = new Driver()
    covered.run(applyCommand(), ctx("2018-09-28", "intake"))
    expect(covered.clock("decision")!.estimated).toBeUndefined()
    // A calendar that lacks 2018 (as WorkCalendar.china lacks any year without a published notice).
    const without2018 = WorkCalendar.fromYearsUnsafe("cn-without-2018", chinaYears.filter((y) => y.year !== 2018))
    const guessed = new Driver()
    guessed.run(applyCommand(), { ...ctx("2018-09-28", "intake"), calendar: without2018 })
    // Counted Monday to Friday: 10-01 … 10-09, where the real calendar gives 10-12.
    expect(guessed.clock("decision")).toMatchObject({ dueOn: "2018-10-09", counting: "working-days", estimated: true })
    expect(guessed.log[0]!.clocks[0]).toMatchObject({ action: "start", estimated: true })
    expect(dueOn([guessed.case!], day("2018-10-09"))).toMatchObject([{ kind: "decision", status: "due", estimated: true }])
    // A calendar-day clock depends only on where it ends: flagged when that is not covered.
    const lal = new Driver()
    lal.run(applyCommand(), { ...ctx("2024-05-06", "intake"), calendar: without2018 })
    expect(lal.clock("decision")!.estimated).toBeUndefined()
    const without2024 = WorkCalendar.fromYearsUnsafe("cn-without-2024", chinaYears.filter((y) => y.year !== 2024))
    const lal2024 = new Driver()
    lal2024.run(applyCommand(), { ...ctx("2024-09-27", "intake"), calendar: without2024 })
    // Without the 2024 notice, 10-04 is taken as a Friday, not a holiday (the real due date is 10-08).
    expect(lal2024.clock("decision")).toMatchObject({ dueOn: "2024-10-04", estimated: true })
  })

  it("before the 2012 procedure rules there is no decision period (LAR-18: promptly)", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2010-03-01", "intake"))
    expect(d.case!.clocks).toEqual([])
  })

  it("lists every missing material at once; the application is deemed withdrawn only after the deadline", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2024-05-06", "intake"))
    const [requested] = d.run({ type: "requestMaterials", missing: ["identity-document", "financial-statement", "case-materials"] }, ctx("2024-05-07", "intake"))
    expect(requested).toMatchObject({ type: "MaterialsRequested", missing: ["identity-document", "financial-statement", "case-materials"], basis: "LAL-43-2" })
    expect(d.case!.state).toBe("awaiting-materials")
    expect(d.clock("decision")!.cancelledOn).toBe("2024-05-07")
    expect(d.clock("materials-supply")).toMatchObject({ dueOn: "2024-05-22", length: 15 })
    expect(d.attempt({ type: "withdraw", deemed: true }, ctx("2024-05-22", "intake"))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "withdraw", deemed: true }, ctx("2024-05-23", "intake"))
    expect(d.case!.state).toBe("withdrawn")
    expect(d.log.at(-1)).toMatchObject({ type: "ApplicationWithdrawn", deemed: true, basis: "LAL-43-2" })
    expect(d.clock("materials-supply")!.cancelledOn).toBe("2024-05-23")
  })

  it("supplying the materials starts a new decision period", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2024-05-06", "intake"))
    d.run({ type: "requestMaterials", missing: ["identity-document"] }, ctx("2024-05-06", "intake"))
    d.run({ type: "supplyMaterials" }, ctx("2024-05-10", "intake"))
    expect(d.case!.state).toBe("under-review")
    expect(d.clock("materials-supply")!.stoppedOn).toBe("2024-05-10")
    expect(d.clock("decision")).toMatchObject({ startedOn: "2024-05-10", dueOn: "2024-05-17" })
  })

  it("an incomplete eligibility decision cannot be granted or refused", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2024-05-06", "intake"))
    const r = d.attempt({ type: "decide", eligibility: { ...eligible, outcome: "incomplete" } }, ctx("2024-05-06", "reviewer"))
    expect(r).toMatchObject({ reason: "not-allowed" })
    expect(d.log).toHaveLength(1)
  })

  it("a grant stops the decision clock and starts the 3-day assignment clock", () => {
    const d = granted("2024-05-06")
    expect(d.clock("decision")).toMatchObject({ stoppedOn: "2024-05-06" })
    expect(clockStatus(d.clock("decision")!, "2024-06-01")).toBe("met")
    expect(d.clock("assignment-after-grant")).toMatchObject({ dueOn: "2024-05-09", basis: "LAL-43-1" })
  })

  it("before 2022, assignment is due in 3 working days for criminal and 7 for civil matters (MOJ124-20)", () => {
    const civil = new Driver()
    civil.run(applyCommand("c1", "civil"), ctx("2018-03-01", "intake"))
    civil.run({ type: "decide", eligibility: eligible2018 }, ctx("2018-03-02", "reviewer"))
    expect(civil.clock("assignment-after-grant")).toMatchObject({ dueOn: "2018-03-13", counting: "working-days", length: 7, basis: "MOJ124-20" })
    const criminal = new Driver()
    criminal.run(applyCommand("c2", "criminal-defence"), ctx("2018-03-01", "intake"))
    criminal.run({ type: "decide", eligibility: eligible2018 }, ctx("2018-03-02", "reviewer"))
    expect(criminal.clock("assignment-after-grant")).toMatchObject({ dueOn: "2018-03-07", length: 3 })
  })

  it("a detainee's application forwarded within 24 hours meets LAL-39; after 30 hours it does not", () => {
    const within = new Driver()
    within.run(
      { ...applyCommand(), channel: "detention-forwarded", forwarding: { requestedAt: "2024-05-06T09:00:00+08:00", receivedAt: "2024-05-07T05:00:00+08:00" } } as never,
      ctx("2024-05-07", "intake")
    )
    expect(within.clock("detainee-forwarding")).toMatchObject({ met: true, basis: "LAL-39", length: 24 })
    expect(within.log[0]).toMatchObject({ forwarding: { hours: 20, met: true } })
    const late = new Driver()
    late.run(
      { ...applyCommand(), channel: "detention-forwarded", forwarding: { requestedAt: "2024-05-06T09:00:00+08:00", receivedAt: "2024-05-07T15:00:00+08:00" } } as never,
      ctx("2024-05-07", "intake")
    )
    expect(clockStatus(late.clock("detainee-forwarding")!, "2024-05-07")).toBe("missed")
    expect(new Driver().attempt({ ...applyCommand(), channel: "detention-forwarded" } as never, ctx("2024-05-07", "intake"))).toMatchObject({ reason: "not-allowed" })
  })
})

describe("refusal and objection (LAL-49, LAR-19)", () => {
  const refused = (date: string) => {
    const d = new Driver()
    d.run(applyCommand(), ctx(date, "intake"))
    d.run({ type: "decide", eligibility: ineligible }, ctx(date, "reviewer"))
    return d
  }

  it("the bureau decides an objection within 5 days and may order the grant", () => {
    const d = refused("2024-05-06")
    d.run({ type: "objectToRefusal" }, ctx("2024-05-08", "intake"))
    expect(d.clock("refusal-objection")).toMatchObject({ dueOn: "2024-05-13", basis: "LAL-49-2" })
    expect(d.attempt({ type: "decideObjection", upheld: true }, ctx("2024-05-09", "reviewer"))).toMatchObject({ reason: "wrong-role" })
    expect(d.attempt({ type: "decideObjection", upheld: true }, ctx("2024-05-09", "bureau"))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "decideObjection", upheld: true, eligibility: eligible }, ctx("2024-05-09", "bureau"))
    expect(d.case).toMatchObject({ state: "granted", eligibility: eligible })
    expect(d.log.at(-1)).toMatchObject({ type: "AidGranted", byObjection: true, eligibility: eligible })
    expect(d.clock("assignment-after-grant")).toMatchObject({ startedOn: "2024-05-09" })
    expect(d.attempt({ type: "objectToRefusal" }, ctx("2024-05-10", "intake"))).toMatchObject({ reason: "wrong-state" })
  })

  it("a rejected objection makes the refusal final; without an objection it can be finalised", () => {
    const d = refused("2024-05-06")
    d.run({ type: "objectToRefusal" }, ctx("2024-05-08", "intake"))
    d.run({ type: "decideObjection", upheld: false }, ctx("2024-05-20", "bureau"))
    expect(d.case!.state).toBe("refusal-final")
    expect(clockStatus(d.clock("refusal-objection")!, "2024-05-20")).toBe("missed")
    const e = refused("2024-05-06")
    e.run({ type: "finaliseRefusal" }, ctx("2024-05-30", "reviewer"))
    expect(e.case!.state).toBe("refusal-final")
  })

  it("before 2022 objections are decided in 5 working days (LAR-19)", () => {
    const d = refused("2018-09-27")
    d.run({ type: "objectToRefusal" }, ctx("2018-09-28", "intake"))
    expect(d.clock("refusal-objection")).toMatchObject({ dueOn: "2018-10-10", counting: "working-days", basis: "LAR-19" })
  })
})

describe("notification (LAL-36, LAR-21)", () => {
  it("a notified defence needs no review: granted at once, assigned within 3 days of the notice", () => {
    const d = new Driver()
    d.run({ type: "notify", caseId: "n1", region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAL-25-1-1"] }, ctx("2024-05-06", "intake"))
    expect(d.case).toMatchObject({ state: "granted", origin: "notification", organ: "court" })
    expect(d.clock("assignment-after-notification")).toMatchObject({ dueOn: "2024-05-09", basis: "LAL-36" })
    d.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-10", "dispatcher"))
    expect(clockStatus(d.clock("assignment-after-notification")!, "2024-05-10")).toBe("missed")
  })

  it("before 2022, the lawyer is named 3 days before trial (LAR-21), or in 3 working days without a trial date", () => {
    const withTrial = new Driver()
    withTrial.run({ type: "notify", caseId: "n1", region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAR-12-2"], trialOn: day("2018-06-20") }, ctx("2018-06-08", "intake"))
    expect(withTrial.clock("assignment-after-notification")).toMatchObject({ dueOn: "2018-06-17", basis: "LAR-21", counting: "days-before-trial" })
    const without = new Driver()
    without.run({ type: "notify", caseId: "n2", region: panlong, kind: "criminal-defence", organ: "public-security", grounds: ["CPL-267"] }, ctx("2018-06-08", "intake"))
    expect(without.clock("assignment-after-notification")).toMatchObject({ dueOn: "2018-06-13", basis: "MOJ124-20" })
  })

  it("a notice's grounds set what the assignment must satisfy (LAL-26, MPL-104-2)", () => {
    const d = new Driver()
    d.run({ type: "notify", caseId: "n1", region: panlong, kind: "criminal-defence", organ: "procuratorate", grounds: ["LAL-25-1-4", "LAL-25-1-1"] }, ctx("2024-05-06", "intake"))
    expect(d.case!.requirements).toEqual({ lawyerMinYears: 3, minorsSpecialist: true })
  })

  it("a grant carries the eligibility decision's requirements onto the case", () => {
    const d = new Driver()
    d.run(applyCommand("c9", "criminal-defence"), ctx("2024-05-06", "intake"))
    d.run({ type: "decide", eligibility: { ...eligible, outcome: "mandatory", requirements: { lawyerMinYears: 3 } } }, ctx("2024-05-06", "reviewer"))
    expect(d.case!.requirements).toEqual({ lawyerMinYears: 3 })
  })

  it("a notification concerns a defence or compulsory treatment, and cites known provisions", () => {
    const d = new Driver()
    expect(d.attempt({ type: "notify", caseId: "n1", region: panlong, kind: "civil", organ: "court", grounds: ["LAL-25-1-1"] }, ctx("2024-05-06", "intake"))).toMatchObject({ reason: "not-allowed" })
    expect(d.attempt({ type: "notify", caseId: "n1", region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAL-99"] }, ctx("2024-05-06", "intake"))).toMatchObject({ reason: "not-allowed" })
  })
})

describe("urgent pre-grant (LAL-44)", () => {
  it("assigns at once; the formalities follow; a case found ineligible is terminated", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2024-05-06", "intake"))
    expect(d.attempt({ type: "preGrant", ground: "LAL-48-1-1" }, ctx("2024-05-06", "reviewer"))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "preGrant", ground: "LAL-44-1-1" }, ctx("2024-05-06", "reviewer"))
    expect(d.case).toMatchObject({ state: "granted", provisional: true })
    d.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-06", "dispatcher"))
    d.run({ type: "startHandling" }, ctx("2024-05-07", "lawyer", { id: "L1" }))
    d.run({ type: "recordOutcome", endedOn: day("2024-05-20"), outcome: "mediation" }, ctx("2024-05-20", "lawyer", { id: "L1" }))
    expect(d.attempt({ type: "conclude" }, ctx("2024-05-21", "lawyer", { id: "L1" }))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "completeFormalities", eligibility: ineligible }, ctx("2024-05-21", "reviewer"))
    expect(d.case).toMatchObject({ state: "terminated", provisional: false, termination: { ground: "LAL-48-1-8", priorState: "in-progress" } })
  })

  it("was not available before the Legal Aid Law", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2019-05-06", "intake"))
    expect(d.attempt({ type: "preGrant", ground: "LAL-44-1-1" }, ctx("2019-05-06", "reviewer"))).toMatchObject({ reason: "not-allowed" })
  })
})

describe("assignment and handling", () => {
  it("a complaint (LAL-55) replaces the lawyer, who may not take the case again", () => {
    const d = handling()
    d.run({ type: "reassign", lawyerId: "L2", firmId: "F2", reason: "complaint" }, ctx("2024-05-10", "dispatcher"))
    expect(d.log.at(-1)).toMatchObject({ type: "LawyerReassigned", previousLawyerId: "L1", basis: "LAL-55" })
    expect(d.case).toMatchObject({ state: "in-progress", lawyer: { lawyerId: "L2" }, excludedLawyers: ["L1"] })
    expect(d.attempt({ type: "reassign", lawyerId: "L1", firmId: "F1", reason: "unavailable" }, ctx("2024-05-11", "dispatcher"))).toMatchObject({ reason: "not-allowed" })
    // The replaced lawyer can no longer act on it.
    expect(d.attempt({ type: "recordOutcome", endedOn: day("2024-05-11"), outcome: "judgment" }, ctx("2024-05-11", "lawyer", { id: "L1" }))).toMatchObject({ reason: "not-assigned-lawyer" })
  })

  it("only the assigned lawyer works on the case", () => {
    const d = granted()
    d.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-06", "dispatcher"))
    expect(d.attempt({ type: "startHandling" }, ctx("2024-05-07", "lawyer", { id: "L9" }))).toMatchObject({ reason: "not-assigned-lawyer", state: "assigned" })
  })

  it("the closing materials are due 30 days after the matter ends (LAL-50, a local-practice parameter)", () => {
    const d = handling()
    expect(d.attempt({ type: "conclude" }, ctx("2024-06-01", "lawyer", { id: "L1" }))).toMatchObject({ reason: "not-allowed" })
    expect(d.attempt({ type: "recordOutcome", endedOn: day("2024-07-01"), outcome: "judgment" }, ctx("2024-06-01", "lawyer", { id: "L1" }))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "recordOutcome", endedOn: day("2024-05-30"), outcome: "judgment" }, ctx("2024-06-01", "lawyer", { id: "L1" }))
    expect(d.clock("closing-materials")).toMatchObject({ startedOn: "2024-05-30", dueOn: "2024-07-01", basis: "LAL-50" })
    d.run({ type: "conclude" }, ctx("2024-06-20", "lawyer", { id: "L1" }))
    d.run({ type: "grade", grade: "excellent" }, ctx("2024-06-25", "quality"))
    d.run({ type: "archive" }, ctx("2024-06-26", "intake"))
    expect(d.case).toMatchObject({ state: "archived", grade: "excellent", outcome: "judgment" })
    expect(clockStatus(d.clock("closing-materials")!, "2024-12-31")).toBe("met")
  })
})

describe("termination (LAL-48, LAR-23)", () => {
  it("the lawyer reports a ground; the reviewer terminates; the recipient may object (LAL-49)", () => {
    const d = handling()
    d.run({ type: "reportTerminationGround", ground: "LAL-48-1-6" }, ctx("2024-05-10", "lawyer", { id: "L1" }))
    expect(d.log.at(-1)).toMatchObject({ type: "TerminationGroundReported", basis: "LAL-48-2" })
    expect(d.attempt({ type: "terminate", ground: "LAR-23-1-3" }, ctx("2024-05-11", "reviewer"))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "terminate", ground: "LAL-48-1-6" }, ctx("2024-05-11", "reviewer"))
    d.run({ type: "objectToTermination" }, ctx("2024-05-12", "intake"))
    expect(d.clock("termination-objection")).toMatchObject({ dueOn: "2024-05-17", basis: "LAL-49-2" })
    expect(d.attempt({ type: "archive" }, ctx("2024-05-13", "intake"))).toMatchObject({ reason: "wrong-state" })
    d.run({ type: "decideTerminationObjection", upheld: true }, ctx("2024-05-14", "bureau"))
    expect(d.case).toMatchObject({ state: "in-progress", lawyer: { lawyerId: "L1" } })
    expect(d.case!.termination).toBeUndefined()
  })

  it("an objection upheld before any assignment restarts the assignment period", () => {
    const d = granted("2024-05-06")
    d.run({ type: "terminate", ground: "LAL-48-1-4" }, ctx("2024-05-07", "reviewer"))
    expect(d.clock("assignment-after-grant")!.cancelledOn).toBe("2024-05-07")
    d.run({ type: "objectToTermination" }, ctx("2024-05-08", "intake"))
    d.run({ type: "decideTerminationObjection", upheld: true }, ctx("2024-05-10", "bureau"))
    expect(d.case!.state).toBe("granted")
    expect(d.clock("assignment-after-grant")).toMatchObject({ startedOn: "2024-05-10", dueOn: "2024-05-13" })
  })

  it("a rejected objection leaves the case terminated, to be archived; no second objection", () => {
    const d = handling()
    d.run({ type: "terminate", ground: "LAL-48-1-7" }, ctx("2024-05-11", "reviewer"))
    d.run({ type: "objectToTermination" }, ctx("2024-05-12", "intake"))
    d.run({ type: "decideTerminationObjection", upheld: false }, ctx("2024-05-14", "bureau"))
    expect(d.attempt({ type: "objectToTermination" }, ctx("2024-05-15", "intake"))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "archive" }, ctx("2024-05-20", "intake"))
    expect(d.case!.state).toBe("archived")
  })

  it("before 2022 the grounds are LAR-23's and a termination cannot be objected to", () => {
    const d = new Driver()
    d.run(applyCommand(), ctx("2019-05-06", "intake"))
    d.run({ type: "decide", eligibility: eligible2018 }, ctx("2019-05-06", "reviewer"))
    expect(d.attempt({ type: "terminate", ground: "LAL-48-1-6" }, ctx("2019-05-07", "reviewer"))).toMatchObject({ reason: "not-allowed" })
    d.run({ type: "terminate", ground: "LAR-23-1-3" }, ctx("2019-05-07", "reviewer"))
    expect(d.attempt({ type: "objectToTermination" }, ctx("2019-05-08", "intake"))).toMatchObject({ reason: "not-allowed" })
  })
})

describe("who may act, and where", () => {
  it("rejects the wrong role, another district's actor, and a lawyer on a case not theirs; a city actor may act in its districts", () => {
    const d = granted()
    expect(d.attempt({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-07", "intake"))).toMatchObject({ reason: "wrong-role" })
    expect(d.attempt({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-07", "dispatcher", { region: "530102" }))).toMatchObject({ reason: "other-region" })
    expect(d.attempt({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-07", "auditor"))).toMatchObject({ reason: "wrong-role" })
    expect(d.log).toHaveLength(2)
    expect(d.attempt({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-07", "dispatcher", { region: "5301" }))).toBeUndefined()
    expect(new Driver().attempt(applyCommand(), ctx("2024-05-07", "intake", { region: "5305" }))).toMatchObject({ reason: "other-region" })
  })

  it("rejects commands on a missing case, a second opening, and a context without a valid time", () => {
    const d = granted()
    expect(d.attempt(applyCommand(), ctx("2024-05-07", "intake"))).toMatchObject({ reason: "case-exists" })
    expect(new Driver().attempt({ type: "grade", grade: "good" }, ctx("2024-05-07", "quality"))).toMatchObject({ reason: "no-such-case" })
    expect(new Driver().attempt(applyCommand(), { ...ctx("2024-05-07", "intake"), at: "yesterday" })).toMatchObject({ reason: "invalid-context" })
    expect(d.attempt({ type: "grade", grade: "good" }, ctx("2024-05-01", "quality"))).toMatchObject({ reason: "wrong-state" })
  })

  it("every rejection names the command and the reason without personal data", () => {
    const d = granted()
    const r = d.attempt({ type: "startHandling" }, ctx("2024-05-07", "lawyer", { id: "L1" }))!
    expect(r._tag).toBe("CommandRejected")
    expect(r.message).toBe("startHandling rejected (wrong-state in granted): not allowed in granted")
  })
})

describe("events", () => {
  it("carry case, region, sequence, times and actor", () => {
    const d = granted()
    expect(d.log.map((e) => [e.sequence, e.type, e.actor.role, e.region, e.caseId])).toEqual([
      [1, "ApplicationReceived", "intake", "530103", "c1"],
      [2, "AidGranted", "reviewer", "530103", "c1"]
    ])
    expect(d.log[1]).toMatchObject({ occurredAt: "2024-05-06T10:00:00+08:00", recordedAt: "2024-05-06T10:00:00+08:00", eligibility: eligible })
  })

  it("can be backdated: occurredAt drives the dates, recordedAt keeps when it was entered", () => {
    const d = new Driver()
    d.run(applyCommand(), { ...ctx("2024-05-20", "intake"), occurredAt: "2024-05-06T09:00:00+08:00" })
    expect(d.log[0]).toMatchObject({ occurredAt: "2024-05-06T09:00:00+08:00", recordedAt: "2024-05-20T10:00:00+08:00", receivedOn: "2024-05-06" })
  })
})

describe("clocks across cases", () => {
  it("answers what is due or overdue on a date, most urgent first, whatever the order of cases", () => {
    const a = granted("2024-05-06") // assignment due 05-09
    const b = new Driver()
    b.run(applyCommand("c2"), ctx("2024-05-07", "intake")) // decision due 05-14
    const c = handling("2024-05-01") // nothing open
    const cases = [a.case!, b.case!, c.case!]
    expect(dueOn(cases, day("2024-05-09"))).toEqual([{ caseId: "c1", region: "530103", kind: "assignment-after-grant", status: "due", dueOn: "2024-05-09", daysLeft: 0, basis: "LAL-43-1" }])
    expect(dueOn(cases, day("2024-05-10"), { within: 5 }).map((i) => [i.caseId, i.status, i.daysLeft])).toEqual([
      ["c1", "overdue", -1],
      ["c2", "running", 4]
    ])
    expect(dueOn([...cases].reverse(), day("2024-05-10"), { within: 5 })).toEqual(dueOn(cases, day("2024-05-10"), { within: 5 }))
  })

  it("timeliness counts met and missed clocks", () => {
    const onTime = granted("2024-05-06")
    onTime.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-08", "dispatcher"))
    const late = granted("2024-05-06")
    late.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-13", "dispatcher"))
    const open = granted("2024-05-06")
    expect(timeliness([onTime.case!, late.case!, open.case!], "assignment-after-grant", "2024-05-08")).toEqual({ met: 1, missed: 0, open: 2, rate: { numerator: 1, denominator: 1 } })
    expect(timeliness([onTime.case!, late.case!, open.case!], "assignment-after-grant", "2024-05-20")).toEqual({ met: 1, missed: 2, open: 0, rate: { numerator: 1, denominator: 3 } })
  })
})

describe("the machine as data", () => {
  it("has a row for every command with at least one edge", () => {
    expect(machine).toHaveLength(24)
    for (const spec of machine) expect(spec.edges.length).toBeGreaterThan(0)
  })

  it("draws the same Mermaid diagram the README shows", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8")
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme)
    expect(block?.[1]).toBe(toMermaid())
  })
})

describe("decoding commands and times", () => {
  it("decodes a command or lists every bad field", () => {
    expect(Result.isSuccess(decodeCommand({ type: "grade", grade: "good" }))).toBe(true)
    const r = decodeCommand({ type: "assign", lawyerId: "", firmId: 3, extra: true })
    expect(Result.isFailure(r) && r.failure.issues.length).toBeGreaterThanOrEqual(2)
  })

  it("takes dates in China Standard Time", () => {
    expect(chinaDate("2024-05-10T17:30:00Z")).toBe("2024-05-11")
    expect(chinaDate("2024-05-10T23:59:00+08:00")).toBe("2024-05-10")
    expect(chinaDate("not a time")).toBeUndefined()
    // A time without an offset would depend on the server's zone: refused.
    expect(chinaDate("2024-09-30T20:00:00")).toBeUndefined()
    expect(chinaDate("1")).toBeUndefined()
    expect(chinaDate("2024-02-30T10:00:00+08:00")).toBeUndefined()
    expect(new Driver().attempt(applyCommand(), { ...ctx("2024-05-07", "intake"), at: "2024-09-30 20:00" })).toMatchObject({ reason: "invalid-context" })
    expect(WorkCalendar.china.isWorkingDay(day("2024-10-08"))).toBe(true)
  })
})
