import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Rounding, roundings, roundRational } from "../src/Rounding.ts"

// Java's RoundingMode table: input → result per mode.
const table: ReadonlyArray<readonly [string, bigint, bigint, Record<Rounding, bigint>]> = [
  ["5.5", 11n, 2n, { up: 6n, down: 5n, ceiling: 6n, floor: 5n, "half-up": 6n, "half-down": 5n, "half-even": 6n }],
  ["2.5", 5n, 2n, { up: 3n, down: 2n, ceiling: 3n, floor: 2n, "half-up": 3n, "half-down": 2n, "half-even": 2n }],
  ["1.6", 8n, 5n, { up: 2n, down: 1n, ceiling: 2n, floor: 1n, "half-up": 2n, "half-down": 2n, "half-even": 2n }],
  ["1.1", 11n, 10n, { up: 2n, down: 1n, ceiling: 2n, floor: 1n, "half-up": 1n, "half-down": 1n, "half-even": 1n }],
  ["1.0", 1n, 1n, { up: 1n, down: 1n, ceiling: 1n, floor: 1n, "half-up": 1n, "half-down": 1n, "half-even": 1n }],
  ["-1.0", -1n, 1n, { up: -1n, down: -1n, ceiling: -1n, floor: -1n, "half-up": -1n, "half-down": -1n, "half-even": -1n }],
  ["-1.1", -11n, 10n, { up: -2n, down: -1n, ceiling: -1n, floor: -2n, "half-up": -1n, "half-down": -1n, "half-even": -1n }],
  ["-1.6", -8n, 5n, { up: -2n, down: -1n, ceiling: -1n, floor: -2n, "half-up": -2n, "half-down": -2n, "half-even": -2n }],
  ["-2.5", -5n, 2n, { up: -3n, down: -2n, ceiling: -2n, floor: -3n, "half-up": -3n, "half-down": -2n, "half-even": -2n }],
  ["-5.5", -11n, 2n, { up: -6n, down: -5n, ceiling: -5n, floor: -6n, "half-up": -6n, "half-down": -5n, "half-even": -6n }]
]

describe("roundRational", () => {
  for (const [label, n, d, expected] of table) {
    for (const mode of roundings) {
      it(`${label} ${mode} → ${expected[mode]}`, () => {
        expect(roundRational(n, d, mode)).toBe(expected[mode])
        // The same value with a negative denominator.
        expect(roundRational(-n, -d, mode)).toBe(expected[mode])
      })
    }
  }

  it("throws a RangeError on a zero denominator", () => {
    expect(() => roundRational(1n, 0n, "half-even")).toThrow(RangeError)
  })

  const fraction = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }))
  const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d))

  it("every mode lands on one of the two integers around the exact value", () => {
    fc.assert(
      fc.property(fraction, fc.constantFrom(...roundings), ([n, d], mode) => {
        const low = floorDiv(n, d)
        const r = roundRational(n, d, mode)
        if (n % d === 0n) expect(r).toBe(n / d)
        else expect(r === low || r === low + 1n).toBe(true)
      })
    )
  })

  it("each mode goes in its direction", () => {
    fc.assert(
      fc.property(fraction, ([n, d]) => {
        const low = floorDiv(n, d)
        const exact = n % d === 0n
        const high = exact ? low : low + 1n
        expect(roundRational(n, d, "floor")).toBe(low)
        expect(roundRational(n, d, "ceiling")).toBe(high)
        expect(roundRational(n, d, "down")).toBe(n >= 0n ? low : high)
        expect(roundRational(n, d, "up")).toBe(n >= 0n ? high : low)
        // Half modes: nearest; |2(n - low·d)| against d decides.
        const twice = 2n * (n - low * d)
        for (const mode of ["half-up", "half-down", "half-even"] as const) {
          const r = roundRational(n, d, mode)
          if (twice < d) expect(r).toBe(low)
          else if (twice > d) expect(r).toBe(high)
          else if (mode === "half-even") expect(r % 2n).toBe(0n)
          else if (mode === "half-up") expect(r).toBe(n >= 0n ? high : low)
          else expect(r).toBe(n >= 0n ? low : high)
        }
      })
    )
  })

  it("breaks exact ties as the mode says", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (k, scale) => {
        // (2k + 1) / 2 lies halfway between k and k + 1.
        const n = (2n * k + 1n) * scale
        const d = 2n * scale
        const away = k >= 0n ? k + 1n : k
        const towards = k >= 0n ? k : k + 1n
        expect(roundRational(n, d, "half-up")).toBe(away)
        expect(roundRational(n, d, "half-down")).toBe(towards)
        expect(roundRational(n, d, "half-even")).toBe(k % 2n === 0n ? k : k + 1n)
      })
    )
  })

  it("is odd-symmetric for the sign-symmetric modes", () => {
    fc.assert(
      fc.property(fraction, fc.constantFrom("up", "down", "half-up", "half-down", "half-even" as const), ([n, d], mode) => {
        expect(roundRational(-n, d, mode)).toBe(-roundRational(n, d, mode))
      })
    )
  })
})

describe("Rounding schema", () => {
  it("decodes the named modes only", () => {
    for (const mode of roundings) expect(Schema.decodeUnknownSync(Rounding)(mode)).toBe(mode)
    expect(() => Schema.decodeUnknownSync(Rounding)("HALF_UP")).toThrow()
  })
})
