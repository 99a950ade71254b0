/**
 * A tiny timing helper for the benchmark scripts: warm a workload up, time several rounds with
 * `process.hrtime.bigint()`, and report the median throughput. A benchmark prints figures; it
 * never asserts on time.
 */
import type { CalendarDate } from "../src/CalendarDate.ts"
import * as Region from "../src/Region.ts"

export interface MeasureOptions {
  /** Untimed runs before the timed rounds (default 2). */
  readonly warmup?: number
  /** Timed rounds; the median is reported (default 7). */
  readonly rounds?: number
}

export interface Measurement {
  /** Median operations per second over the rounds. */
  readonly perSecond: number
  /** Operations per second of every round, in the order run. */
  readonly rounds: ReadonlyArray<number>
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Times `workload`, which performs `operations` operations per call (sync or async), and returns
 * the median throughput in operations per second.
 */
export const measure = async (
  operations: number,
  workload: () => unknown,
  options: MeasureOptions = {}
): Promise<Measurement> => {
  const warmup = options.warmup ?? 2
  const rounds = options.rounds ?? 7
  for (let i = 0; i < warmup; i++) await workload()
  const perRound: Array<number> = []
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint()
    await workload()
    const ns = Number(process.hrtime.bigint() - start)
    perRound.push((operations * 1e9) / Math.max(ns, 1))
  }
  return { perSecond: median(perRound), rounds: perRound }
}

const format = (value: number, unit: string): string => {
  if (unit === "x") return Math.abs(value) >= 1 ? value.toFixed(1) : value.toPrecision(2)
  if (Number.isInteger(value) || unit === "per-s" || Math.abs(value) >= 100) return String(Math.round(value))
  return value.toFixed(1)
}

/** Writes exactly one line: `bench: <name> <value> <unit>`. */
export const print = (name: string, value: number, unit: string): void => {
  process.stdout.write(`bench: ${name} ${format(value, unit)} ${unit}\n`)
}

/** xorshift32: a tiny deterministic PRNG returning floats in [0, 1), for seeded workloads. */
export const xorshift = (seed: number) => {
  let x = seed >>> 0 || 1
  return (): number => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 4_294_967_296
  }
}

/**
 * A throwaway database on the PostgreSQL server at `url` (a role that may create databases): its
 * connection string, and `drop` to remove it (forcing out any connection left).
 */
export const scratchPostgres = async (url: string, name: string): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const { default: pg } = await import("pg")
  const database = `${name}_${process.pid}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${database}`)
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${database}`
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    }
  }
}

/**
 * Up to `count` county-level divisions under `prefix` (a province or prefecture) that existed on
 * `on`, from the GB/T 2260 catalogue, in code order: benchmarks place their synthetic data in real
 * districts (the catalogue refuses made-up codes).
 */
export const countiesOf = (prefix: string, count: number, on = "2018-07-01"): ReadonlyArray<Region.RegionCode> =>
  Region.codes()
    .filter((c) => c.length === 6 && c.startsWith(prefix) && Region.existedOn(c, on as CalendarDate) && Region.name(c) !== "市辖区")
    .slice(0, count)

/** A database of its own on a MySQL-family server (`url` names any database there), dropped after. */
export const scratchMysql = async (url: string, name: string): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const { createConnection } = await import("mysql2/promise")
  const database = `${name}_${process.pid}`
  const admin = await createConnection({ uri: url })
  try {
    await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_bin`)
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${database}`
  return {
    url: target.toString(),
    drop: async () => {
      const c = await createConnection({ uri: url })
      try {
        await c.query(`drop database if exists ${database}`)
      } finally {
        await c.end()
      }
    }
  }
}
