import { Result, Schema } from "effect"
import fc from "fast-check"
import * as util from "node:util"
import { describe, expect, it } from "vitest"
import * as Region from "../src/Region.ts"
import * as ResidentId from "../src/ResidentId.ts"
import { checkCharacter, residentIdNumber } from "./support/arbitraries.ts"
import { failure, ok } from "./support/result.ts"

// The worked example of GB 11643-1999: Chaoyang District, Beijing; born 1949-12-31; female.
const sample = "11010519491231002X"


/** Every way a value can end up in a log line. */
const renderings = (value: unknown): ReadonlyArray<string> => [
  String(value),
  `${value as string}`,
  JSON.stringify(value) ?? "",
  JSON.stringify({ nested: value }),
  util.inspect(value),
  util.inspect({ nested: [value] }, { depth: 10, showHidden: true }),
  util.format("%s %o %O %j", value, value, value, value),
  value instanceof Error ? `${value.message}\n${value.stack ?? ""}` : ""
]

/** Substrings of the number that must not appear: the whole, and its identifying middle. */
const secretParts = (raw: string): ReadonlyArray<string> => [raw, raw.toUpperCase(), raw.slice(6, 14), raw.slice(0, 17)]

const expectNoLeak = (value: unknown, raw: string) => {
  for (const text of renderings(value)) {
    for (const secret of secretParts(raw)) expect(text).not.toContain(secret)
  }
}

describe("parse", () => {
  it("reads the standard's example", () => {
    const id = ok(ResidentId.parse(sample))
    expect(id.reveal()).toBe(sample)
    expect(id.birthDate).toBe("1949-12-31")
    expect(id.regionCode).toBe("110105")
    expect(id.sex).toBe("female")
    expect(id.masked).toBe("110105********002X")
    expect(checkCharacter(sample.slice(0, 17))).toBe("X")
  })

  it("accepts a lowercase x and stores X", () => {
    const id = ok(ResidentId.parse(sample.toLowerCase()))
    expect(id.reveal()).toBe(sample)
    expect(id.equals(ok(ResidentId.parse(sample)))).toBe(true)
  })

  it("normalises a prefecture-level region prefix", () => {
    const first17 = "44190019800101001"
    const id = ok(ResidentId.parse(first17 + checkCharacter(first17)))
    expect(id.regionCode).toBe("4419")
    expect(id.sex).toBe("male")
  })

  it.each([
    ["", "length"],
    ["1101051949123100", "length"],
    [`${sample}0`, "length"],
    ["11010519491231002Y", "characters"],
    ["1101051949123100X2", "characters"],
    ["11010519491231002-", "characters"],
    ["１10105194912310021", "characters"],
    [" 1010519491231002X", "characters"],
    ["11010519491331002X", "birth-date"],
    ["11010518991231002X", "birth-date"],
    ["11010519490229002X", "birth-date"],
    ["00010519491231002X", "region"],
    ["11000119491231002X", "region"],
    ["110105194912310021", "check-digit"],
    ["11010519491231003X", "check-digit"]
  ] as const)("rejects %j (%s)", (input, reason) => {
    const e = failure(ResidentId.parse(input))
    expect(e._tag).toBe("InvalidResidentId")
    expect(e.reason).toBe(reason)
    expect(Object.keys(e).sort()).toEqual(["_tag", "reason"])
  })

  it("says what is wrong without the number", () => {
    const e = failure(ResidentId.parse("110105194912310021"))
    expect(e.message).toBe("resident ID number: check digit does not match")
    expectNoLeak(e, "110105194912310021")
  })
})

describe("a parsed number never shows itself", () => {
  it("String, template literals, JSON and inspect give the masked form", () => {
    const id = ok(ResidentId.parse(sample))
    expect(String(id)).toBe("110105********002X")
    expect(`${id}`).toBe("110105********002X")
    expect(JSON.stringify({ id })).toBe('{"id":"110105********002X"}')
    expect(util.inspect(id)).toBe("110105********002X")
    expectNoLeak(id, sample)
  })

  it("mask", () => {
    expect(ResidentId.mask("53010319900101123X")).toBe("530103********123X")
    expect(ResidentId.mask("abc")).toBe("***")
    expect(ResidentId.mask("")).toBe("")
  })

  it("the constructor is closed to callers", () => {
    const Ctor = ResidentId.ResidentId as unknown as new (key: symbol, raw: string) => unknown
    expect(() => new Ctor(Symbol("fayuan/ResidentId"), sample)).toThrow(TypeError)
  })
})

describe("properties", () => {
  it("every generated valid number parses and reveal() round-trips", () => {
    fc.assert(
      fc.property(residentIdNumber, (raw) => {
        const id = ok(ResidentId.parse(raw))
        expect(id.reveal()).toBe(raw)
        expect(id.masked).toBe(`${raw.slice(0, 6)}********${raw.slice(14)}`)
        expect(id.birthDate).toBe(`${raw.slice(6, 10)}-${raw.slice(10, 12)}-${raw.slice(12, 14)}`)
        expect(id.sex).toBe(Number(raw[16]) % 2 === 1 ? "male" : "female")
        const code = Region.parse(raw.slice(0, 6))
        expect(id.regionCode).toBe(Result.isSuccess(code) ? code.success : undefined)
        expect(ok(ResidentId.parse(raw.toLowerCase())).equals(id)).toBe(true)
      })
    )
  })

  it("changing any one character makes it fail", () => {
    const mutation = residentIdNumber.chain((raw) =>
      fc.integer({ min: 0, max: 17 }).chain((position) =>
        fc.constantFrom(...(position === 17 ? "0123456789X" : "0123456789"))
          .filter((c) => c !== raw[position])
          .map((c) => ({ raw, mutated: raw.slice(0, position) + c + raw.slice(position + 1) }))
      )
    )
    fc.assert(
      fc.property(mutation, ({ mutated }) => {
        expect(Result.isFailure(ResidentId.parse(mutated))).toBe(true)
      })
    )
  })

  it("neither errors nor parsed values ever contain the number", () => {
    const input = fc.oneof(
      residentIdNumber,
      residentIdNumber.chain((raw) =>
        fc.integer({ min: 0, max: 16 }).map((i) => raw.slice(0, i) + String((Number(raw[i]) + 1) % 10) + raw.slice(i + 1))
      ),
      residentIdNumber.map((raw) => raw.slice(0, 17)),
      residentIdNumber.map((raw) => `${raw}1`)
    )
    fc.assert(
      fc.property(input, (raw) => {
        const result = ResidentId.parse(raw)
        expectNoLeak(Result.isSuccess(result) ? result.success : result.failure, raw)
        expectNoLeak(result, raw)
      })
    )
  })
})

describe("ResidentIdFromString", () => {
  const decode = Schema.decodeUnknownResult(ResidentId.ResidentIdFromString)

  it("decodes to a ResidentId and encodes to the full number", () => {
    const id = Schema.decodeUnknownSync(ResidentId.ResidentIdFromString)(sample)
    expect(ResidentId.isResidentId(id)).toBe(true)
    expect(id.reveal()).toBe(sample)
    expect(Schema.encodeSync(ResidentId.ResidentIdFromString)(id)).toBe(sample)
  })

  it("works inside a struct", () => {
    const Applicant = Schema.Struct({ name: Schema.String, id: ResidentId.ResidentIdFromString })
    const applicant = Schema.decodeUnknownSync(Applicant)({ name: "张三", id: sample })
    expect(applicant.id.sex).toBe("female")
    expect(JSON.stringify(applicant)).toBe('{"name":"张三","id":"110105********002X"}')
  })

  it("failures name the reason but never the number", () => {
    fc.assert(
      fc.property(residentIdNumber, fc.integer({ min: 0, max: 16 }), (raw, i) => {
        const bad = raw.slice(0, i) + String((Number(raw[i]) + 1) % 10) + raw.slice(i + 1)
        const result = decode(bad, { errors: "all" })
        expect(Result.isFailure(result)).toBe(true)
        if (Result.isFailure(result)) {
          expect(result.failure.message).toMatch(/^resident ID number: /)
          expectNoLeak(result.failure, bad)
          expectNoLeak(result.failure.issue, bad)
        }
      })
    )
  })

  it("with reportInput, the module's own issue still holds no input (effect's wrappers do)", () => {
    const bad = "110105194912310021"
    const result = decode(bad, { reportInput: true })
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      const issue = result.failure.issue
      expect(issue._tag).toBe("Encoding")
      if (issue._tag === "Encoding") {
        expect(issue.issue._tag).toBe("InvalidValue")
        expectNoLeak(issue.issue, bad)
      }
    }
  })

  it("inside a struct, failures never contain the number (default options)", () => {
    const Applicant = Schema.Struct({ id: ResidentId.ResidentIdFromString })
    fc.assert(
      fc.property(residentIdNumber, fc.integer({ min: 0, max: 16 }), (raw, i) => {
        const bad = raw.slice(0, i) + String((Number(raw[i]) + 1) % 10) + raw.slice(i + 1)
        const nested = Schema.decodeUnknownResult(Applicant)({ id: bad }, { errors: "all" })
        expect(Result.isFailure(nested)).toBe(true)
        if (Result.isFailure(nested)) {
          expect(nested.failure.message).toMatch(/resident ID number: /)
          expectNoLeak(nested.failure, bad)
          expectNoLeak(nested.failure.issue, bad)
        }
      })
    )
  })

  it("rejects non-strings without echoing them", () => {
    for (const input of [110105194912310021, null, { id: sample }, [sample]]) {
      const result = decode(input)
      expect(Result.isFailure(result)).toBe(true)
      if (Result.isFailure(result)) {
        expect(result.failure.message).toBe("Expected string")
        expectNoLeak(result.failure, sample)
        expectNoLeak(result.failure.issue, sample)
      }
    }
  })
})

describe("what an ID number cannot be", () => {
  const withCheck = (first17: string) => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0)
    return first17 + "10X98765432"[sum % 11]!
  }
  it("rejects the national code and an unknown province as its region, with a valid check digit", () => {
    for (const n of [withCheck("00000019491231002"), withCheck("99010119491231002"), withCheck("10010119491231002")]) {
      const r = ResidentId.parse(n)
      expect(Result.isFailure(r) && r.failure.reason, n.slice(0, 6)).toBe("region")
    }
  })
  it("keeps numbers issued under a county code since abolished", () => {
    expect(Result.isSuccess(ResidentId.parse(withCheck("11010319491231002")))).toBe(true) // 崇文区, abolished 2010
  })
  it("rejects a birth date after 2099, or after the date it is read on", () => {
    const r = ResidentId.parse(withCheck("53010321500101002"))
    expect(Result.isFailure(r) && r.failure.reason).toBe("birth-date")
    const born = withCheck("53010320240601002")
    expect(Result.isSuccess(ResidentId.parse(born))).toBe(true)
    const early = ResidentId.parse(born, { asOf: "2024-05-31" as never })
    expect(Result.isFailure(early) && early.failure.reason).toBe("birth-date")
    expect(Result.isSuccess(ResidentId.parse(born, { asOf: "2024-06-01" as never }))).toBe(true)
  })
  it("answers a typed failure, never an exception, for input that is not a string", () => {
    for (const input of [undefined, null, 1, {}, [], 11010519491231002n]) {
      const r = ResidentId.parse(input)
      expect(Result.isFailure(r) && r.failure.reason).toBe("type")
    }
  })
})
