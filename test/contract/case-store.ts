/**
 * The contract every CaseStore adapter must keep. The in-memory adapter is the model; each SQL
 * adapter runs this same suite (see test/store.*.test.ts).
 */
import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { CaseEvent } from "../../src/lifecycle/Event.ts"
import type { PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { decodeParty } from "../../src/lifecycle/Party.ts"
import type { CaseHead, CaseStoreShape, LawyerCounts, WorkloadPeriod } from "../../src/lifecycle/Store.ts"
import { countWorkload } from "../../src/lifecycle/Store.ts"
import * as CalendarDate from "../../src/CalendarDate.ts"
import { replay } from "../../src/lifecycle/Case.ts"
import { chinaDate } from "../../src/lifecycle/time.ts"
import { terminalStates } from "../../src/lifecycle/vocabulary.ts"
import type { Roster } from "../../src/roster/Roster.ts"
import type { RosterStoreShape, WorkedShift } from "../../src/roster/Store.ts"
import { step } from "../../src/lifecycle/transition.ts"
import * as Region from "../../src/Region.ts"
import { applyCommand, ctx, eligible } from "../support/lifecycle.ts"

/** A store under test: a fresh store, and (optionally) a way to corrupt a stored event. */
export interface Subject {
  readonly store: CaseStoreShape
  readonly parties?: PartyStoreShape
  readonly rosters?: RosterStoreShape
  readonly corruptRoster?: (rosterId: string) => Promise<void> | void
  readonly corrupt?: (caseId: string, sequence: number) => Promise<void> | void
  readonly corruptParty?: (caseId: string) => Promise<void> | void
  /** The party's row as the database holds it (SQL adapters, sealed with the suites' test key). */
  readonly rawParty?: (caseId: string) => Promise<string>
  /** The SQL run so far, for the region-filter audit (SQL adapters). */
  readonly queries?: () => ReadonlyArray<string>
  readonly close?: () => Promise<void> | void
}

const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))

/** The events of a small case: application, grant, assignment, in the given region. */
export const caseLog = (caseId: string, region = "530103", lawyerId = "L1"): ReadonlyArray<CaseEvent> => {
  const events: Array<CaseEvent> = []
  let current = undefined as Parameters<typeof step>[0]
  const cmds = [
    [{ ...applyCommand(caseId), region: Region.makeUnsafe(region) }, ctx("2024-05-06", "intake", { region })],
    [{ type: "decide", eligibility: eligible }, ctx("2024-05-06", "reviewer", { region })],
    [{ type: "assign", lawyerId, firmId: "F1" }, ctx("2024-05-07", "dispatcher", { region })]
  ] as const
  for (const [command, context] of cmds) {
    const r = Result.getOrThrow(step(current, command as never, context))
    current = r.case
    events.push(...r.events)
  }
  return events
}

/** The head a listing gives for a stored log: as its events make the case. */
export const headOfLog = (log: ReadonlyArray<CaseEvent>): CaseHead => {
  const c = replay(log)!
  const closedOn = terminalStates.includes(c.state) ? chinaDate(c.lastOccurredAt) : undefined
  const head = { caseId: c.id, region: c.region, version: c.version, state: c.state, ...(closedOn === undefined ? {} : { closedOn }) }
  return c.lawyer === undefined ? head : { ...head, lawyer: { lawyerId: c.lawyer.lawyerId, since: c.lawyer.since } }
}

export const caseStoreContract = (name: string, make: () => Promise<Subject> | Subject): void => {
  describe(`CaseStore contract: ${name}`, () => {
    it("appends a new case at version 0 and loads it back, decoded and in order", async () => {
      const { store, close } = await make()
      const log = caseLog("c1")
      expect(await run(store.append([{ caseId: "c1", expectedVersion: 0, events: log.slice(0, 2) }]))).toEqual(Result.succeed(undefined))
      expect(await run(store.append([{ caseId: "c1", expectedVersion: 2, events: log.slice(2) }]))).toEqual(Result.succeed(undefined))
      expect(await run(store.load(Region.makeUnsafe("530103"), "c1"))).toEqual(Result.succeed(log))
      await close?.()
    })

    it("rejects an append at a stale version with VersionConflict and writes nothing", async () => {
      const { store, close } = await make()
      const log = caseLog("c1")
      await run(store.append([{ caseId: "c1", expectedVersion: 0, events: log.slice(0, 2) }]))
      const r = await run(store.append([{ caseId: "c1", expectedVersion: 1, events: log.slice(1) }]))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "VersionConflict", caseId: "c1", expected: 1, actual: 2 })
      const again = await run(store.append([{ caseId: "c1", expectedVersion: 0, events: log.slice(0, 1) }]))
      expect(Result.isFailure(again) && again.failure._tag).toBe("VersionConflict")
      expect(Result.getOrThrow(await run(store.load(Region.makeUnsafe("530103"), "c1")))).toHaveLength(2)
      await close?.()
    })

    it("rejects a malformed batch whole: another case's event, a gap in sequence", async () => {
      const { store, close } = await make()
      const log = caseLog("c1")
      const other = caseLog("c2")
      const mixed = await run(store.append([{ caseId: "c1", expectedVersion: 0, events: [log[0]!, other[1]!] }]))
      expect(Result.isFailure(mixed) && mixed.failure._tag).toBe("InvalidAppend")
      const gap = await run(store.append([{ caseId: "c1", expectedVersion: 0, events: [log[0]!, log[2]!] }]))
      expect(Result.isFailure(gap) && gap.failure._tag).toBe("InvalidAppend")
      expect(Result.isFailure(await run(store.load(Region.makeUnsafe("530103"), "c1")))).toBe(true)
      await close?.()
    })

    it("appends a batch in one go: several cases, a case's commands chained, all or nothing", async () => {
      const { store, close } = await make()
      const a = caseLog("a")
      const b = caseLog("b", "530102")
      expect(
        await run(store.append([
          { caseId: "a", expectedVersion: 0, events: a.slice(0, 1) },
          { caseId: "b", expectedVersion: 0, events: b },
          { caseId: "a", expectedVersion: 1, events: a.slice(1, 2) }
        ]))
      ).toEqual(Result.succeed(undefined))
      expect(Result.getOrThrow(await run(store.load(Region.makeUnsafe("53"), "a")))).toEqual(a.slice(0, 2))
      // One stale request fails the whole batch, naming its case; the other case is not written.
      const c = caseLog("c")
      const r = await run(store.append([
        { caseId: "c", expectedVersion: 0, events: c },
        { caseId: "a", expectedVersion: 1, events: a.slice(1) }
      ]))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "VersionConflict", caseId: "a", expected: 1, actual: 2 })
      expect(Result.isFailure(await run(store.load(Region.makeUnsafe("530103"), "c")))).toBe(true)
      const broken = await run(store.append([
        { caseId: "c", expectedVersion: 0, events: c.slice(0, 1) },
        { caseId: "c", expectedVersion: 2, events: c.slice(2) }
      ]))
      expect(Result.isFailure(broken) && broken.failure._tag).toBe("InvalidAppend")
      expect(Result.getOrThrow(await run(store.list(Region.makeUnsafe("53")))).map((h) => [h.caseId, h.version])).toEqual([["a", 2], ["b", 3]])
      await close?.()
    })

    it("scopes reads by region: a district sees its own, a city and a province their subtree", async () => {
      const { store, close } = await make()
      await run(store.append([{ caseId: "p1", expectedVersion: 0, events: caseLog("p1", "530103") }]))
      await run(store.append([{ caseId: "w1", expectedVersion: 0, events: caseLog("w1", "530102") }]))
      await run(store.append([{ caseId: "b1", expectedVersion: 0, events: caseLog("b1", "530502") }]))
      const ids = async (scope: string) => Result.getOrThrow(await run(store.list(Region.makeUnsafe(scope)))).map((h) => h.caseId)
      expect(await ids("530103")).toEqual(["p1"])
      expect(await ids("5301")).toEqual(["p1", "w1"])
      expect(await ids("53")).toEqual(["b1", "p1", "w1"])
      expect(await ids("000000")).toEqual(["b1", "p1", "w1"])
      const outside = await run(store.load(Region.makeUnsafe("530103"), "w1"))
      expect(Result.isFailure(outside) && outside.failure._tag).toBe("CaseNotFound")
      expect(Result.getOrThrow(await run(store.list(Region.makeUnsafe("5301"))))).toEqual([headOfLog(caseLog("p1", "530103")), headOfLog(caseLog("w1", "530102"))])
      expect(headOfLog(caseLog("p1"))).toMatchObject({ state: "assigned", lawyer: { lawyerId: "L1", since: "2024-05-07" } })
      await close?.()
    })

    it("holds one case per id in the deployment: the same id opened in another district is a conflict, read alike at every scope", async () => {
      const { store, close } = await make()
      expect(await run(store.append([{ caseId: "c1", expectedVersion: 0, events: caseLog("c1", "530103") }]))).toEqual(Result.succeed(undefined))
      const other = await run(store.append([{ caseId: "c1", expectedVersion: 0, events: caseLog("c1", "530102") }]))
      expect(Result.isFailure(other) && other.failure).toMatchObject({ _tag: "VersionConflict", caseId: "c1", expected: 0, actual: 3 })
      const later = await run(store.append([{ caseId: "c1", expectedVersion: 3, events: [{ ...caseLog("c1", "530102")[0]!, sequence: 4 }] }]))
      expect(Result.isFailure(later) && later.failure._tag).toBe("InvalidAppend")
      for (const scope of ["530103", "5301", "53", "000000"]) {
        expect(Result.getOrThrow(await run(store.load(Region.makeUnsafe(scope), "c1"))), scope).toEqual(caseLog("c1", "530103"))
        expect(Result.getOrThrow(await run(store.list(Region.makeUnsafe(scope)))), scope).toEqual([headOfLog(caseLog("c1", "530103"))])
      }
      const elsewhere = await run(store.load(Region.makeUnsafe("530102"), "c1"))
      expect(Result.isFailure(elsewhere) && elsewhere.failure._tag).toBe("CaseNotFound")
      await close?.()
    })

    it("reports a corrupted record as CorruptRecord naming it, without breaking the listing", async () => {
      const subject = await make()
      if (subject.corrupt === undefined) return
      const { store } = subject
      await run(store.append([{ caseId: "c1", expectedVersion: 0, events: caseLog("c1") }]))
      await run(store.append([{ caseId: "c2", expectedVersion: 0, events: caseLog("c2") }]))
      await subject.corrupt("c1", 2)
      const r = await run(store.load(Region.makeUnsafe("530103"), "c1"))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "CorruptRecord", store: "cases", key: "c1/2" })
      expect(Result.getOrThrow(await run(store.list(Region.makeUnsafe("530103")))).map((h) => h.caseId)).toEqual(["c1", "c2"])
      expect(Result.isSuccess(await run(store.load(Region.makeUnsafe("530103"), "c2")))).toBe(true)
      await subject.close?.()
    })

    it("behaves like a plain model under any sequence of appends, loads, listings and workload counts (fc.commands)", async () => {
      type Model = Map<string, { region: string; version: number }>
      const logs = new Map(["a", "b", "c", "d"].map((id, i) => [id, caseLog(id, ["530103", "530102", "530502", "530103"][i], ["L1", "L2", "L1", "L1"][i])]))
      type Real = CaseStoreShape

      class Append implements fc.AsyncCommand<Model, Real> {
        readonly caseId: string
        readonly expected: number
        readonly count: number
        constructor(caseId: string, expected: number, count: number) {
          this.caseId = caseId
          this.expected = expected
          this.count = count
        }
        check = () => true
        async run(model: Model, real: Real) {
          const log = logs.get(this.caseId)!
          const actual = model.get(this.caseId)?.version ?? 0
          const batch = log.slice(this.expected, this.expected + this.count)
          const r = await run(real.append([{ caseId: this.caseId, expectedVersion: this.expected, events: batch }]))
          if (batch.length === 0) {
            // Nothing to write: a no-op whatever the version.
            expect(Result.isSuccess(r)).toBe(true)
          } else if (this.expected !== actual) {
            expect(Result.isFailure(r) && r.failure._tag).toBe("VersionConflict")
          } else {
            expect(Result.isSuccess(r)).toBe(true)
            if (batch.length > 0) model.set(this.caseId, { region: batch[0]!.region, version: actual + batch.length })
          }
        }
        toString = () => `append(${this.caseId}, ${this.expected}, ${this.count})`
      }
      class Load implements fc.AsyncCommand<Model, Real> {
        readonly caseId: string
        readonly scope: string
        constructor(caseId: string, scope: string) {
          this.caseId = caseId
          this.scope = scope
        }
        check = () => true
        async run(model: Model, real: Real) {
          const r = await run(real.load(Region.makeUnsafe(this.scope), this.caseId))
          const m = model.get(this.caseId)
          if (m === undefined || !Region.contains(Region.makeUnsafe(this.scope), Region.makeUnsafe(m.region))) {
            expect(Result.isFailure(r) && r.failure._tag).toBe("CaseNotFound")
          } else {
            expect(r).toEqual(Result.succeed(logs.get(this.caseId)!.slice(0, m.version)))
          }
        }
        toString = () => `load(${this.caseId}, ${this.scope})`
      }
      class List implements fc.AsyncCommand<Model, Real> {
        readonly scope: string
        constructor(scope: string) {
          this.scope = scope
        }
        check = () => true
        async run(model: Model, real: Real) {
          const scope = Region.makeUnsafe(this.scope)
          const expected = [...model]
            .filter(([, v]) => Region.contains(scope, Region.makeUnsafe(v.region)))
            .map(([caseId, v]) => headOfLog(logs.get(caseId)!.slice(0, v.version)))
            .sort((x, y) => (x.caseId < y.caseId ? -1 : 1))
          expect(await run(real.list(scope))).toEqual(Result.succeed(expected))
        }
        toString = () => `list(${this.scope})`
      }
      class Workload implements fc.AsyncCommand<Model, Real> {
        readonly scope: string
        readonly period: WorkloadPeriod
        constructor(scope: string, period: WorkloadPeriod) {
          this.scope = scope
          this.period = period
        }
        check = () => true
        async run(model: Model, real: Real) {
          const scope = Region.makeUnsafe(this.scope)
          const heads = [...model]
            .filter(([, v]) => Region.contains(scope, Region.makeUnsafe(v.region)))
            .map(([caseId, v]) => headOfLog(logs.get(caseId)!.slice(0, v.version)))
          const r = await run(real.workload(scope, this.period))
          const sorted = (m: ReadonlyMap<string, LawyerCounts>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1))
          expect(Result.map(r, sorted)).toEqual(Result.succeed(sorted(countWorkload(heads, this.period))))
        }
        toString = () => `workload(${this.scope}, ${this.period.from}..${this.period.to})`
      }
      const caseId = fc.constantFrom("a", "b", "c", "d")
      const scope = fc.constantFrom("530103", "530102", "5301", "53", "5305")
      const commands = [
        fc.tuple(caseId, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([id, e, n]) => new Append(id, e, n)),
        fc.tuple(caseId, scope).map(([id, s]) => new Load(id, s)),
        scope.map((s) => new List(s)),
        fc
          .tuple(scope, fc.constantFrom(["2024-01-01", "2024-12-31"], ["2024-05-07", "2024-05-07"], ["2024-05-08", "2025-12-31"], ["2023-01-01", "2023-12-31"]))
          .map(([s, [from, to]]) => new Workload(s, { from: CalendarDate.makeUnsafe(from!), to: CalendarDate.makeUnsafe(to!) }))
      ]
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { size: "+1" }), async (cmds) => {
          const { store, close } = await make()
          await fc.asyncModelRun(() => ({ model: new Map() as Model, real: store }), cmds)
          await close?.()
        }),
        { numRuns: 40 }
      )
    })

    it("keeps parties' personal data apart, scoped by region, erasable", async () => {
      const subject = await make()
      const parties = subject.parties
      if (parties === undefined) return
      const party = Result.getOrThrow(decodeParty({ name: "李四", residentId: "11010519491231002X", phone: "13800000000" }))
      expect(await run(parties.put(Region.makeUnsafe("530103"), "c1", party))).toEqual(Result.succeed(undefined))
      const back = Result.getOrThrow(await run(parties.get(Region.makeUnsafe("5301"), "c1")))
      expect(back.name).toBe("李四")
      expect(back.residentId.reveal()).toBe("11010519491231002X")
      expect(back.phone).toBe("13800000000")
      const outside = await run(parties.get(Region.makeUnsafe("530102"), "c1"))
      expect(Result.isFailure(outside) && outside.failure._tag).toBe("CaseNotFound")
      if (subject.rawParty !== undefined) {
        // Sealed at rest: the row holds ciphertext, never the name, the number or the phone.
        const raw = await subject.rawParty("c1")
        expect(raw.length).toBeGreaterThan(0)
        for (const text of ["李四", "11010519491231002X", "13800000000"]) expect(raw).not.toContain(text)
      }
      if (subject.corruptParty !== undefined) {
        await subject.corruptParty("c1")
        const bad = await run(parties.get(Region.makeUnsafe("530103"), "c1"))
        expect(Result.isFailure(bad) && bad.failure).toMatchObject({ _tag: "CorruptRecord", store: "parties", key: "c1" })
      }
      // Erasure asked of another office, or of a scope the party is not in, fails and erases nothing.
      for (const scope of ["530102", "5305"]) {
        const wrong = await run(parties.erase(Region.makeUnsafe(scope), "c1"))
        expect(Result.isFailure(wrong) && wrong.failure._tag, scope).toBe("CaseNotFound")
      }
      if (subject.corruptParty === undefined) expect(Result.isSuccess(await run(parties.get(Region.makeUnsafe("530103"), "c1")))).toBe(true)
      expect(await run(parties.erase(Region.makeUnsafe("53"), "c1"))).toEqual(Result.succeed(undefined))
      const twice = await run(parties.erase(Region.makeUnsafe("530103"), "c1"))
      expect(Result.isFailure(twice) && twice.failure._tag).toBe("CaseNotFound")
      const gone = await run(parties.get(Region.makeUnsafe("530103"), "c1"))
      expect(Result.isFailure(gone) && gone.failure._tag).toBe("CaseNotFound")
      await subject.close?.()
    })

    it("saves rosters whole, scoped by region, and records worked shifts once per seat", async () => {
      const subject = await make()
      const rosters = subject.rosters
      if (rosters === undefined) return
      const roster: Roster = {
        period: { from: "2018-01-01", to: "2018-01-31" },
        assignments: [{ date: "2018-01-02" as WorkedShift["date"], siteId: "court", slot: "full", seat: 0, lawyerId: "L1", pinned: false }],
        unfilled: [{ date: "2018-01-03" as WorkedShift["date"], siteId: "court", slot: "am", seat: 0, reason: "no lawyer", byReason: { "unavailable that day": 2 } }],
        certificate: { loads: [{ lawyerId: "L1", load: 1 }], maxLoad: 1, minLoad: 1, groups: [], maxSpread: 0, lowerBound: 1, gap: 0 }
      }
      await run(rosters.put(Region.makeUnsafe("530103"), "r2018", roster))
      expect(await run(rosters.get(Region.makeUnsafe("5301"), "r2018"))).toEqual(Result.succeed(roster))
      const outside = await run(rosters.get(Region.makeUnsafe("530102"), "r2018"))
      expect(Result.isFailure(outside) && outside.failure._tag).toBe("RosterNotFound")
      const replanned = { ...roster, assignments: [{ ...roster.assignments[0]!, lawyerId: "L2" }] }
      await run(rosters.put(Region.makeUnsafe("530103"), "r2018", replanned))
      expect(await run(rosters.get(Region.makeUnsafe("530103"), "r2018"))).toEqual(Result.succeed(replanned))
      const shift = (date: string, lawyerId: string, region = "530103"): WorkedShift => ({ region: Region.makeUnsafe(region), date: date as WorkedShift["date"], siteId: "court", slot: "full", seat: 0, lawyerId, rosterId: "r2018" })
      await run(rosters.putWorked([shift("2018-01-09", "L1"), shift("2018-01-02", "L1"), shift("2018-01-02", "L2"), shift("2018-01-02", "L3", "530102")]))
      await run(rosters.putWorked([shift("2018-01-09", "L1")]))
      const worked = Result.getOrThrow(await run(rosters.listWorked(Region.makeUnsafe("530103"), { from: "2018-01-01" as WorkedShift["date"], to: "2018-01-31" as WorkedShift["date"] })))
      expect(worked.map((w) => [w.date, w.lawyerId])).toEqual([["2018-01-02", "L2"], ["2018-01-09", "L1"]])
      expect(Result.getOrThrow(await run(rosters.listWorked(Region.makeUnsafe("5301"), { from: "2018-01-02" as WorkedShift["date"], to: "2018-01-02" as WorkedShift["date"] })))).toHaveLength(2)
      if (subject.corruptRoster !== undefined) {
        await subject.corruptRoster("r2018")
        const bad = await run(rosters.get(Region.makeUnsafe("530103"), "r2018"))
        expect(Result.isFailure(bad) && bad.failure._tag).toBe("CorruptRecord")
      }
      await subject.close?.()
    })

    it("every query on a case table carries the region filter", async () => {
      const subject = await make()
      const queries = subject.queries?.()
      if (queries === undefined) return
      const caseQueries = queries.filter((q) => /fayuan_(case_events|case_heads|case_clocks|records|parties|rosters|duty_shifts)/.test(q) && /^\s*(select|update|delete)/i.test(q))
      expect(caseQueries.length).toBeGreaterThan(10)
      // A quoted identifier is "region" (PostgreSQL, SQLite) or `region` (the MySQL family).
      const unfiltered = caseQueries.filter((q) => !/\bregion["`]?\s*(=|>=|in \()/.test(q))
      expect(unfiltered).toEqual([])
      await subject.close?.()
    })
  })
}
