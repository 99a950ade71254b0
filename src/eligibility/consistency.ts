/**
 * The cross-field checks of an application, run after its fields decode.
 *
 * @since 0.1.0
 */
import * as Region from "../Region.ts"
import type { Application } from "./Application.ts"
import type { Issue } from "./InvalidApplication.ts"

const criminalKinds: ReadonlySet<string> = new Set([
  "criminal-defence",
  "criminal-victim",
  "private-prosecution",
  "incidental-civil",
  "compulsory-treatment"
])

/**
 * Checks across fields that a schema alone does not express: the birth date not after the
 * application's date, a division in force on that date, criminal-only facts only in criminal
 * matters, stages and procedures that fit the kind, no value listed twice. Both decoders run it
 * on an application whose fields are each well formed.
 *
 * @category decoding
 */
export const consistency = (app: Application, prefix: string): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const at = (p: string) => (prefix === "" ? p : `${prefix}.${p}`)
  const { applicant, matter } = app
  if (applicant.birthDate !== undefined && applicant.birthDate > app.date) {
    issues.push({ path: at("applicant.birthDate"), reason: "is after the application date" })
  }
  if (!Region.existedOn(app.region, app.date)) {
    issues.push({ path: at("region"), reason: `names no division in force on ${app.date} (GB/T 2260)` })
  }
  if (!criminalKinds.has(matter.kind)) {
    for (const key of ["stage", "possibleSentence", "inAbsentia", "procedure"] as const) {
      if (matter[key] !== undefined) issues.push({ path: at(`matter.${key}`), reason: `applies only to criminal matters, not ${matter.kind}` })
    }
  } else if (matter.kind !== "incidental-civil" && matter.claims.length > 0) {
    issues.push({ path: at("matter.claims"), reason: `claims apply to civil, administrative, arbitration and non-litigation matters, not ${matter.kind}` })
  }
  if (matter.stage === "filing" && matter.kind !== "private-prosecution" && matter.kind !== "incidental-civil") {
    issues.push({ path: at("matter.stage"), reason: "filing (before the court accepts a private prosecution) applies only to private prosecutions and incidental civil actions" })
  }
  if (matter.kind === "private-prosecution" && matter.stage !== undefined && matter.stage !== "filing" && matter.stage !== "trial") {
    issues.push({ path: at("matter.stage"), reason: "a private prosecution is either being filed or at trial" })
  }
  if (matter.procedure !== undefined && matter.stage !== undefined && matter.stage !== "trial") {
    issues.push({ path: at("matter.procedure"), reason: "a trial procedure applies only at the trial stage" })
  }
  const seen = (list: ReadonlyArray<string>, name: string) => {
    const set = new Set<string>()
    list.forEach((x, i) => {
      if (set.has(x)) issues.push({ path: at(`${name}[${i}]`), reason: "is listed twice" })
      set.add(x)
    })
  }
  seen(applicant.disabilities, "applicant.disabilities")
  seen(applicant.statuses, "applicant.statuses")
  seen(matter.claims, "matter.claims")
  return issues
}
