/** A broken invariant in a property test: thrown by `ensure`, it fails the property with what broke. */
export class Violation extends Error {}

export function ensure(ok: boolean, what: string): void {
  if (!ok) throw new Violation(what);
}
