/**
 * `npm run examples`: runs every example in turn, ending with the main job (`npm run demo`): the
 * Panlong 2018 replay on the embedded SQLite default, which writes the self-evaluation report.
 */
const examples = ["eligibility", "case-lifecycle", "roster", "subsidy", "storage", "documents", "http-service", "panlong-2018"] as const

for (const name of examples) {
  console.log(`\n═══ examples/${name}.ts`)
  await import(`./${name}.ts`)
}
