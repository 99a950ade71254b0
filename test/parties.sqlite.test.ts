/**
 * Personal data on the disk, read back from the raw bytes of the SQLite file and its write-ahead
 * log: sealed at rest with the host's key, gone after erasure (even stored in clear), refused when
 * nobody configured how to keep it, and re-sealed under a new key on rotation.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import type { OpenOptions } from "../adapters/kysely/open.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { decodeParty } from "../src/lifecycle/Party.ts"
import * as Region from "../src/Region.ts"

const dir = mkdtempSync(join(tmpdir(), "fayuan-parties-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const run = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromise(Effect.result(e))
const panlong = Region.makeUnsafe("530103")

const name = "欧阳春晓"
const idNumber = "530103199001011238"
const phone = "13912345678"
const party = Result.getOrThrow(decodeParty({ name, residentId: idNumber, phone }))
const other = Result.getOrThrow(decodeParty({ name: "司马秋月", residentId: "11010519491231002X", phone: "13800000000" }))

/** Every byte SQLite keeps for the database: the file, its write-ahead log and its index. */
const bytesOf = (path: string): Buffer => Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((f) => readFileSync(f)))
const holds = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, "utf8"))
const key = (id: string, fill: number) => ({ id, key: new Uint8Array(32).fill(fill) })

const withAdapter = async <A>(path: string, options: Omit<OpenOptions, "migrate">, body: (a: Awaited<ReturnType<typeof openSqlite>>) => Promise<A>): Promise<A> => {
  const a = await openSqlite({ path, ...options })
  try {
    return await body(a)
  } finally {
    await a.close()
  }
}

describe("parties at rest (SQLite)", () => {
  it("erasure leaves no readable copy in the file or its log, even of data stored in clear and replaced", async () => {
    const path = join(dir, "erase.sqlite")
    await withAdapter(path, { parties: { encryption: "off" } }, async (a) => {
      expect(await run(a.partyStore.put(panlong, "c1", other))).toEqual(Result.succeed(undefined))
      expect(await run(a.partyStore.put(panlong, "c1", party))).toEqual(Result.succeed(undefined)) // replaces the first
      expect(await run(a.partyStore.put(panlong, "c2", other))).toEqual(Result.succeed(undefined))
      expect(holds(bytesOf(path), name)).toBe(true) // in clear, as asked
      expect(await run(a.partyStore.erase(panlong, "c1"))).toEqual(Result.succeed(undefined))
      const bytes = bytesOf(path)
      for (const text of [name, idNumber, phone]) expect(holds(bytes, text), text).toBe(false)
      // The other party is untouched.
      expect(Result.getOrThrow(await run(a.partyStore.get(panlong, "c2"))).name).toBe("司马秋月")
    })
    const after = bytesOf(path)
    for (const text of [name, idNumber, phone]) expect(holds(after, text), text).toBe(false)
  })

  it("seals personal data with the host's key: the file never holds it in clear", async () => {
    const path = join(dir, "sealed.sqlite")
    await withAdapter(path, { parties: { keys: { current: key("k1", 1) } } }, async (a) => {
      await run(a.partyStore.put(panlong, "c1", party))
      const back = Result.getOrThrow(await run(a.partyStore.get(panlong, "c1")))
      expect([back.name, back.residentId.reveal(), back.phone]).toEqual([name, idNumber, phone])
      const bytes = bytesOf(path)
      for (const text of [name, idNumber, phone]) expect(holds(bytes, text), text).toBe(false)
    })
  })

  it("refuses to keep personal data until the host says how", async () => {
    await withAdapter(join(dir, "unconfigured.sqlite"), {}, async (a) => {
      const r = await run(a.partyStore.put(panlong, "c1", party))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "StoreError", store: "parties" })
      expect(Result.isFailure(r) && r.failure.message).toMatch(/encryption is not configured/)
    })
    await expect(openSqlite({ path: join(dir, "badkey.sqlite"), parties: { keys: { current: { id: "k", key: new Uint8Array(16) } } } }).then(async (a) => {
      const r = await run(a.partyStore.put(panlong, "c1", party))
      await a.close()
      return Result.isFailure(r) && r.failure.message
    })).resolves.toMatch(/must be 32 bytes/)
  })

  it("rotates keys: an old row opens with the previous key, re-encryption moves it to the current one, then the old key can go", async () => {
    const path = join(dir, "rotate.sqlite")
    await withAdapter(path, { parties: { keys: { current: key("k1", 1) } } }, async (a) => {
      await run(a.partyStore.put(panlong, "c1", party))
      await run(a.partyStore.put(panlong, "c2", other))
    })
    await withAdapter(path, { parties: { keys: { current: key("k2", 2), previous: [key("k1", 1)] } } }, async (a) => {
      expect(Result.getOrThrow(await run(a.partyStore.get(panlong, "c1"))).name).toBe(name)
      expect(await a.reencryptParties()).toBe(2)
      expect(await a.reencryptParties()).toBe(0)
    })
    await withAdapter(path, { parties: { keys: { current: key("k2", 2) } } }, async (a) => {
      expect(Result.getOrThrow(await run(a.partyStore.get(panlong, "c2"))).name).toBe("司马秋月")
    })
    await withAdapter(path, { parties: { keys: { current: key("k1", 1) } } }, async (a) => {
      const r = await run(a.partyStore.get(panlong, "c1"))
      expect(Result.isFailure(r) && r.failure.message).toMatch(/sealed under key k2/)
    })
  })

  it("a sealed value copied to another case's row does not open", async () => {
    const path = join(dir, "swap.sqlite")
    await withAdapter(path, { parties: { keys: { current: key("k1", 1) } } }, async (a) => {
      await run(a.partyStore.put(panlong, "c1", party))
      await run(a.partyStore.put(panlong, "c2", other))
      const row = await a.db.selectFrom("fayuan_parties").select(["data"]).where("region", "=", "530103").where("case_id", "=", "c1").executeTakeFirstOrThrow()
      await a.db.updateTable("fayuan_parties").set({ data: row.data }).where("region", "=", "530103").where("case_id", "=", "c2").execute()
      const r = await run(a.partyStore.get(panlong, "c2"))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "CorruptRecord", store: "parties", key: "c2" })
    })
  })
})

describe("a party prints masked", () => {
  it("in JSON and util.inspect, decoded or read back from a store; its fields read in full", async () => {
    const { inspect } = await import("node:util")
    const path = join(dir, "masked.sqlite")
    await withAdapter(path, { parties: { keys: { current: key("k1", 1) } } }, async (a) => {
      await run(a.partyStore.put(panlong, "c1", party))
      const back = Result.getOrThrow(await run(a.partyStore.get(panlong, "c1")))
      for (const p of [party, back]) {
        const shown = [JSON.stringify(p), inspect(p), String(p), JSON.stringify({ nested: [p] })].join(" ")
        for (const text of [name, idNumber, phone]) expect(shown, text).not.toContain(text)
        expect(JSON.parse(JSON.stringify(p))).toEqual({ name: "欧***", residentId: "530103********1238", phone: "139****5678" })
        expect([p.name, p.residentId.reveal(), p.phone]).toEqual([name, idNumber, phone])
      }
    })
  })
})

describe("personal data cannot enter what cannot be erased", () => {
  it("free text is refused where the log or the ledger would keep it; an erased party then leaves nothing readable anywhere in the file", async () => {
    const { execute } = await import("../src/lifecycle/workflow.ts")
    const { decodeEntries } = await import("../src/budget/Ledger.ts")
    const { ctx, applyCommand } = await import("./support/lifecycle.ts")
    const path = join(dir, "whole.sqlite")
    await withAdapter(path, { parties: { encryption: "off" } }, async (a) => {
      const exec = (command: unknown, role: Parameters<typeof ctx>[1], date = "2024-05-07") =>
        Effect.runPromise(Effect.result(Effect.provide(execute("c9", command as never, ctx(date, role)), a.layer)))
      expect((await exec(applyCommand("c9"), "intake", "2024-05-06"))._tag).toBe("Success")
      await run(a.partyStore.put(panlong, "c9", party))
      // The places free text could carry a name into the append-only log and the ledger:
      const materials = await exec({ type: "requestMaterials", missing: [`${name}的劳动合同`] }, "intake")
      expect(Result.isFailure(materials) && materials.failure._tag).toBe("InvalidCommand")
      expect((await exec({ type: "requestMaterials", missing: ["case-materials", "financial-proof"] }, "intake"))._tag).toBe("Success")
      const explained = await exec({ type: "assign", lawyerId: "L1", firmId: "F1", explanation: [`${name} 申请`] }, "dispatcher")
      expect(Result.isFailure(explained) && explained.failure._tag).toBe("InvalidCommand")
      const memo = decodeEntries([{ key: "k", budgetId: "B", lineId: "x", kind: "payment", amount: 1, on: "2024-05-07", source: { kind: "case", caseId: "c9" }, memo: `${name} ${phone}` }])
      expect(Result.isFailure(memo)).toBe(true)
      expect(await run(a.partyStore.erase(panlong, "c9"))).toEqual(Result.succeed(undefined))
    })
    const bytes = bytesOf(path)
    expect(holds(bytes, "c9")).toBe(true) // the case's record stays
    for (const text of [name, idNumber, phone]) expect(holds(bytes, text), text).toBe(false)
  })
})
