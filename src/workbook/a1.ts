/** The A1 address helpers live in the domain (it needs them for problem locations); adapters use the same. */
export * from '../domain/a1';
