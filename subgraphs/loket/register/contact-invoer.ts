/**
 * Checks the register's writes before anything is stored, naming the argument that is wrong: the
 * idempotency key, a KvK number of 8 digits, a date that fits the contact's status (a contact that took
 * place is not in the future nor over a year ago; a planned one is not in the past nor over a year
 * ahead), and texts within their length. Enum values (kanaal, status) are checked by GraphQL itself.
 */
import { dayMs } from '../../kit/date-argument.js';
import { badInput } from '../../kit/errors.js';
import type { AccountmanagerInvoer, ContactmomentInvoer } from '../generated/resolvers-types.js';

export const MAX_MEDEWERKER = 200;
export const MAX_ONDERWERP = 500;
const DAG_MS = 24 * 3600 * 1000;
const MAX_DAGEN = 366;

export interface NieuwContactmoment {
  kvkNummer: string;
  kanaal: ContactmomentInvoer['kanaal'];
  status: ContactmomentInvoer['status'];
  /** `YYYY-MM-DD`. */
  datum: string;
  medewerker: string;
  onderwerp: string;
}

export interface NieuweToewijzing {
  kvkNummer: string;
  naam: string;
  email: string | null;
  telefoon: string | null;
}

/** A client-chosen key: 8 to 100 characters of letters, digits and `-_.:` (a UUID fits). */
export function checkSleutel(sleutel: string): string {
  if (!/^[A-Za-z0-9._:-]{8,100}$/.test(sleutel)) {
    throw badInput('idempotentieSleutel must be 8 to 100 characters of letters, digits, "-", "_", "." or ":" (a UUID fits)', 'idempotentieSleutel');
  }
  return sleutel;
}

export function checkKvk(kvkNummer: string, argument: string): string {
  if (!/^\d{8}$/.test(kvkNummer)) throw badInput(`${argument} must be a KvK number of 8 digits, got "${kvkNummer.slice(0, 20)}"`, argument);
  return kvkNummer;
}

function tekst(value: string, argument: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(`${argument} must not be empty`, argument);
  if (trimmed.length > max) throw badInput(`${argument} is longer than ${max} characters (${trimmed.length})`, argument);
  return trimmed;
}

function optioneleTekst(value: string | null | undefined, argument: string, max: number, patroon?: RegExp, uitleg?: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = tekst(value, argument, max);
  if (patroon && !patroon.test(trimmed)) throw badInput(`${argument} ${uitleg}`, argument);
  return trimmed;
}

export function checkContactmomentInvoer(invoer: ContactmomentInvoer, now = Date.now()): NieuwContactmoment {
  const kvkNummer = checkKvk(invoer.werkgever, 'invoer.werkgever');
  const datum = String(invoer.datum);
  const ms = dayMs(datum);
  if (ms === undefined) throw badInput(`invoer.datum must be a date YYYY-MM-DD, got "${datum.slice(0, 20)}"`, 'invoer.datum');
  const vandaag = Math.floor(now / DAG_MS) * DAG_MS;
  if (invoer.status === 'GEDAAN' && (ms > vandaag || ms < vandaag - MAX_DAGEN * DAG_MS)) {
    throw badInput(`invoer.datum of a contact that took place (GEDAAN) must be today or in the last ${MAX_DAGEN} days, got ${datum}`, 'invoer.datum');
  }
  if (invoer.status === 'GEPLAND' && (ms < vandaag || ms > vandaag + MAX_DAGEN * DAG_MS)) {
    throw badInput(`invoer.datum of a planned contact (GEPLAND) must be today or in the next ${MAX_DAGEN} days, got ${datum}`, 'invoer.datum');
  }
  return {
    kvkNummer,
    kanaal: invoer.kanaal,
    status: invoer.status,
    datum,
    medewerker: tekst(invoer.medewerker, 'invoer.medewerker', MAX_MEDEWERKER),
    onderwerp: tekst(invoer.onderwerp, 'invoer.onderwerp', MAX_ONDERWERP),
  };
}

export function checkAccountmanagerInvoer(invoer: AccountmanagerInvoer): NieuweToewijzing {
  return {
    kvkNummer: checkKvk(invoer.werkgever, 'invoer.werkgever'),
    naam: tekst(invoer.naam, 'invoer.naam', MAX_MEDEWERKER),
    email: optioneleTekst(invoer.email, 'invoer.email', 200, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address'),
    telefoon: optioneleTekst(invoer.telefoon, 'invoer.telefoon', 30, /^\+?[0-9 ()-]{6,30}$/, 'must be a telephone number (digits, spaces, +, -, parentheses)'),
  };
}
