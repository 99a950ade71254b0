import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { decodeVectorFile, formatResults, parseVectorFile, runFile, runVector } from "../src/vectors/Vector.ts"

const folder = join(import.meta.dirname, "data", "vectors")
const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort()

describe("the public eligibility vectors", () => {
  it("are all present", () => {
    expect(files).toEqual(["lal-2022-audit.json", "lal-civil.json", "lal-criminal.json", "lar-2003.json", "lar-2013.json", "lar-2018.json"])
  })
  for (const name of files) {
    const decoded = decodeVectorFile(JSON.parse(readFileSync(join(folder, name), "utf8")), name)
    describe(name, () => {
      it("decodes", () => expect(Result.isSuccess(decoded)).toBe(true))
      if (Result.isFailure(decoded)) return
      for (const vector of decoded.success.vectors) {
        it(vector.name, () => {
          const r = runVector(vector, name)
          expect(r.differences).toEqual([])
          expect(r.passed).toBe(true)
        })
      }
    })
  }
})

const valid = {
  name: "minor suspect",
  date: "2024-05-10",
  region: "530103",
  applicant: { birthDate: "2008-03-01", disabilities: [], statuses: [], hasLawyer: false },
  matter: { kind: "criminal-defence", stage: "investigation", claims: [] },
  expect: { outcome: "mandatory", meansTest: "not-required", basis: ["LAL-25-1"] }
}

describe("running vectors", () => {
  it("reports each difference of a failing vector", () => {
    const file = Result.getOrThrow(
      decodeVectorFile(
        { description: "wrong on purpose", vectors: [{ ...valid, expect: { outcome: "eligible", meansTest: "passed", basis: ["LAL-25-1-2", "LAL-25"], lawyerMinYears: 3, missing: ["applicant.household"] } }] },
        "wrong.json"
      )
    )
    const [r] = runFile(file)
    expect(r!.passed).toBe(false)
    expect(r!.differences.map((d) => d.field)).toEqual(["outcome", "meansTest", "basis", "lawyerMinYears", "missing"])
    expect(r!.differences[0]).toEqual({ field: "outcome", expected: '"eligible"', actual: '"mandatory"' })
    const text = formatResults([r!])
    expect(text).toContain("✗ wrong.json › minor suspect")
    expect(text.split("\n").at(-1)).toBe("0 passed, 1 failed")
  })

  it("a basis id is met by the same id or a more specific one", () => {
    const file = Result.getOrThrow(decodeVectorFile({ description: "", vectors: [valid] }, "ok.json"))
    expect(runFile(file)[0]!.passed).toBe(true)
  })

  it("reports a decision that cannot be made as a failed vector", () => {
    const file = Result.getOrThrow(decodeVectorFile({ description: "", vectors: [{ ...valid, date: "2001-01-01", applicant: { ...valid.applicant, birthDate: "1980-01-01" } }] }, "old.json"))
    expect(runFile(file)[0]!.differences).toEqual([
      { field: "error", expected: "a decision", actual: "no rule set is in force for region 530103 on 2001-01-01" }
    ])
  })

  it("a malformed file names the file and every bad field", () => {
    const r = decodeVectorFile(
      {
        description: "bad",
        vectors: [
          valid,
          { ...valid, name: "", parameters: { "hardship.urban.multiple": 2.5, "no.such.key": 1 }, expect: { outcome: "maybe", basis: ["Article 25"] } },
          { ...valid, matter: { kind: "civil", claims: ["unknown-claim"] } }
        ]
      },
      "bad.json"
    )
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isSuccess(r)) return
    expect(r.failure.file).toBe("bad.json")
    expect(r.failure.issues.map((i) => i.path)).toEqual([
      "vectors[1].name",
      "vectors[1].parameters.hardship.urban.multiple",
      "vectors[1].parameters.no.such.key",
      "vectors[1].expect.outcome",
      "vectors[2].matter.claims[0]"
    ])
    expect(r.failure.message).toMatch(/^bad\.json: not a valid vector file/)
  })

  it("rejects a file that is not an object of vectors", () => {
    for (const input of [[], { vectors: [] }, { description: "x", vectors: [1] }, null]) {
      expect(Result.isFailure(decodeVectorFile(input, "x.json"))).toBe(true)
    }
  })
})

describe("a vector file that is not JSON", () => {
  it("is reported at its line and column, never with its text (it may hold an applicant's facts)", () => {
    const text = '{\n  "description": "张三的案件",\n  "vectors": [ }\n'
    const r = parseVectorFile(text, "x.json")
    expect(Result.isFailure(r) && r.failure.issues).toEqual([{ path: "", reason: "not valid JSON at line 3, column 16" }])
    expect(Result.isFailure(r) && r.failure.message).not.toMatch(/张三/)
    const cut = parseVectorFile('{ "description": "张三', "y.json")
    expect(Result.isFailure(cut) && cut.failure.message).toMatch(/not valid JSON at line 1, column \d+/)
    expect(Result.isFailure(cut) && cut.failure.message).not.toMatch(/张三/)
  })
})

describe("the place of a JSON error", () => {
  it("is found for any text that is not JSON, and never lies after the first bad character", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom("}", "]", ",", ":", "x", "\"", "\u0001"), (json, at, bad) => {
        const k = at % (json.length + 1)
        const text = json.slice(0, k) + bad + json.slice(k)
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        if (valid) return
        const r = parseVectorFile(text, "f.json")
        const reason = Result.isFailure(r) ? r.failure.issues[0]!.reason : ""
        const m = /^not valid JSON at line (\d+), column (\d+)/.exec(reason)
        expect(m, reason).not.toBeNull()
        // The inserted character is at line/column of k; the error is there or before it.
        const before = text.slice(0, k)
        const line = before.split("\n").length
        expect(Number(m![1])).toBeLessThanOrEqual(line)
      })
    )
  })
})
