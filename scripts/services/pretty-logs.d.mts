// Types of pretty-logs.mjs, for its test.
export function prettyLogLines(): Promise<(line: string) => string>;
