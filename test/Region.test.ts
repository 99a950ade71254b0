import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Region from "../src/Region.ts"
import { regionCode } from "./support/arbitraries.ts"

const r = Region.makeUnsafe
const failure = <A, E>(result: Result.Result<A, E>): E => {
  if (Result.isSuccess(result)) throw new Error("expected failure")
  return result.failure
}

describe("parse", () => {
  it.each([
    ["000000", "000000"],
    ["53", "53"],
    ["5301", "5301"],
    ["530103", "530103"],
    ["530000", "53"],
    ["530100", "5301"],
    ["441900", "4419"],
    ["110101", "110101"],
    ["419001", "419001"]
  ])("%s → %s", (input, canonical) => {
    expect(Result.getOrThrow(Region.parse(input))).toBe(canonical)
  })

  it.each([
    ["", "format"],
    ["5", "format"],
    ["530", "format"],
    ["53010", "format"],
    ["5301030", "format"],
    ["53a1", "format"],
    [" 53", "format"],
    ["５３", "format"],
    ["00", "province"],
    ["0000", "province"],
    ["01", "province"],
    ["001234", "province"],
    ["000100", "province"],
    ["5300", "city"],
    ["530001", "city"]
  ] as const)("rejects %j (%s)", (input, reason) => {
    const e = failure(Region.parse(input))
    expect(e._tag).toBe("InvalidRegionCode")
    expect(e.reason).toBe(reason)
    expect(e.input).toBe(input)
    expect(e.message).toContain(JSON.stringify(input))
  })

  it("makeUnsafe throws the tagged error", () => {
    expect(() => r("5300")).toThrow(Region.InvalidRegionCode)
  })

  it("the schema accepts canonical codes only", () => {
    expect(Schema.decodeUnknownSync(Region.RegionCode)("530103")).toBe("530103")
    expect(Schema.decodeUnknownSync(Region.RegionCode)("000000")).toBe("000000")
    expect(() => Schema.decodeUnknownSync(Region.RegionCode)("530100")).toThrow(/padded/)
    expect(() => Schema.decodeUnknownSync(Region.RegionCode)("5300")).toThrow()
    expect(() => Schema.decodeUnknownSync(Region.RegionCode)(530103)).toThrow()
  })

  it("the schema accepts exactly the strings that parse to themselves", () => {
    const digits = fc.oneof(
      fc.string({ unit: fc.constantFrom("0", "1", "3", "5", "9"), minLength: 1, maxLength: 7 }),
      fc.string()
    )
    fc.assert(
      fc.property(digits, (s) => {
        const parsed = Region.parse(s)
        expect(Schema.is(Region.RegionCode)(s)).toBe(Result.isSuccess(parsed) && parsed.success === s)
      })
    )
  })
})

describe("hierarchy", () => {
  it("level", () => {
    expect(Region.level(Region.national)).toBe("national")
    expect(Region.level(r("53"))).toBe("province")
    expect(Region.level(r("5301"))).toBe("city")
    expect(Region.level(r("530103"))).toBe("county")
  })

  it("parent", () => {
    expect(Region.parent(r("530103"))).toBe("5301")
    expect(Region.parent(r("5301"))).toBe("53")
    expect(Region.parent(r("53"))).toBe("000000")
    expect(Region.parent(Region.national)).toBeUndefined()
  })

  it("ancestors from the code up to national, cached", () => {
    expect(Region.ancestors(r("530103"))).toEqual(["530103", "5301", "53", "000000"])
    expect(Region.ancestors(Region.national)).toEqual(["000000"])
    expect(Region.ancestors(r("530103"))).toBe(Region.ancestors(r("530103")))
    expect(Object.isFrozen(Region.ancestors(r("53")))).toBe(true)
  })

  it("contains", () => {
    expect(Region.contains(r("5301"), r("530103"))).toBe(true)
    expect(Region.contains(r("53"), r("530103"))).toBe(true)
    expect(Region.contains(Region.national, r("530103"))).toBe(true)
    expect(Region.contains(r("530103"), r("530103"))).toBe(true)
    expect(Region.contains(r("5305"), r("530103"))).toBe(false)
    expect(Region.contains(r("530103"), r("5301"))).toBe(false)
    expect(Region.contains(r("53"), Region.national)).toBe(false)
    expect(Region.contains(r("11"), r("110101"))).toBe(true)
    expect(Region.contains(r("1101"), r("110101"))).toBe(true)
    expect(Region.contains(r("11"), r("12"))).toBe(false)
  })

  it("ancestors end at national, start at the code, step up one level at a time, and each contains the code", () => {
    fc.assert(
      fc.property(regionCode, (code) => {
        const chain = Region.ancestors(code)
        expect(chain[0]).toBe(code)
        expect(chain[chain.length - 1]).toBe(Region.national)
        for (const a of chain) expect(Region.contains(a, code)).toBe(true)
        for (let i = 1; i < chain.length; i++) expect(chain[i]).toBe(Region.parent(chain[i - 1]!))
        const levels = ["county", "city", "province", "national"]
        expect(chain.map(Region.level)).toEqual(levels.slice(levels.indexOf(Region.level(code))))
      })
    )
  })

  it("contains means: is one of the ancestors", () => {
    fc.assert(
      fc.property(regionCode, regionCode, (a, b) => {
        expect(Region.contains(a, b)).toBe(Region.ancestors(b).includes(a))
      })
    )
  })

  it("contains is reflexive, antisymmetric and transitive", () => {
    // Build chains so that containment actually occurs.
    const related = regionCode.chain((c) => fc.constantFrom(...Region.ancestors(c)).map((a) => [a, c] as const))
    fc.assert(
      fc.property(related, regionCode, ([a, b], c) => {
        expect(Region.contains(a, a)).toBe(true)
        expect(Region.contains(a, b)).toBe(true)
        if (Region.contains(b, a)) expect(a).toBe(b)
        if (Region.contains(b, c)) expect(Region.contains(a, c)).toBe(true)
        for (const x of Region.ancestors(a)) expect(Region.contains(x, b)).toBe(true)
      })
    )
  })
})

describe("six digits and names", () => {
  it("toSixDigits", () => {
    expect(Region.toSixDigits(r("53"))).toBe("530000")
    expect(Region.toSixDigits(r("5301"))).toBe("530100")
    expect(Region.toSixDigits(r("530103"))).toBe("530103")
    expect(Region.toSixDigits(Region.national)).toBe("000000")
  })

  it("parse ∘ toSixDigits is the identity", () => {
    fc.assert(
      fc.property(regionCode, (code) => {
        const six = Region.toSixDigits(code)
        expect(six).toMatch(/^\d{6}$/)
        expect(Result.getOrThrow(Region.parse(six))).toBe(code)
      })
    )
  })

  it("names in Chinese and English", () => {
    expect(Region.name(Region.national)).toBe("中华人民共和国")
    expect(Region.name(Region.national, "en")).toBe("China")
    expect(Region.name(r("53"))).toBe("云南省")
    expect(Region.name(r("5301"), "en")).toBe("Kunming")
    expect(Region.name(r("530103"))).toBe("盘龙区")
    expect(Region.name(r("530103"), "en")).toBe("Panlong")
    expect(Region.name(r("530502"), "zh")).toBe("隆阳区")
    expect(Region.name(r("5305"), "en")).toBe("Baoshan")
    expect(Region.name(r("130502"), "zh", "2018-06-01" as never)).toBe("桥东区")
    expect(Region.name(r("130502"))).toBe("襄都区")
    for (const code of ["530102", "530103", "530111", "530112", "530113", "530114", "530115"]) {
      expect(Region.parent(r(code))).toBe("5301")
      expect(Region.name(r(code))).toMatch(/区$/)
    }
  })
})

describe("the GB/T 2260 catalogue", () => {
  it("refuses codes of the right shape that name no division", () => {
    for (const code of ["999999", "99", "9999", "710101", "530199", "5399", "110199"]) {
      const p = Region.parse(code)
      expect(Result.isFailure(p) && p.failure.reason, code).toBe("unknown")
    }
    const unknown = Region.parse("530199")
    expect(Result.isFailure(unknown) && unknown.failure.reason).toBe("unknown")
    expect(Result.isFailure(unknown) && unknown.failure.message).toMatch(/GB\/T 2260 catalogue \(edition 2025\)/)
  })

  it("answers a typed failure for input that is not a string, never an exception", () => {
    for (const input of [undefined, null, 530103, {}, [], Symbol("x"), () => "53"]) {
      const p = Region.parse(input)
      expect(Result.isFailure(p) && p.failure.reason).toBe("type")
    }
  })

  it("keeps an abolished code valid for the dates it existed", () => {
    const chongwen = Region.makeUnsafe("110103") // 崇文区, listed to 2009, merged into 东城区 in 2010
    expect(Region.name(chongwen)).toBe("崇文区")
    expect(Region.existedOn(chongwen, "2008-05-01" as never)).toBe(true)
    expect(Region.existedOn(chongwen, "2010-06-30" as never)).toBe(true)
    expect(Region.existedOn(chongwen, "2011-01-01" as never)).toBe(false)
    expect(Region.existedOn(chongwen, "2024-05-01" as never)).toBe(false)
    const chenggong = Region.makeUnsafe("530114") // 呈贡区, a district from 2011 (呈贡县 530121 before)
    expect(Region.existedOn(chenggong, "2010-01-01" as never)).toBe(false)
    expect(Region.existedOn(chenggong, "2011-06-01" as never)).toBe(true)
    expect(Region.existedOn(Region.makeUnsafe("530121"), "2009-01-01" as never)).toBe(true)
    expect(Region.existedOn(Region.national, "2003-09-01" as never)).toBe(true)
  })

  it("holds every province, and a prefecture or county under each", () => {
    const all = Region.codes()
    const provinces = all.filter((c) => c.length === 2)
    expect(provinces.length).toBeGreaterThanOrEqual(34)
    expect(all.length).toBeGreaterThan(3700)
    for (const p of provinces) expect(all.some((c) => c.length === 6 && c.startsWith(p)) || ["71", "81", "82"].includes(p), p).toBe(true)
  })

  it("takes divisions created after its edition from the host, for this process", () => {
    expect(Result.isFailure(Region.parse("650199"))).toBe(true)
    expect(Region.registerDivisions([{ code: "650199", name: "示例新区", from: 2027 }, { code: "990101", name: "x", from: 2027 }])).toEqual(["990101"])
    const added = Region.makeUnsafe("650199")
    expect(Region.name(added)).toBe("示例新区")
    expect(Region.existedOn(added, "2027-03-01" as never)).toBe(true)
    expect(Region.existedOn(added, "2026-03-01" as never)).toBe(false)
  })
})
