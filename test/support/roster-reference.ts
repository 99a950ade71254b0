/**
 * The rotation swaps of `refine` written the plain way, as an oracle: every seat s, every
 * candidate b of s, every seat t of b, the change computed in full. The solver skips a candidate
 * when a bound proves no seat of theirs improves; it must make the same swaps in the same order.
 */
import type { Board } from "../../src/roster/solve.ts"

/** Firm-quota transfers are the solver's own step 1; this is step 2 only. */
export const referenceSwaps = (board: Board): void => {
  const movable = (s: number) => board.seats[s]!.pinnedTo < 0 && board.holder[s]! >= 0
  const miss = (l: number, s: number) => {
    const law = board.lawyers[l]!
    const seat = board.seats[s]!
    return law.missSite[seat.site]! + law.missWeekday[seat.weekday]!
  }
  // The change in Σ count² (sites and weekdays) and unmet preferences of `l` when `out` goes and `into` comes.
  const delta = (l: number, out: number, into: number): number => {
    const law = board.lawyers[l]!
    const o = board.seats[out]!
    const i = board.seats[into]!
    let d = 0
    if (o.site !== i.site) d += 2 * (law.sites[i.site]! - law.sites[o.site]!) + 2
    if (o.weekday !== i.weekday) d += 2 * (law.weekdays[i.weekday]! - law.weekdays[o.weekday]!) + 2
    return d + miss(l, into) - miss(l, out)
  }
  for (let pass = 0; pass < 2; pass++) {
    let improved = false
    for (let s = 0; s < board.seats.length; s++) {
      if (!movable(s)) continue
      const a = board.holder[s]!
      for (const b of board.seats[s]!.candidates) {
        if (b === a || board.holder[s] !== a) continue
        for (const t of [...board.lawyers[b]!.seats]) {
          if (!movable(t) || delta(a, s, t) + delta(b, t, s) >= 0 || !board.seats[t]!.candidates.includes(a)) continue
          board.release(s)
          board.release(t)
          if (board.canTake(a, t) && board.canTake(b, s)) {
            board.take(a, t)
            board.take(b, s)
            improved = true
            break
          }
          board.take(a, s)
          board.take(b, t)
        }
      }
    }
    if (!improved) break
  }
}
