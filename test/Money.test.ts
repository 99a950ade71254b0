import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Money from "../src/Money.ts"
import type { Fen } from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import { roundRational } from "../src/Rounding.ts"
import { budgetFen, fen, ratio } from "./support/arbitraries.ts"
import { failure, ok } from "./support/result.ts"

const f = Money.fenUnsafe
const max = Number.MAX_SAFE_INTEGER as Fen

describe("constructors", () => {
  it("fen accepts safe integers and normalises -0", () => {
    expect(ok(Money.fen(250))).toBe(250)
    expect(ok(Money.fen(-250))).toBe(-250)
    expect(Object.is(ok(Money.fen(-0)), 0)).toBe(true)
  })

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("fen rejects %d", (n) => {
    const e = failure(Money.fen(n))
    expect(e._tag).toBe("InvalidAmount")
    expect(e.reason).toBe("not a safe integer number of fen")
  })

  it("fenUnsafe throws the tagged error", () => {
    expect(() => Money.fenUnsafe(0.1)).toThrow(Money.InvalidAmount)
  })

  it("the Fen schema decodes integers only", () => {
    expect(Schema.decodeUnknownSync(Money.Fen)(120000)).toBe(120000)
    expect(() => Schema.decodeUnknownSync(Money.Fen)(1.5)).toThrow()
    expect(() => Schema.decodeUnknownSync(Money.Fen)("100")).toThrow()
  })
})

describe("arithmetic", () => {
  it("add, subtract, negate, sum, compare, isNegative", () => {
    expect(Money.add(f(150), f(-50))).toBe(100)
    expect(Money.subtract(f(100), f(250))).toBe(-150)
    expect(Money.negate(f(5))).toBe(-5)
    expect(Object.is(Money.negate(Money.zero), 0)).toBe(true)
    expect(Money.sum([f(100), f(250), f(-50)])).toBe(300)
    expect(Money.sum([])).toBe(0)
    expect(Money.compare(f(1), f(2))).toBe(-1)
    expect(Money.compare(f(2), f(2))).toBe(0)
    expect(Money.compare(f(3), f(2))).toBe(1)
    expect(Money.isNegative(f(-1))).toBe(true)
    expect(Money.isNegative(Money.zero)).toBe(false)
  })

  it("results outside the safe range are a RangeError", () => {
    expect(() => Money.add(max, f(1))).toThrow(RangeError)
    expect(() => Money.subtract(Money.negate(max), f(1))).toThrow(RangeError)
    expect(() => Money.sum([max, f(1)])).toThrow(RangeError)
    expect(() => Money.multiply(max, Ratio.makeUnsafe(2, 1), "down")).toThrow(RangeError)
    expect(Money.add(max, Money.negate(max))).toBe(0)
  })

  it("add and subtract are inverse", () => {
    fc.assert(
      fc.property(budgetFen, budgetFen, (a, b) => {
        expect(Money.subtract(Money.add(a, b), b)).toBe(a)
        expect(Money.add(Money.subtract(a, b), b)).toBe(a)
        expect(Money.add(a, Money.negate(b))).toBe(Money.subtract(a, b))
      })
    )
  })

  it("add agrees with BigInt or throws exactly when the result leaves the safe range", () => {
    fc.assert(
      fc.property(fen, fen, (a, b) => {
        const exact = BigInt(a) + BigInt(b)
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < BigInt(Number.MIN_SAFE_INTEGER)) {
          expect(() => Money.add(a, b)).toThrow(RangeError)
        } else {
          expect(BigInt(Money.add(a, b))).toBe(exact)
        }
      })
    )
  })

  it("compare is antisymmetric and agrees with subtract", () => {
    fc.assert(
      fc.property(budgetFen, budgetFen, (a, b) => {
        expect(Money.compare(a, b)).toBe(-Money.compare(b, a) || 0)
        expect(Money.compare(a, b)).toBe(Math.sign(Money.subtract(a, b)) || 0)
      })
    )
  })

  it("sum equals the exact BigInt sum", () => {
    fc.assert(
      fc.property(fc.array(budgetFen), (amounts) => {
        expect(BigInt(Money.sum(amounts))).toBe(amounts.reduce((s, a) => s + BigInt(a), 0n))
      })
    )
  })
})

describe("multiply", () => {
  it("examples", () => {
    expect(Money.multiply(f(1235), Ratio.makeUnsafe(4, 5), "half-up")).toBe(988)
    expect(Money.multiply(f(5), Ratio.makeUnsafe(1, 2), "half-even")).toBe(2)
    expect(Money.multiply(f(5), Ratio.makeUnsafe(1, 2), "half-up")).toBe(3)
    expect(Money.multiply(f(-5), Ratio.makeUnsafe(1, 2), "half-up")).toBe(-3)
    expect(Money.multiply(f(-5), Ratio.makeUnsafe(1, 2), "ceiling")).toBe(-2)
    expect(Money.multiply(f(100), Ratio.makeUnsafe(1, 3), "up")).toBe(34)
    expect(Money.multiply(f(100), Ratio.makeUnsafe(-1, 3), "floor")).toBe(-34)
  })

  it("is exact for every rounding mode (BigInt reference)", () => {
    fc.assert(
      fc.property(fen, ratio({ min: -1000, max: 1000, maxDenominator: 1000 }), fc.constantFrom(...Money.roundings), (amount, r, mode) => {
        const expected = roundRational(BigInt(amount) * BigInt(r.numerator), BigInt(r.denominator), mode)
        if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < BigInt(Number.MIN_SAFE_INTEGER)) {
          expect(() => Money.multiply(amount, r, mode)).toThrow(RangeError)
        } else {
          expect(BigInt(Money.multiply(amount, r, mode))).toBe(expected)
        }
      })
    )
  })

  it("respects the direction of each mode", () => {
    fc.assert(
      fc.property(budgetFen, ratio({ min: -1000, max: 1000, maxDenominator: 1000 }), (amount, r) => {
        // exact = amount · n / d; compare a result x with it via x · d against amount · n.
        const scaledExact = BigInt(amount) * BigInt(r.numerator)
        const d = BigInt(r.denominator)
        const at = (mode: Money.Rounding) => BigInt(Money.multiply(amount, r, mode)) * d
        const within = (x: bigint) => (x > scaledExact ? x - scaledExact : scaledExact - x) < d
        for (const mode of Money.roundings) expect(within(at(mode))).toBe(true)
        expect(at("floor") <= scaledExact).toBe(true)
        expect(at("ceiling") >= scaledExact).toBe(true)
        const abs = (x: bigint) => (x < 0n ? -x : x)
        const absExact = abs(scaledExact)
        expect(abs(at("down")) <= absExact).toBe(true)
        expect(abs(at("up")) >= absExact).toBe(true)
        for (const mode of ["half-up", "half-down", "half-even"] as const) {
          expect(2n * abs(at(mode) - scaledExact) <= d).toBe(true)
        }
      })
    )
  })
})

describe("multiply: the fast path", () => {
  it("agrees with the exact rational rounding on every mode, sign and size", () => {
    const amounts = fc.oneof(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), fc.integer({ min: 0, max: 1_000_000 }))
    const ratios = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 })).map(([n, d]) => Ratio.makeUnsafe(n, d))
    fc.assert(
      fc.property(amounts, ratios, fc.constantFrom(...Money.roundings), (n, r, mode) => {
        const exact = roundRational(BigInt(n) * BigInt(r.numerator), BigInt(r.denominator), mode)
        fc.pre(exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= BigInt(Number.MIN_SAFE_INTEGER))
        expect(BigInt(Money.multiply(n as Fen, r, mode))).toBe(exact)
      })
    )
    // A product beyond the safe integers takes the exact path.
    expect(Money.multiply((2 ** 51 + 1) as Fen, Ratio.makeUnsafe(7, 3), "half-even")).toBe(Number(roundRational(BigInt(2 ** 51 + 1) * 7n, 3n, "half-even")))
  })
})

describe("allocate", () => {
  it("examples", () => {
    expect(ok(Money.allocate(f(100), [1, 1, 1]))).toEqual([34, 33, 33])
    expect(ok(Money.allocate(f(-100), [1, 1, 1]))).toEqual([-34, -33, -33])
    expect(ok(Money.allocate(f(5), [Ratio.makeUnsafe(1, 2), 1]))).toEqual([2, 3])
    expect(ok(Money.allocate(f(-5), [Ratio.makeUnsafe(1, 2), 1]))).toEqual([-2, -3])
    expect(ok(Money.allocate(f(100), [0, 3, 0, 1]))).toEqual([0, 75, 0, 25])
    expect(ok(Money.allocate(f(1), [1, 1]))).toEqual([1, 0])
    expect(ok(Money.allocate(f(0), [1, 2]))).toEqual([0, 0])
    expect(ok(Money.allocate(f(10), [Ratio.makeUnsafe(1, 3), Ratio.makeUnsafe(2, 3)]))).toEqual([3, 7])
    // 360,000 yuan of grants over 12 judicial offices.
    expect(ok(Money.allocate(f(36_000_000), Array.from({ length: 12 }, () => 1)))).toEqual(Array.from({ length: 12 }, () => 3_000_000))
  })

  it("no fen is ever -0", () => {
    for (const share of ok(Money.allocate(f(-1), [1, 1]))) expect(Object.is(share, -0)).toBe(false)
  })

  it("refuses bad weights", () => {
    expect(failure(Money.allocate(f(100), [])).reason).toBe("empty")
    const negative = failure(Money.allocate(f(100), [1, -1]))
    expect(negative.reason).toBe("negative-weight")
    expect(negative.index).toBe(1)
    expect(failure(Money.allocate(f(100), [Ratio.makeUnsafe(-1, 2)])).reason).toBe("negative-weight")
    expect(failure(Money.allocate(f(100), [0, 0])).reason).toBe("all-zero")
    expect(failure(Money.allocate(f(100), [0.5, 0.5])).reason).toBe("not-an-integer-weight")
    expect(failure(Money.allocate(f(100), [Number.NaN])).reason).toBe("not-an-integer-weight")
    expect(failure(Money.allocate(f(100), [])).message).toMatch(/empty/)
  })

  const weight = fc.oneof(fc.nat({ max: 1000 }), ratio({ min: 0, max: 1000, maxDenominator: 1000 }))
  const weights = fc.array(weight, { minLength: 1, maxLength: 20 }).filter((ws) =>
    ws.some((w) => (typeof w === "number" ? w > 0 : w.numerator > 0))
  )
  const asRatio = (w: number | Ratio.Ratio) => (typeof w === "number" ? { numerator: w, denominator: 1 } : w)

  it("conserves the total and stays within one fen of each exact share", () => {
    fc.assert(
      fc.property(budgetFen, weights, (total, ws) => {
        const shares = ok(Money.allocate(total, ws))
        expect(shares).toHaveLength(ws.length)
        expect(BigInt(Money.sum(shares))).toBe(BigInt(total))
        // Exact share i = total · w_i / Σw; with w_i = n_i / d_i bring everything to one denominator.
        const common = ws.reduce((l, w) => {
          const d = BigInt(asRatio(w).denominator)
          let a = l
          let b = d
          while (b !== 0n) [a, b] = [b, a % b]
          return (l / a) * d
        }, 1n)
        const scaled = ws.map((w) => BigInt(asRatio(w).numerator) * (common / BigInt(asRatio(w).denominator)))
        const totalWeight = scaled.reduce((s, x) => s + x, 0n)
        shares.forEach((share, i) => {
          const diff = BigInt(share) * totalWeight - BigInt(total) * scaled[i]!
          expect((diff < 0n ? -diff : diff) < totalWeight).toBe(true)
          if (scaled[i] === 0n) expect(share).toBe(0)
          expect(Number.isSafeInteger(share)).toBe(true)
        })
      })
    )
  })

  it("is the negation of the positive allocation for negative totals", () => {
    fc.assert(
      fc.property(budgetFen, weights, (total, ws) => {
        const negated = ok(Money.allocate(Money.negate(total), ws)).map(Money.negate)
        expect(ok(Money.allocate(total, ws))).toEqual(negated)
      })
    )
  })

  it("ties go to the lower index", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10_000 }), (n, total) => {
        const shares = ok(Money.allocate(f(total), Array.from({ length: n }, () => 1)))
        for (let i = 1; i < n; i++) expect(shares[i - 1]! >= shares[i]!).toBe(true)
      })
    )
  })
})

describe("splitEvenly", () => {
  it("examples", () => {
    expect(ok(Money.splitEvenly(f(100), 3))).toEqual([34, 33, 33])
    expect(ok(Money.splitEvenly(f(-5), 3))).toEqual([-2, -2, -1])
    expect(ok(Money.splitEvenly(f(0), 2))).toEqual([0, 0])
    expect(Object.is(ok(Money.splitEvenly(f(-1), 2))[1], 0)).toBe(true)
    expect(failure(Money.splitEvenly(f(100), 0)).reason).toBe("parts")
    expect(failure(Money.splitEvenly(f(100), 1.5)).reason).toBe("parts")
  })

  it("agrees with allocate over equal weights", () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 1, max: 40 }), (total, n) => {
        expect(ok(Money.splitEvenly(total, n))).toEqual(ok(Money.allocate(total, Array.from({ length: n }, () => 1))))
      })
    )
  })
})

describe("yuan strings", () => {
  it.each([
    [0, "¥0.00", "0.00"],
    [5, "¥0.05", "0.05"],
    [-5, "-¥0.05", "-0.05"],
    [123456, "¥1,234.56", "1234.56"],
    [-123456789, "-¥1,234,567.89", "-1234567.89"],
    [100000, "¥1,000.00", "1000.00"],
    [99999, "¥999.99", "999.99"],
    [Number.MAX_SAFE_INTEGER, "¥90,071,992,547,409.91", "90071992547409.91"]
  ])("%d fen → %s / %s", (n, formatted, plain) => {
    expect(Money.format(f(n))).toBe(formatted)
    expect(Money.toYuanString(f(n))).toBe(plain)
  })

  it.each([
    ["1234.56", 123456],
    ["1234.5", 123450],
    ["12", 1200],
    ["-0.05", -5],
    ["-0", 0],
    ["007.10", 710],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER]
  ])("fromYuan(%j) = %d", (input, expected) => {
    const value = ok(Money.fromYuan(input))
    expect(value).toBe(expected)
    expect(Object.is(value, -0)).toBe(false)
  })

  it.each(["", "1,234.56", "¥12", "12.345", "1.", ".5", " 1", "1 ", "+1", "1e3", "abc", "--1", "１２"])("fromYuan rejects %j", (input) => {
    const e = failure(Money.fromYuan(input))
    expect(e._tag).toBe("InvalidAmount")
    expect(e.input).toBe(input)
  })

  it("fromYuan rejects amounts outside the safe range", () => {
    expect(failure(Money.fromYuan("90071992547409.92")).reason).toBe("outside the safe fen range")
  })

  it("toYuanString and fromYuan round-trip", () => {
    fc.assert(
      fc.property(fen, (amount) => {
        expect(ok(Money.fromYuan(Money.toYuanString(amount)))).toBe(amount)
      })
    )
  })

  it("format is toYuanString with a yuan sign and grouping", () => {
    fc.assert(
      fc.property(fen, (amount) => {
        const formatted = Money.format(amount)
        expect(formatted).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/)
        const plain = formatted.replace("¥", "").replaceAll(",", "")
        expect(ok(Money.fromYuan(plain))).toBe(amount)
      })
    )
  })
})
