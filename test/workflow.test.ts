/**
 * The workflow's public calls (`execute`, `load`, `loadAll`, `dueInScope`) over a store: a double
 * submission, a stale screen, and whatever else a caller may send, each answered with its typed
 * failure and nothing written.
 */
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { makeMemoryStore } from "../adapters/memory/index.ts"
import type { Command } from "../src/lifecycle/Command.ts"
import { CaseStore } from "../src/lifecycle/Store.ts"
import { dueInScope, execute, executeMany, load, loadAll } from "../src/lifecycle/workflow.ts"
import * as Region from "../src/Region.ts"
import { applyCommand, ctx, eligible, ineligible, panlong } from "./support/lifecycle.ts"

const withStore = () => {
  const store = makeMemoryStore()
  const run = <A, E>(e: Effect.Effect<A, E, CaseStore>) => Effect.runSync(Effect.result(Effect.provideService(e, CaseStore, store)))
  return { store, run }
}
const tagOf = (r: Result.Result<unknown, { readonly _tag: string }>) => (Result.isFailure(r) ? r.failure._tag : "success")

describe("execute", () => {
  it("a second apply with the same case id is CaseAlreadyExists, and writes nothing", () => {
    const { run, store } = withStore()
    expect(tagOf(run(execute("c1", applyCommand("c1"), ctx("2024-05-06", "intake"))))).toBe("success")
    const again = run(execute("c1", applyCommand("c1"), ctx("2024-05-06", "intake", { time: "10:05:00" })))
    expect(Result.isFailure(again) && again.failure).toMatchObject({ _tag: "CaseAlreadyExists", caseId: "c1" })
    expect(Result.getOrThrow(run(store.load(panlong, "c1")))).toHaveLength(1)
  })

  it("applies at the expected version, and refuses a stale one with VersionConflict (If-Match)", () => {
    const { run, store } = withStore()
    run(execute("c1", applyCommand("c1"), ctx("2024-05-06", "intake")))
    // Two screens both built at version 1: the first wins, the second is stale.
    const first = run(execute("c1", { type: "startReview" }, ctx("2024-05-06", "reviewer"), { expectedVersion: 1 }))
    expect(tagOf(first)).toBe("success")
    const second = run(execute("c1", { type: "requestMaterials", missing: ["financial-proof"] }, ctx("2024-05-06", "reviewer"), { expectedVersion: 1 }))
    expect(Result.isFailure(second) && second.failure).toMatchObject({ _tag: "VersionConflict", caseId: "c1", expected: 1, actual: 2 })
    expect(Result.getOrThrow(run(store.load(panlong, "c1")))).toHaveLength(2)
    const bad = run(execute("c1", { type: "startReview" }, ctx("2024-05-06", "reviewer"), { expectedVersion: -1 }))
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({ _tag: "InvalidRequest", issues: [{ path: "options.expectedVersion" }] })
  })

  it("answers malformed input with a typed failure naming the field, never a throw", () => {
    const { run, store } = withStore()
    const c = ctx("2024-05-06", "intake")
    const cases: ReadonlyArray<readonly [string, () => Result.Result<unknown, { readonly _tag: string }>, string, string]> = [
      ["another case id in the command", () => run(execute("A", applyCommand("B"), c)), "InvalidCommand", "caseId"],
      ["an unknown command", () => run(execute("A", { type: "bogus" } as never, c)), "InvalidCommand", "type"],
      ["no actor", () => run(execute("A", applyCommand("A"), { ...c, actor: undefined } as never)), "InvalidRequest", "context.actor"],
      ["a bad instant", () => run(execute("A", applyCommand("A"), { ...c, at: "yesterday" })), "InvalidRequest", "context.at"],
      ["a 65-character id", () => run(execute("x".repeat(65), applyCommand("x".repeat(65)), c)), "InvalidRequest", "caseId"],
      ["an id with NUL", () => run(execute("a\u0000b", applyCommand("a\u0000b"), c)), "InvalidRequest", "caseId"],
      ["a number for an id", () => run(execute(42 as never, applyCommand("A"), c)), "InvalidRequest", "caseId"],
      ["no context", () => run(execute("A", applyCommand("A"), null as never)), "InvalidRequest", "context"],
      ["a division abolished before the day", () => run(execute("A", { ...applyCommand("A"), region: Region.makeUnsafe("110103") } as Command, { ...c, actor: { ...c.actor, region: Region.makeUnsafe("110103") } })), "InvalidCommand", "region"]
    ]
    for (const [what, attempt, tag, path] of cases) {
      const r = attempt()
      expect(tagOf(r), what).toBe(tag)
      const issues = Result.isFailure(r) ? (r.failure as unknown as { issues: ReadonlyArray<{ path: string }> }).issues : []
      expect(issues.map((i) => i.path), what).toContain(path)
    }
    expect(Result.getOrThrow(run(store.list(Region.makeUnsafe("53"))))).toEqual([])
  })

  it("load, loadAll and dueInScope check their arguments", () => {
    const { run } = withStore()
    expect(tagOf(run(load(panlong, "x".repeat(65))))).toBe("InvalidRequest")
    expect(tagOf(run(load("999999x" as never, "c1")))).toBe("InvalidRequest")
    expect(tagOf(run(loadAll(7 as never)))).toBe("InvalidRequest")
    expect(tagOf(run(dueInScope(panlong, "2024-13-01" as never)))).toBe("InvalidRequest")
    expect(tagOf(run(dueInScope(panlong, "2024-05-01" as never, { within: -2 })))).toBe("InvalidRequest")
    expect(tagOf(run(load(panlong, "c1")))).toBe("CaseNotFound")
  })
})

describe("executeMany", () => {
  it("runs a day's commands over many cases in one batch, in order, all or nothing", () => {
    const { run, store } = withStore()
    const ok = run(
      executeMany([
        { caseId: "A", command: applyCommand("A"), ctx: ctx("2024-05-06", "intake") },
        { caseId: "B", command: applyCommand("B"), ctx: ctx("2024-05-06", "intake", { time: "10:01:00" }) },
        { caseId: "A", command: { type: "startReview" }, ctx: ctx("2024-05-06", "reviewer", { time: "11:00:00" }) },
        { caseId: "A", command: { type: "decide", eligibility: eligible }, ctx: ctx("2024-05-06", "reviewer", { time: "11:30:00" }) }
      ])
    )
    expect(Result.isSuccess(ok) && [...ok.success.cases.values()].map((c) => [c.id, c.state])).toEqual([["A", "granted"], ["B", "received"]])
    expect(Result.getOrThrow(run(store.load(panlong, "A")))).toHaveLength(3)
    // A rejected request fails the batch, naming it, and nothing is written.
    const bad = run(
      executeMany([
        { caseId: "B", command: { type: "startReview" }, ctx: ctx("2024-05-07", "reviewer") },
        { caseId: "A", command: { type: "grade", grade: "pass" }, ctx: ctx("2024-05-07", "quality") }
      ])
    )
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({ _tag: "RequestFailed", index: 1, caseId: "A", error: { _tag: "CommandRejected" } })
    expect(Result.getOrThrow(run(store.load(panlong, "B")))).toHaveLength(1)
    const malformed = run(executeMany([{ caseId: "B", command: { type: "grade", grade: "superb" } as never, ctx: ctx("2024-05-07", "quality") }]))
    expect(Result.isFailure(malformed) && malformed.failure).toMatchObject({ _tag: "RequestFailed", index: 0, error: { _tag: "InvalidCommand", issues: [{ path: "requests[0].command.grade" }] } })
    const again = run(executeMany([{ caseId: "B", command: applyCommand("B"), ctx: ctx("2024-05-07", "intake") }]))
    expect(Result.isFailure(again) && again.failure).toMatchObject({ _tag: "RequestFailed", error: { _tag: "CaseAlreadyExists" } })
  })

  it("a decide without a decision applies the one recorded at intake, so the host keeps nothing between the two", () => {
    const { run } = withStore()
    run(execute("A", { ...applyCommand("A"), eligibility: eligible } as Command, ctx("2024-05-06", "intake")))
    const decided = run(execute("A", { type: "decide" }, ctx("2024-05-08", "reviewer")))
    expect(Result.isSuccess(decided) && decided.success.case.state).toBe("granted")
    expect(Result.isSuccess(decided) && decided.success.case.eligibility).toEqual(eligible)
    run(execute("B", applyCommand("B"), ctx("2024-05-06", "intake")))
    const none = run(execute("B", { type: "decide" }, ctx("2024-05-08", "reviewer")))
    expect(Result.isFailure(none) && none.failure).toMatchObject({ _tag: "CommandRejected" })
    run(execute("B", { type: "assess", eligibility: ineligible }, ctx("2024-05-08", "reviewer")))
    const refused = run(execute("B", { type: "decide" }, ctx("2024-05-08", "reviewer", { time: "11:00:00" })))
    expect(Result.isSuccess(refused) && refused.success.case.state).toBe("refused")
  })
})
