import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeMemoryStore } from "../adapters/memory/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import type { Case } from "../src/lifecycle/Case.ts"
import { replay } from "../src/lifecycle/Case.ts"
import type { Command, Context } from "../src/lifecycle/Command.ts"
import { CaseEvent } from "../src/lifecycle/Event.ts"
import { hasEdge, machine, reachableFrom } from "../src/lifecycle/machine.ts"
import { CaseStore } from "../src/lifecycle/Store.ts"
import { step } from "../src/lifecycle/transition.ts"
import type { State } from "../src/lifecycle/vocabulary.ts"
import { states, terminalStates } from "../src/lifecycle/vocabulary.ts"
import { execute } from "../src/lifecycle/workflow.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import type { Script } from "./support/lifecycle-arbitraries.ts"
import { eventJson } from "../src/lifecycle/eventJson.ts"
import { context, opening, realise, script } from "./support/lifecycle-arbitraries.ts"

const roundTrip = Schema.decodeUnknownSync(CaseEvent)
const encode = Schema.encodeSync(CaseEvent)

/** Runs a script through the pure machine, checking each step; returns the case and its log. */
const runScript = (s: Script) => {
  const [open, openCtx] = opening(s)
  let current: Case | undefined = undefined
  const log: Array<CaseEvent> = []
  const first = step(current, open, openCtx)
  if (Result.isFailure(first)) return { current, log, visited: [] as Array<State> }
  current = first.success.case
  log.push(...first.success.events)
  const visited: Array<State> = [current.state]
  let date = s.start
  for (const m of s.moves) {
    date = CalendarDate.addDays(date, m.days)
    const [command, ctx] = realise(m, current, date)
    const before = current
    const r = step(current, command, ctx)
    if (Result.isFailure(r)) {
      expect(current).toBe(before)
      continue
    }
    expect(hasEdge(command.type, before!.state, r.success.case.state), `${command.type}: ${before!.state} → ${r.success.case.state}`).toBe(true)
    current = r.success.case
    log.push(...r.success.events)
    visited.push(current.state)
  }
  return { current, log, visited }
}

describe("the case machine", () => {
  it("no command sequence reaches a state outside the machine, and every accepted step is an edge of it", () => {
    fc.assert(
      fc.property(script, (s) => {
        const { visited } = runScript(s)
        for (const state of visited) expect(states).toContain(state)
      })
    )
  })

  it("replaying the events rebuilds the same case, and every event survives its schema", () => {
    fc.assert(
      fc.property(script, (s) => {
        const { current, log } = runScript(s)
        expect(replay(log)).toEqual(current)
        for (const e of log) expect(roundTrip(JSON.parse(JSON.stringify(encode(e))))).toEqual(e)
      })
    )
  })

  it("the stored JSON (eventJson) is the schema's encoding, and a key the schema does not declare, at any level, is dropped", () => {
    fc.assert(
      fc.property(script, fc.string({ minLength: 1, maxLength: 8 }), (s, secret) => {
        const { log } = runScript(s)
        for (const e of log) {
          expect(JSON.parse(eventJson(e))).toEqual(JSON.parse(JSON.stringify(encode(e))))
          const smuggled = { ...e, applicantName: secret, actor: { ...e.actor, phone: secret }, clocks: e.clocks.map((c) => ({ ...c, note: secret })) } as unknown as CaseEvent
          expect(JSON.parse(eventJson(smuggled))).toEqual(JSON.parse(JSON.stringify(encode(e))))
        }
      })
    )
  })

  it("from every state a terminal state is reachable in the machine's graph", () => {
    for (const s of states) {
      const reachable = reachableFrom(s)
      expect(terminalStates.some((t) => reachable.has(t)), s).toBe(true)
    }
  })

  it("and from every reachable case, a run of allowed commands actually reaches one", () => {
    fc.assert(
      fc.property(script, (s) => {
        let { current } = runScript(s)
        if (current === undefined) return
        let date = CalendarDate.addDays(CalendarDate.makeUnsafe(current.lastOccurredAt.slice(0, 10)), 40)
        for (let i = 0; i < 8 && !terminalStates.includes(current.state); i++) {
          const [command, ctx] = closing(current, date)
          const r = step(current, command, ctx)
          if (Result.isFailure(r)) throw new Error(`${r.failure.message} (from ${current.state})`)
          current = r.success.case
          date = CalendarDate.addDays(date, 1)
        }
        expect(terminalStates).toContain(current.state)
      })
    )
  })
})

/** The shortest way out of each state, with the right actor. */
const closing = (c: Case, date: CalendarDate.CalendarDate): [Command, Context] => {
  const as = (role: Parameters<typeof context>[1], id: string = role) => context(date, role, id, "530103")
  const era = date >= "2022-01-01" ? "LAL-48-1-7" : "LAR-23-1-4"
  switch (c.state) {
    case "received":
    case "awaiting-materials":
    case "under-review":
      return [{ type: "withdraw", deemed: false }, as("intake")]
    case "refused":
      return [{ type: "finaliseRefusal" }, as("reviewer")]
    case "refusal-objection":
      return [{ type: "decideObjection", upheld: false }, as("bureau")]
    case "granted":
    case "assigned":
    case "in-progress":
      return [{ type: "terminate", ground: era }, as("reviewer")]
    case "termination-objection":
      return [{ type: "decideTerminationObjection", upheld: false }, as("bureau")]
    case "terminated":
    case "quality-assessed":
      return [{ type: "archive" }, as("intake")]
    case "concluded":
      return [{ type: "grade", grade: "pass" }, as("quality")]
    default:
      throw new Error(`no way out of ${c.state}`)
  }
}

describe("the workflow over a store", () => {
  it("a rejected command never changes the log", () => {
    fc.assert(
      fc.property(script, (s) => {
        const store = makeMemoryStore()
        const run = <A, E>(e: Effect.Effect<A, E, CaseStore>) => Effect.runSync(Effect.result(Effect.provideService(e, CaseStore, store)))
        const [open, openCtx] = opening(s)
        if (Result.isFailure(run(execute("c1", open, openCtx)))) return
        let date = s.start
        for (const m of s.moves) {
          date = CalendarDate.addDays(date, m.days)
          const before = run(store.load(openCtx.actor.region, "c1"))
          const current = replay(Result.getOrThrow(before))
          const [command, ctx] = realise(m, current, date)
          const r = run(execute("c1", command, ctx))
          const after = run(store.load(openCtx.actor.region, "c1"))
          if (Result.isFailure(r)) expect(after).toEqual(before)
          else expect(Result.getOrThrow(after).length).toBe(Result.getOrThrow(before).length + r.success.events.length)
        }
      }),
      { numRuns: 60 }
    )
  })
})

describe("deadlines", () => {
  it("a working-day deadline never falls on a non-working day, and a calendar-day one is moved off holidays", () => {
    fc.assert(
      fc.property(script, (s) => {
        const { current } = runScript(s)
        for (const clock of current?.clocks ?? []) {
          if (clock.counting === "working-days") {
            expect(WorkCalendar.china.isWorkingDay(clock.dueOn), `${clock.kind} due ${clock.dueOn}`).toBe(true)
            expect(WorkCalendar.workingDaysBetween(WorkCalendar.china, clock.startedOn, clock.dueOn)).toBe(clock.length)
          }
          if (clock.counting === "calendar-days") {
            expect(WorkCalendar.china.isWorkingDay(clock.dueOn)).toBe(true)
            expect(CalendarDate.diffDays(clock.startedOn, clock.dueOn)).toBeGreaterThanOrEqual(clock.length)
          }
        }
      })
    )
  })

  it("every command row of the machine is exercised by the arbitrary", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(script, (s) => {
        const { log } = runScript(s)
        for (const e of log) seen.add(e.type)
      }),
      { numRuns: 400 }
    )
    expect(seen.size).toBeGreaterThanOrEqual(18)
    expect(machine.length).toBe(24)
    expect(seen.has("EligibilityAssessed")).toBe(true)
  })
})
