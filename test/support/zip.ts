/**
 * Reading a zip archive (a `.docx` or `.xlsx`) in tests, without a dependency.
 */
import { inflateRawSync } from "node:zlib"

/** Reads a file out of a zip archive (stored or deflated), or undefined. */
export const unzip = (zip: Uint8Array, name: string): string | undefined => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  if (end < 0) throw new Error("not a zip: no end of central directory")
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  for (let k = 0; k < entries; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad central directory")
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    const local = view.getUint32(at + 42, true)
    const entryName = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
    if (entryName === name) {
      const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
      const raw = zip.subarray(data, data + size)
      return new TextDecoder().decode(method === 8 ? inflateRawSync(raw) : raw)
    }
    at += 46 + skip
  }
  return undefined
}
