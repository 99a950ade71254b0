/**
 * `npm run demo`: runs every example in turn (the Panlong 2018 replay will join them); the last
 * one persists to the embedded SQLite default and prints the database's path.
 */
const examples = ["eligibility", "case-lifecycle", "roster", "storage"] as const

for (const name of examples) {
  console.log(`\n═══ examples/${name}.ts`)
  await import(`./${name}.ts`)
}
