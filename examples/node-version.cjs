// `npm run demo` and `npm run examples` run the TypeScript sources directly (no build): Node
// strips the types itself from 22.18 on the 22 line and from 23.6 on. An older Node is told so
// at once, with the version it needs, instead of failing on the first `.ts` file.
"use strict"
const [major, minor] = process.versions.node.split(".").map(Number)
const ok = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)
if (!ok) {
  process.stderr.write(
    `fayuan: the examples run the TypeScript sources directly and need Node 22.18 or later (23.6 or later on the 23 line); this is Node ${process.versions.node}.\n` +
      "Install a maintained line: Node 22 (22.18 or later), 24 or 26.\n"
  )
  process.exit(1)
}
