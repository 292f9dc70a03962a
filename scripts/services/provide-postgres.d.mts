// Types of provide-postgres.mjs, for the TypeScript specs that make a database of their own.
/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string;
/** Drops database `name` (closing its connections) and creates it empty. */
export function recreateDatabase(serverUrl: string, name: string): Promise<void>;
/** Drops database `name` when it exists, closing its connections. */
export function dropDatabase(serverUrl: string, name: string): Promise<void>;
