/** Unwrapping helpers for tests: fail loudly when a Result is not what the test expects. */
import { Result } from "effect"

export const ok = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(`expected success, got ${String(r.failure)}`)
  return r.success
}

export const failure = <A, E>(r: Result.Result<A, E>): E => {
  if (Result.isSuccess(r)) throw new Error("expected failure")
  return r.failure
}
