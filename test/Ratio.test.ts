import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Ratio from "../src/Ratio.ts"
import { ratio } from "./support/arbitraries.ts"
import { failure, ok } from "./support/result.ts"


describe("Ratio.make", () => {
  it("reduces and moves the sign to the numerator", () => {
    expect(ok(Ratio.make(6, 8))).toEqual({ numerator: 3, denominator: 4 })
    expect(ok(Ratio.make(6, -8))).toEqual({ numerator: -3, denominator: 4 })
    expect(ok(Ratio.make(-6, -8))).toEqual({ numerator: 3, denominator: 4 })
    expect(ok(Ratio.make(0, -5))).toEqual({ numerator: 0, denominator: 1 })
  })

  it("rejects a zero denominator and non-safe integers", () => {
    const e = failure(Ratio.make(1, 0))
    expect(e._tag).toBe("InvalidRatio")
    expect(e.reason).toBe("denominator is zero")
    expect(e.input).toBe("1/0")
    expect(failure(Ratio.make(0.5, 1)).reason).toMatch(/numerator/)
    expect(failure(Ratio.make(1, Number.NaN)).reason).toMatch(/denominator/)
    expect(failure(Ratio.make(2 ** 53, 1)).reason).toMatch(/safe/)
  })

  it("makeUnsafe throws the tagged error", () => {
    expect(Ratio.makeUnsafe(2, 4)).toEqual({ numerator: 1, denominator: 2 })
    expect(() => Ratio.makeUnsafe(1, 0)).toThrow(Ratio.InvalidRatio)
  })
})

describe("Ratio.fromDecimal", () => {
  it.each([
    ["2", 2, 1],
    ["2.5", 5, 2],
    ["0.125", 1, 8],
    ["-1.5", -3, 2],
    ["0", 0, 1],
    ["-0", 0, 1],
    ["0.80", 4, 5],
    ["100", 100, 1],
    ["9007199254740991", 9007199254740991, 1],
    ["0.000000000000001", 1, 1e15]
  ])("reads %s", (input, numerator, denominator) => {
    expect(ok(Ratio.fromDecimal(input))).toEqual({ numerator, denominator })
  })

  it.each(["1e3", "", " 2", "2 ", ".5", "2.", "abc", "+2", "1,000", "1.2.3", "--1", "0x10", "Infinity", "NaN", "２"])(
    "rejects %j",
    (input) => {
      const e = failure(Ratio.fromDecimal(input))
      expect(e._tag).toBe("InvalidRatio")
      expect(e.input).toBe(input)
      expect(e.reason).toBe("not a plain decimal number")
    }
  )

  it("rejects numbers too precise for safe integers", () => {
    expect(failure(Ratio.fromDecimal("9007199254740993")).reason).toBe("too many digits")
    expect(failure(Ratio.fromDecimal("0.1234567890123456789")).reason).toBe("too many digits")
    expect(failure(Ratio.fromDecimal("1".repeat(100))).reason).toBe("too many digits")
  })

  it("a message names the input and the reason", () => {
    expect(failure(Ratio.fromDecimal("1e3")).message).toBe('invalid ratio "1e3": not a plain decimal number')
  })
})

describe("Ratio.toDecimalString", () => {
  it.each([
    [5, 2, "2.5"],
    [-3, 8, "-0.375"],
    [1, 3, "1/3"],
    [-2, 3, "-2/3"],
    [7, 1, "7"],
    [0, 1, "0"],
    [1, 1_000_000, "0.000001"],
    [-1, 20, "-0.05"],
    [1, 6, "1/6"]
  ])("%d/%d → %s", (n, d, text) => {
    expect(Ratio.toDecimalString(Ratio.makeUnsafe(n, d))).toBe(text)
  })

  it("round-trips through fromDecimal whenever the expansion is finite", () => {
    fc.assert(
      fc.property(ratio(), (r) => {
        const text = Ratio.toDecimalString(r)
        if (text.includes("/")) {
          expect(text).toBe(`${r.numerator}/${r.denominator}`)
        } else {
          expect(ok(Ratio.fromDecimal(text))).toEqual(r)
        }
      })
    )
  })

  it("fromDecimal then toDecimalString gives the canonical decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const negative = units < 0
        const digits = String(Math.abs(units)).padStart(places + 1, "0")
        const text = `${negative ? "-" : ""}${places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`}`
        const expected = Number(text)
        const back = Ratio.toDecimalString(ok(Ratio.fromDecimal(text)))
        expect(Number(back)).toBe(expected)
        expect(back).not.toMatch(/\.\d*0$/) // no trailing zeros
      })
    )
  })
})

describe("Ratio.compare and multiply", () => {
  const toBig = (r: Ratio.Ratio) => [BigInt(r.numerator), BigInt(r.denominator)] as const

  it("compare agrees with exact cross-multiplication", () => {
    fc.assert(
      fc.property(ratio({ min: -1e12, max: 1e12, maxDenominator: 1e12 }), ratio({ min: -1e12, max: 1e12, maxDenominator: 1e12 }), (a, b) => {
        const [an, ad] = toBig(a)
        const [bn, bd] = toBig(b)
        const expected = an * bd < bn * ad ? -1 : an * bd > bn * ad ? 1 : 0
        expect(Ratio.compare(a, b)).toBe(expected)
        expect(Ratio.compare(b, a)).toBe(-expected || 0)
      })
    )
  })

  it("compare handles large values exactly", () => {
    const a = Ratio.makeUnsafe(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1)
    const b = Ratio.makeUnsafe(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER - 2)
    expect(Ratio.compare(a, b)).toBe(-1)
    expect(Ratio.compare(a, a)).toBe(0)
  })

  it("multiply is exact and reduced", () => {
    fc.assert(
      fc.property(ratio(), ratio(), (a, b) => {
        const product = Ratio.multiply(a, b)
        expect(Ratio.isRatio(product)).toBe(true)
        const [an, ad] = toBig(a)
        const [bn, bd] = toBig(b)
        expect(BigInt(product.numerator) * ad * bd).toBe(an * bn * BigInt(product.denominator))
      })
    )
  })

  it("multiply by one and zero", () => {
    fc.assert(
      fc.property(ratio(), (a) => {
        expect(Ratio.multiply(a, Ratio.one)).toEqual(a)
        expect(Ratio.multiply(Ratio.zero, a)).toEqual(Ratio.zero)
      })
    )
  })

  it("multiply throws a RangeError when the product leaves the safe integers", () => {
    const big = Ratio.makeUnsafe(2 ** 40, 1)
    expect(() => Ratio.multiply(big, big)).toThrow(RangeError)
  })
})

describe("Ratio.isRatio", () => {
  it("accepts only reduced ratios of safe integers with positive denominators", () => {
    expect(Ratio.isRatio({ numerator: 1, denominator: 2 })).toBe(true)
    expect(Ratio.isRatio({ numerator: 0, denominator: 1 })).toBe(true)
    expect(Ratio.isRatio({ numerator: 2, denominator: 4 })).toBe(false)
    expect(Ratio.isRatio({ numerator: 1, denominator: -2 })).toBe(false)
    expect(Ratio.isRatio({ numerator: 1, denominator: 0 })).toBe(false)
    expect(Ratio.isRatio({ numerator: 0.5, denominator: 1 })).toBe(false)
    expect(Ratio.isRatio({ numerator: -0, denominator: 1 })).toBe(false)
    expect(Ratio.isRatio({ numerator: "1", denominator: 2 })).toBe(false)
    expect(Ratio.isRatio(null)).toBe(false)
    expect(Ratio.isRatio(0.5)).toBe(false)
  })
})

describe("Ratio.RatioFromDecimal", () => {
  it("decodes a decimal string and encodes back", () => {
    expect(Schema.decodeUnknownSync(Ratio.RatioFromDecimal)("0.8")).toEqual({ numerator: 4, denominator: 5 })
    expect(Schema.encodeSync(Ratio.RatioFromDecimal)(Ratio.makeUnsafe(3, 2))).toBe("1.5")
  })

  it("rejects non-decimals and non-strings", () => {
    const bad = Schema.decodeUnknownResult(Ratio.RatioFromDecimal)("1e3")
    expect(Result.isFailure(bad)).toBe(true)
    if (Result.isFailure(bad)) expect(bad.failure.message).toContain("not a plain decimal number")
    expect(Result.isFailure(Schema.decodeUnknownResult(Ratio.RatioFromDecimal)(0.5))).toBe(true)
  })

  it("refuses to encode a ratio without a finite decimal expansion", () => {
    expect(() => Schema.encodeSync(Ratio.RatioFromDecimal)(Ratio.makeUnsafe(1, 3))).toThrow(/finite decimal/)
  })

  it("works as a field of a struct", () => {
    const Rule = Schema.Struct({ multiplier: Ratio.RatioFromDecimal })
    expect(Schema.decodeUnknownSync(Rule)({ multiplier: "1.25" })).toEqual({ multiplier: { numerator: 5, denominator: 4 } })
  })

  it("the Ratio schema checks the invariant", () => {
    expect(Schema.is(Ratio.Ratio)({ numerator: 1, denominator: 2 })).toBe(true)
    expect(Schema.is(Ratio.Ratio)({ numerator: 2, denominator: 4 })).toBe(false)
  })
})
