/**
 * A faster way to unzip a part, where the platform has one: the package (opc.ts) unzips with JSZip, in
 * JavaScript, in Node and in the browser alike; the CLI gives it Node's own zlib (`useRawInflate` in
 * src/cli/main.ts), which unzips a 20,000-row tracker several times faster and makes less garbage. This
 * module imports nothing, so the browser builds never see `node:zlib`.
 */

/**
 * Unzips raw DEFLATE data (a zip entry's, without header) into at most `maxBytes` bytes, and throws when the
 * data is damaged or would unzip to more.
 */
export type RawInflate = (data: Uint8Array, maxBytes: number) => Uint8Array;

let rawInflate: RawInflate | undefined;

/** Unzip with `inflate` from now on (undefined: with JSZip again). */
export function useRawInflate(inflate: RawInflate | undefined): void {
  rawInflate = inflate;
}

/** The inflater given to useRawInflate, if any. */
export function givenRawInflate(): RawInflate | undefined {
  return rawInflate;
}
