/**
 * Vitest setup file: every property test in the run uses one seed.
 *
 * The seed comes from `FAYUAN_FC_SEED` when set (to replay a failure), otherwise from the clock.
 * fast-check prints the seed and the shrunk counter-example in every failure message; this file
 * also prints the seed once per test file so a log shows which run it was.
 */
import fc from "fast-check"

const fromEnv = process.env["FAYUAN_FC_SEED"]
const seed = fromEnv !== undefined && fromEnv !== "" ? Number(fromEnv) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0
if (!Number.isSafeInteger(seed)) throw new Error(`FAYUAN_FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`)

fc.configureGlobal({ seed, numRuns: Number(process.env["FAYUAN_FC_RUNS"] ?? 200) })
if (process.env["FAYUAN_FC_QUIET"] === undefined) {
  console.info(`fast-check seed ${seed} (replay with FAYUAN_FC_SEED=${seed})`)
}
