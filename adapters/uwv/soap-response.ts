/**
 * The parser for UWV's native format: a SOAP envelope whose body holds `<Operatie>Response` with
 * repeated record elements. fast-xml-parser keeps every value a string (`parseTagValue: false`) and
 * makes repeated elements arrays; zod does the rest. A document that is not the expected envelope,
 * or a SOAP Fault, means the partner failed: `PartnerUnavailableError`.
 */
import { XMLParser } from 'fast-xml-parser';
import { PartnerUnavailableError } from '../kit/partner-errors.js';

/** Elements that may repeat: the records of a response and the lists inside a record. */
const HERHAALDE_ELEMENTEN = new Set(['Klant', 'Werkgever', 'Vacature', 'Instrument', 'CompetentieCd', 'Doelgroep']);

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  isArray: (name) => HERHAALDE_ELEMENTEN.has(name),
});

export type SoapAntwoord = Record<string, unknown>;

/** Returns the `<responseElement>` of the envelope, or throws `PartnerUnavailableError` for `bronSysteem`. */
export function leesSoapAntwoord(xml: string, responseElement: string, bronSysteem: string): SoapAntwoord {
  const fout = (melding: string) => new PartnerUnavailableError('UWV', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: melding });
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    throw fout(`answer is not XML (expected ${responseElement})`);
  }
  const body = kind(kind(document, 'Envelope'), 'Body');
  if (!isRecord(body)) throw fout(`answer is not a SOAP envelope (expected ${responseElement})`);
  const fault = kind(body, 'Fault');
  if (isRecord(fault)) throw new PartnerUnavailableError('UWV', bronSysteem, 'HTTP_FOUT', { detail: `SOAP Fault ${tekst(fault.faultcode)}: ${tekst(fault.faultstring)}` });
  const antwoord = body[responseElement];
  // An empty response element (no records found) parses as an empty string.
  if (antwoord === '') return {};
  if (!isRecord(antwoord)) throw fout(`answer has no ${responseElement}`);
  return antwoord;
}

/**
 * A SOAP Fault answer's code without its prefix (`Client`: UWV refused the request itself; `Server`:
 * UWV failed) and its text; undefined when the answer is no Fault.
 */
export function leesSoapFault(xml: string): { code: string; tekst: string } | undefined {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return undefined;
  }
  const fault = kind(kind(kind(document, 'Envelope'), 'Body'), 'Fault');
  return isRecord(fault) ? { code: tekst(fault.faultcode).replace(/^.*:/, ''), tekst: tekst(fault.faultstring) } : undefined;
}

/** The repeated record elements of an answer, e.g. every `<Klant>`; empty when there are none. */
export function recordElementen(antwoord: SoapAntwoord, naam: string): unknown[] {
  const value = antwoord[naam];
  return Array.isArray(value) ? value : [];
}

/** `<AantalTotaal>` of a paged answer. */
export function aantalTotaal(antwoord: SoapAntwoord, bronSysteem: string): number {
  const value = antwoord.AantalTotaal;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new PartnerUnavailableError('UWV', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: 'answer has no valid AantalTotaal' });
  return Number(value);
}

function kind(node: unknown, naam: string): unknown {
  return isRecord(node) ? node[naam] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tekst(value: unknown): string {
  return typeof value === 'string' ? value : '(none)';
}
