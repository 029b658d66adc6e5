/** The V8 options `cchc` runs with (bin/node-flags.js). */
export const CLI_NODE_FLAGS: readonly string[];
