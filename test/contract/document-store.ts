/**
 * The contract every `DocumentStore` keeps: one sequence per region, year and kind, numbered from
 * 1 without gaps or duplicates — also when many writers (separate connections, and on SQLite
 * separate handles on one file) issue at once — and the same number again for the same document.
 */
import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type * as CalendarDate from "../../src/CalendarDate.ts"
import type { DocumentKind } from "../../src/documents/Document.ts"
import { documentKinds } from "../../src/documents/Document.ts"
import type { DocumentStoreShape, IssuedNumber, NumberRequest } from "../../src/documents/Store.ts"
import * as Region from "../../src/Region.ts"

/** `n` stores on one fresh database (separate connections where the engine has them). */
export interface DocumentTarget {
  readonly openMany: (n: number) => Promise<{ readonly stores: ReadonlyArray<DocumentStoreShape>; readonly closeAll: () => Promise<void> }>
}

const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))
const panlong = Region.makeUnsafe("530103")
const wuhua = Region.makeUnsafe("530102")
const kunming = Region.makeUnsafe("5301")

const request = (key: string, over: Partial<NumberRequest> = {}): NumberRequest => ({
  region: panlong,
  year: 2024,
  kind: "grant-decision",
  key,
  caseId: key.split("/")[0]!,
  issuedOn: "2024-05-08" as CalendarDate.CalendarDate,
  ...over
})

const numbers = (issued: ReadonlyArray<IssuedNumber>) => issued.map((d) => d.n)

export const documentStoreContract = (name: string, target: DocumentTarget): void => {
  describe(`DocumentStore contract: ${name}`, { timeout: 120_000 }, () => {
    it("numbers each sequence from 1 in the order asked; regions, years and kinds are separate sequences", async () => {
      const { stores, closeAll } = await target.openMany(1)
      try {
        const s = stores[0]!
        const n = async (r: NumberRequest) => Result.getOrThrow(await run(s.number(r))).n
        expect(await n(request("c1/grant-decision/3"))).toBe(1)
        expect(await n(request("c2/grant-decision/3"))).toBe(2)
        expect(await n(request("c3/refusal-decision/2", { kind: "refusal-decision" }))).toBe(1)
        expect(await n(request("c4/grant-decision/3", { region: wuhua }))).toBe(1)
        expect(await n(request("c5/grant-decision/3", { year: 2025, issuedOn: "2025-01-02" as CalendarDate.CalendarDate }))).toBe(1)
        expect(await n(request("c6/grant-decision/3"))).toBe(3)
        const all = Result.getOrThrow(await run(s.list(kunming)))
        expect(all.map((d) => [d.region, d.year, d.kind, d.n, d.caseId])).toEqual([
          ["530102", 2024, "grant-decision", 1, "c4"],
          ["530103", 2024, "grant-decision", 1, "c1"],
          ["530103", 2024, "grant-decision", 2, "c2"],
          ["530103", 2024, "grant-decision", 3, "c6"],
          ["530103", 2024, "refusal-decision", 1, "c3"],
          ["530103", 2025, "grant-decision", 1, "c5"]
        ])
        expect(numbers(Result.getOrThrow(await run(s.list(panlong, "c2"))))).toEqual([2])
        expect(Result.getOrThrow(await run(s.list(Region.makeUnsafe("530102"), "c2")))).toEqual([])
      } finally {
        await closeAll()
      }
    })

    it("issuing the same document again returns its number and first day, and takes no new number", async () => {
      const { stores, closeAll } = await target.openMany(1)
      try {
        const s = stores[0]!
        const first = Result.getOrThrow(await run(s.number(request("c1/grant-decision/3"))))
        const again = Result.getOrThrow(await run(s.number(request("c1/grant-decision/3", { issuedOn: "2024-06-01" as CalendarDate.CalendarDate }))))
        expect(again).toEqual(first)
        expect(Result.getOrThrow(await run(s.number(request("c2/grant-decision/3")))).n).toBe(2)
      } finally {
        await closeAll()
      }
    })

    it("a bad request is a StoreError naming the field, and takes no number", async () => {
      const { stores, closeAll } = await target.openMany(1)
      try {
        const s = stores[0]!
        const bad: ReadonlyArray<[Partial<NumberRequest>, string]> = [
          [{ year: 2024.5 }, "year"],
          [{ kind: "verdict" as DocumentKind }, "kind"],
          [{ key: "" }, "key"],
          [{ key: "x".repeat(201) }, "key"],
          [{ region: "5301" as Region.RegionCode }, "region"],
          [{ issuedOn: "2023-12-31" as CalendarDate.CalendarDate }, "issuedOn"]
        ]
        for (const [over, field] of bad) {
          const r = await run(s.number(request("c1/grant-decision/3", over)))
          expect(Result.isFailure(r) && r.failure._tag === "StoreError" && r.failure.reason.startsWith(`${field}:`), JSON.stringify(over)).toBe(true)
        }
        expect(Result.getOrThrow(await run(s.list(Region.national)))).toEqual([])
        expect(Result.getOrThrow(await run(s.number(request("c1/grant-decision/3")))).n).toBe(1)
      } finally {
        await closeAll()
      }
    })

    it("many writers at once: every document one number, the numbers 1..N without gap or duplicate, a shared document one number for all", async () => {
      const writers = 6
      const each = 8
      const { stores, closeAll } = await target.openMany(writers)
      try {
        const results = await Promise.all(
          stores.map((s, w) =>
            Promise.all(
              Array.from({ length: each + 2 }, (_, i) =>
                // Two documents every writer issues (the same event, issued from two desks), the rest its own.
                run(s.number(request(i < 2 ? `shared-${i}/grant-decision/3` : `w${w}-${i}/grant-decision/3`)))
              )
            )
          )
        )
        const issued = results.flat().map((r) => Result.getOrThrow(r))
        for (const i of [0, 1]) expect(new Set(issued.filter((d) => d.key === `shared-${i}/grant-decision/3`).map((d) => d.n)).size).toBe(1)
        const listed = Result.getOrThrow(await run(stores[0]!.list(panlong)))
        expect(numbers(listed)).toEqual(Array.from({ length: writers * each + 2 }, (_, i) => i + 1))
        const byKey = new Map(listed.map((d) => [d.key, d.n]))
        for (const d of issued) expect(byKey.get(d.key)).toBe(d.n)
      } finally {
        await closeAll()
      }
    })

    it("property: any order of requests gives each sequence 1..count and each document one number", async () => {
      const { stores, closeAll } = await target.openMany(1)
      let round = 0
      try {
        const s = stores[0]!
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.record({ doc: fc.integer({ min: 0, max: 6 }), kind: fc.constantFrom(...documentKinds.slice(0, 3)), region: fc.constantFrom(panlong, wuhua) }), { maxLength: 20 }),
            async (asks) => {
              // A year of its own per run: every sequence starts empty.
              const year = 2000 + round++
              const expected = new Map<string, number>()
              const counts = new Map<string, number>()
              for (const a of asks) {
                const key = `${year}-case-${a.doc}/${a.kind}/1`
                const got = Result.getOrThrow(await run(s.number(request(key, { region: a.region, kind: a.kind, year, issuedOn: `${year}-03-01` as CalendarDate.CalendarDate }))))
                const k = `${a.region}/${key}`
                if (!expected.has(k)) {
                  const seq = `${a.region}/${a.kind}`
                  counts.set(seq, (counts.get(seq) ?? 0) + 1)
                  expected.set(k, counts.get(seq)!)
                }
                expect(got.n).toBe(expected.get(k))
              }
            }
          ),
          { numRuns: name === "memory" ? 200 : 25 }
        )
      } finally {
        await closeAll()
      }
    })
  })
}
