/**
 * `npm run demo`: runs every example in turn (the Panlong 2018 replay will join them).
 */
const examples = ["eligibility", "case-lifecycle"] as const

for (const name of examples) {
  console.log(`\n═══ examples/${name}.ts`)
  await import(`./${name}.ts`)
}
