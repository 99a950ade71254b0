/**
 * The shipped catalogue (`src/rules/region-codes.ts`, `region-names.ts`) against its source,
 * `docs/research/regions-raw.tsv`: every listed code decodes, exists in each year it was listed and
 * not two years after its last, and carries the name of each period.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Region from "../src/Region.ts"

const rows = readFileSync(join(import.meta.dirname, "..", "docs", "research", "regions-raw.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [code, name, from, to] = line.split("\t")
    return { code: code!, name: name!, from: Number(from), to: to === undefined || to === "" ? undefined : Number(to) }
  })

const day = (year: number) => `${year}-07-01` as Parameters<typeof Region.existedOn>[1]

describe("the catalogue matches its source", () => {
  it("holds every row of the source", () => {
    expect(rows.length).toBeGreaterThan(3700)
    for (const row of rows) {
      const code = Region.parse(row.code)
      expect(Result.isSuccess(code), row.code).toBe(true)
      const c = Result.getOrThrow(code)
      const firstYear = Math.max(row.from, 2003)
      expect(Region.existedOn(c, day(firstYear)), `${row.code} in ${firstYear}`).toBe(true)
      const lastYear = row.to ?? 2025
      expect(Region.existedOn(c, day(lastYear)), `${row.code} in ${lastYear}`).toBe(true)
      expect(Region.name(c, "zh", day(Math.max(row.from, 2003))), `${row.code} named in ${row.from}`).toBe(
        rows.filter((r) => r.code === row.code && r.from <= Math.max(row.from, 2003)).sort((a, b) => a.from - b.from).at(-1)!.name
      )
    }
  })

  it("ends each abolished code the year after its last list", () => {
    for (const row of rows.filter((r) => r.to !== undefined)) {
      const later = rows.some((r) => r.code === row.code && r.from > row.to!)
      if (later) continue
      expect(Region.existedOn(Region.makeUnsafe(row.code), day(row.to! + 2)), row.code).toBe(false)
    }
  })
})
