/**
 * The 2018 cases through the lifecycle: every application decided by `decide`, every notice
 * registered, lawyers chosen by `assign` from the pool as it stood that day, cases handled,
 * concluded, graded and archived — all commands in the order of their timestamps across cases,
 * their events appended to the store a day at a time.
 */
import { Effect, Result } from "effect"
import { CalendarDate, Region, RuleBook, WorkCalendar } from "fayuan"
import { type Lawyer, assign, assignCommand, caseToAssign } from "fayuan/assignment"
import { decide, decodeApplication } from "fayuan/eligibility"
import { type Case, type CaseEvent, type Command, type Context, type Role, CaseStore, evolve, transition } from "fayuan/lifecycle"
import type { PlannedCase, PlannedLawyer, PlannedYear } from "./generate.ts"

const calendar = WorkCalendar.china
const book = RuleBook.defaultRuleBook
const working = (d: CalendarDate.CalendarDate, n: number) => (n === 0 ? d : WorkCalendar.addWorkingDays(calendar, d, n))

/** One scheduled command of one case. `command` is built when its turn comes (assignment reads the pool then). */
interface Step {
  readonly at: string
  readonly caseId: string
  readonly order: number
  readonly role: Role
  readonly actor: string | ((c: Case) => string)
  readonly command: (c: Case | undefined) => Command | undefined
}

const time = (d: CalendarDate.CalendarDate, hhmm: string) => `${d}T${hhmm}:00+08:00`

const summary = (p: PlannedCase) => {
  const decided = Result.getOrThrow(decide(Result.getOrThrow(decodeApplication(p.application))))
  if (decided.outcome !== "eligible" && decided.outcome !== "mandatory") throw new Error(`synthetic application ${p.id} is ${decided.outcome}`)
  return {
    outcome: decided.outcome,
    meansTest: decided.meansTest.status,
    citations: decided.citations,
    ruleSetId: decided.ruleSet.id,
    ...(decided.requirements === undefined ? {} : { requirements: decided.requirements })
  } as const
}

/** The pool as `assign` reads it, kept current as cases are assigned and concluded. */
export const makePool = (lawyers: ReadonlyArray<PlannedLawyer>, region: Region.RegionCode) => {
  const pool = new Map<string, Lawyer>(
    lawyers.map((l) => [
      l.id,
      { id: l.id, firmId: l.firmId, region, yearsOfPractice: l.yearsOfPractice, languages: [], specialties: [...l.specialties], minorsTrained: l.minorsTrained, openCases: 0, maxOpenCases: 40, assignedCount: 0 }
    ])
  )
  return {
    lawyers: () => [...pool.values()],
    opened: (id: string) => {
      const l = pool.get(id)!
      pool.set(id, { ...l, openCases: l.openCases + 1, assignedCount: l.assignedCount + 1 })
    },
    closed: (id: string) => {
      const l = pool.get(id)!
      pool.set(id, { ...l, openCases: Math.max(0, l.openCases - 1) })
    }
  }
}

const stepsOf = (p: PlannedCase, region: Region.RegionCode, pool: ReturnType<typeof makePool>): Array<Step> => {
  const steps: Array<Step> = []
  let order = 0
  const add = (on: CalendarDate.CalendarDate, hhmm: string, role: Role, command: Step["command"], actor: Step["actor"] = role) =>
    steps.push({ at: time(on, hhmm), caseId: p.id, order: order++, role, actor, command })
  let grantedOn: CalendarDate.CalendarDate
  if (p.origin === "notification") {
    add(p.receivedOn, "09:30", "intake", () => ({ type: "notify", caseId: p.id, region, kind: p.kind, organ: p.organ!, grounds: [...p.grounds!] }))
    grantedOn = p.receivedOn
  } else {
    add(p.receivedOn, "09:00", "intake", () => ({ type: "apply", caseId: p.id, region, kind: p.kind, channel: p.channel!, ...(p.groups.length > 0 ? { groups: [...p.groups] } : {}) }) as Command)
    add(p.receivedOn, "14:00", "reviewer", () => ({ type: "startReview" }))
    grantedOn = working(p.receivedOn, p.decisionAfter)
    const eligibility = summary(p)
    add(grantedOn, "10:00", "reviewer", () => ({ type: "decide", eligibility }))
  }
  const assignedOn = working(grantedOn, p.assignAfter)
  add(assignedOn, "11:00", "dispatcher", (c) => {
    const choice = assign(caseToAssign(c!, { specialty: p.specialty }), pool.lawyers())
    if (choice._tag !== "Assigned") throw new Error(`no lawyer for ${p.id}: ${choice._tag}`)
    pool.opened(choice.lawyerId)
    return assignCommand(choice)
  })
  const handling = working(assignedOn, 1)
  const lawyer = (c: Case) => c.lawyer!.lawyerId
  add(handling, "09:00", "lawyer", () => ({ type: "startHandling" }), lawyer)
  if (p.end === undefined) return steps
  const endedOn = CalendarDate.max(p.end.endedOn, CalendarDate.addDays(handling, 1))
  add(endedOn, "17:00", "lawyer", () => ({ type: "recordOutcome", endedOn, outcome: p.end!.outcome }), lawyer)
  const concludedOn = CalendarDate.addDays(endedOn, p.end.concludedAfter)
  add(concludedOn, "16:00", "lawyer", (c) => {
    pool.closed(c!.lawyer!.lawyerId)
    return { type: "conclude" }
  }, lawyer)
  const gradedOn = working(concludedOn, 2)
  add(gradedOn, "10:30", "quality", () => ({ type: "grade", grade: p.end!.grade ?? "pass" }))
  add(working(gradedOn, 1), "15:00", "intake", () => ({ type: "archive" }))
  return steps
}

/** What the case run produced. */
export interface CaseRun {
  readonly cases: ReadonlyMap<string, Case>
  readonly events: number
}

/**
 * Runs every planned case through the lifecycle in timestamp order and appends the events, one
 * batch (one transaction) per day. `progress(done, total)` is called after each day.
 */
export const runCases = (plan: PlannedYear, progress: (done: number, total: number) => void = () => {}) =>
  Effect.gen(function* () {
    const store = yield* CaseStore
    const region = Region.makeUnsafe(plan.region)
    const pool = makePool(plan.lawyers, region)
    const steps = plan.cases.flatMap((p) => stepsOf(p, region, pool))
    steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.order - b.order))
    const cases = new Map<string, Case>()
    let events = 0
    let batch: Array<{ caseId: string; expectedVersion: number; events: ReadonlyArray<CaseEvent> }> = []
    let batchDay = ""
    const flush = function* () {
      if (batch.length === 0) return
      yield* store.append(batch)
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
      const current = cases.get(s.caseId)
      const command = s.command(current)
      if (command === undefined) continue
      const actor = typeof s.actor === "string" ? s.actor : s.actor(current!)
      const ctx: Context = { at: s.at, calendar, book, actor: { id: actor, role: s.role, region } }
      const produced = transition(current, command, ctx)
      if (Result.isFailure(produced)) throw new Error(`${s.caseId} ${command.type} at ${s.at}: ${produced.failure.message}`)
      batch.push({ caseId: s.caseId, expectedVersion: current?.version ?? 0, events: produced.success })
      let next = current
      for (const e of produced.success) next = evolve(next, e)
      cases.set(s.caseId, next!)
      events += produced.success.length
    }
    yield* flush()
    progress(steps.length, steps.length)
    return { cases, events } satisfies CaseRun
  })
