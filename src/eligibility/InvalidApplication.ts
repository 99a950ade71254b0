/**
 * The failure of decoding an application: every bad field with its path and the reason. Shared by
 * the Schema decoder (`decodeApplication`) and the browser entry's hand-written one, which report
 * the same issues.
 *
 * @since 0.1.0
 */
import { Data } from "effect"

/**
 * One problem with the input: where (`applicant.household.members`) and why.
 *
 * @category errors
 */
export interface Issue {
  readonly path: string
  readonly reason: string
}

/**
 * The input is not a valid application. `issues` lists every bad field, not just the first.
 * Messages never repeat the input's values.
 *
 * @category errors
 */
export class InvalidApplication extends Data.TaggedError("InvalidApplication")<{
  readonly issues: ReadonlyArray<Issue>
}> {
  override get message(): string {
    return `invalid application: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * Renders a Schema path as `a.b[2].c`.
 *
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>, prefix = ""): string => {
  let out = prefix
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out
}
