/**
 * The 2018 cases through the lifecycle, as a centre's staff would enter them, through the public
 * workflow only: each application decided by `decide` at intake and the decision kept on the case
 * (`apply`), decided at review (`decide`), lawyers assigned by `assignCase` from the pool's counts
 * in the store, cases handled, concluded with what the subsidy needs, graded and archived. The
 * commands run in the order of their timestamps across cases, a day at a time in one transaction
 * (`executeMany`); an assignment runs on its own so it reads the pool as it stands.
 */
import { Effect, Result } from "effect"
import { CalendarDate, Region, WorkCalendar, RuleBook } from "fayuan"
import { assignCase, type LawyerProfile } from "fayuan/assignment"
import { decide, decodeApplication } from "fayuan/eligibility"
import { type Command, type Context, type ExecuteRequest, type Role, executeMany, summarise } from "fayuan/lifecycle"
import type { PlannedCase, PlannedLawyer, PlannedYear } from "./generate.ts"

const calendar = WorkCalendar.china
const book = RuleBook.defaultRuleBook
const working = (d: CalendarDate.CalendarDate, n: number) => (n === 0 ? d : WorkCalendar.addWorkingDays(calendar, d, n))
const time = (d: CalendarDate.CalendarDate, hhmm: string) => `${d}T${hhmm}:00+08:00`

/** The lawyers as the centre keeps them: the counts come from the store. */
export const profilesOf = (lawyers: ReadonlyArray<PlannedLawyer>, region: Region.RegionCode): ReadonlyArray<LawyerProfile> =>
  lawyers.map((l) => ({ id: l.id, firmId: l.firmId, region, yearsOfPractice: l.yearsOfPractice, languages: [], specialties: [...l.specialties], minorsTrained: l.minorsTrained, maxOpenCases: 40 }))

/** One scheduled step: a command (or an assignment), by whom, when. */
export interface Step {
  readonly at: string
  readonly caseId: string
  readonly order: number
  readonly role: Role
  /** The actor's id; for the lawyer's steps, whoever the assignment chose. */
  readonly actor: () => string
  readonly command: Command | { readonly type: "assignCase"; readonly specialty: string; readonly chosen: (lawyerId: string) => void }
}

/**
 * A planned case's commands in order, as its staff enter them. Intake decides the application
 * with the default rule book unless `eligibility` (a decision already taken) is given.
 */
export const stepsOf = (p: PlannedCase, region: Region.RegionCode, eligibility?: ReturnType<typeof summarise>): Array<Step> => {
  const steps: Array<Step> = []
  let order = 0
  let lawyer = ""
  const add = (on: CalendarDate.CalendarDate, hhmm: string, role: Role, command: Step["command"], actor: () => string = () => role) =>
    steps.push({ at: time(on, hhmm), caseId: p.id, order: order++, role, actor, command })
  const byLawyer = () => lawyer
  let grantedOn: CalendarDate.CalendarDate
  if (p.origin === "notification") {
    add(p.receivedOn, "09:30", "intake", { type: "notify", caseId: p.id, region, kind: p.kind, organ: p.organ!, grounds: [...p.grounds!], ...(p.groups.length > 0 ? { groups: [...p.groups] } : {}) } as Command)
    grantedOn = p.receivedOn
  } else {
    // Intake runs the eligibility check and keeps its decision on the case for the review.
    const decision = eligibility ?? summarise(Result.getOrThrow(decide(Result.getOrThrow(decodeApplication(p.application)))))
    if (decision.outcome !== "eligible" && decision.outcome !== "mandatory") throw new Error(`synthetic application ${p.id} is ${decision.outcome}`)
    add(p.receivedOn, "09:00", "intake", {
      type: "apply",
      caseId: p.id,
      region,
      kind: p.kind,
      channel: p.channel!,
      eligibility: decision,
      ...(p.recipients > 1 ? { recipients: p.recipients } : {}),
      ...(p.groups.length > 0 ? { groups: [...p.groups] } : {})
    } as Command)
    add(p.receivedOn, "14:00", "reviewer", { type: "startReview" })
    grantedOn = working(p.receivedOn, p.decisionAfter)
    add(grantedOn, "10:00", "reviewer", { type: "decide" })
  }
  const assignedOn = working(grantedOn, p.assignAfter)
  // The lawyer's steps are sent by whoever the assignment chose.
  add(assignedOn, "11:00", "dispatcher", { type: "assignCase", specialty: p.specialty, chosen: (id) => (lawyer = id) })
  const handling = working(assignedOn, 1)
  add(handling, "09:00", "lawyer", { type: "startHandling" }, byLawyer)
  if (p.end === undefined) return steps
  const endedOn = CalendarDate.max(p.end.endedOn, CalendarDate.addDays(handling, 1))
  add(endedOn, "17:00", "lawyer", {
    type: "recordOutcome",
    endedOn,
    outcome: p.end.outcome,
    ...(p.stages.length > 0 ? { stagesCompleted: [...p.stages] } : {}),
    ...(p.end.withdrawal === undefined ? {} : { withdrawal: p.end.withdrawal })
  } as Command, byLawyer)
  const concludedOn = CalendarDate.addDays(endedOn, p.end.concludedAfter)
  add(concludedOn, "16:00", "lawyer", { type: "conclude" }, byLawyer)
  const gradedOn = working(concludedOn, 2)
  add(gradedOn, "10:30", "quality", { type: "grade", grade: p.end.grade ?? "pass" })
  add(working(gradedOn, 1), "15:00", "intake", { type: "archive" })
  return steps
}

/** What the case run produced. */
export interface CaseRun {
  readonly events: number
}

/**
 * Runs every planned case through the lifecycle in timestamp order: one `executeMany` per day
 * (an assignment on its own, after the day's earlier commands). `progress(done, total)` is called
 * after each day.
 */
export const runCases = (plan: PlannedYear, progress: (done: number, total: number) => void = () => {}) =>
  Effect.gen(function* () {
    const region = Region.makeUnsafe(plan.region)
    const profiles = profilesOf(plan.lawyers, region)
    const steps = plan.cases.flatMap((p) => stepsOf(p, region))
    steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.order - b.order))
    const ctx = (s: Step): Context => ({ at: s.at, calendar, book, actor: { id: s.actor(), role: s.role, region } })
    let events = 0
    let batch: Array<ExecuteRequest> = []
    let batchDay = ""
    const flush = function* () {
      if (batch.length === 0) return
      const done = yield* executeMany(batch)
      events += done.events.length
      batch = []
    }
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!
      const today = s.at.slice(0, 10)
      if (today !== batchDay) {
        yield* flush()
        batchDay = today
        progress(i, steps.length)
      }
      if (s.command.type === "assignCase") {
        yield* flush()
        const done = yield* assignCase(s.caseId, profiles, ctx(s), { extra: { specialty: s.command.specialty } })
        s.command.chosen(done.assignment.lawyerId)
        events += done.events.length
        continue
      }
      batch.push({ caseId: s.caseId, command: s.command as Command, ctx: ctx(s) })
    }
    yield* flush()
    progress(steps.length, steps.length)
    return { events } satisfies CaseRun
  })
