/**
 * Driver errors, described without their messages, and the wait between retries. Adapter-internal.
 */

/**
 * Describes a driver error without its message: drivers quote values (a key, a row) in their
 * messages, and stored values may be personal data. Only the error's code or class is kept.
 */
export const databaseError = (e: unknown): string => {
  if (typeof e === "object" && e !== null) {
    const code = (e as { code?: unknown }).code
    // Not the database's: a stored integer (a ledger's sum) past the exact range. Retrying
    // will not help, so it is not described as a database error.
    if (code === "ERR_OUT_OF_RANGE") return "a stored integer is outside the exact range (ERR_OUT_OF_RANGE)"
    if (typeof code === "string" || typeof code === "number") return `database error ${code}`
    const errcode = (e as { errcode?: unknown }).errcode
    if (typeof errcode === "number") return `database error ${errcode}`
    const name = (e as { name?: unknown }).name
    if (typeof name === "string") return `database error (${name})`
  }
  return "database error"
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The wait before retry `attempt` of a busy or lost-race write: jittered, growing to 50 ms. */
export const backoff = (attempt: number): Promise<void> => sleep(1 + Math.floor(Math.random() * Math.min(50, 2 ** Math.min(attempt, 6))))
