/** The loket store's migrations folder (index, consent), for `migrate` of the subgraph kit. */
export const LOKET_MIGRATIONS = new URL('./migrations/', import.meta.url);
