/**
 * Where a sandbox partner keeps the contact moments delivered to it: in memory, once per source system
 * and idempotency key. A second delivery with a key the source system already has (a retry after a
 * lost answer) gets the first delivery's reference and stores nothing new; every delivery of a key is
 * counted. `GET /_sandbox/contactmomenten` shows what was received, so tests and benchmarks can check
 * that each contact is stored exactly once:
 * `{ ontvangen, herhaald, contactmomenten: [{ bronSysteem, sleutel, referentie, pogingen, ontvangenOp, velden }] }`.
 */
import type { SandboxRoute } from './partner-server.js';

export interface ContactOntvangst {
  /** The partner's reference of the stored contact: the first delivery's for a repeat. */
  referentie: string;
  /** False when the source system already had a contact with this key. */
  nieuw: boolean;
  /** The fields as stored, i.e. as the first delivery of this key brought them. */
  velden: Readonly<Record<string, string>>;
}

export interface OntvangenContactmoment {
  bronSysteem: string;
  sleutel: string;
  referentie: string;
  /** Deliveries of this key, the first one included. */
  pogingen: number;
  /** When the first delivery of this key arrived (ISO 8601): benchmarks measure delivery lag with it. */
  ontvangenOp: string;
  /** The fields in the partner's own names and formats, as stored. */
  velden: Record<string, string>;
}

export interface ContactInboxOverzicht {
  /** Deliveries accepted, repeats included. */
  ontvangen: number;
  /** Deliveries whose key the source system already had. */
  herhaald: number;
  /** Every stored contact, in the order they arrived. */
  contactmomenten: OntvangenContactmoment[];
}

export interface ContactInbox {
  /** Stores a delivered contact unless `bronSysteem` already has one with `sleutel`. */
  receive(bronSysteem: string, sleutel: string, record: Record<string, string>): ContactOntvangst;
  /** A copy of what was received. */
  overzicht(): ContactInboxOverzicht;
}

/** The partner's reference of the `volgnummer`-th contact (from 1) a source system stores. */
export type MaakReferentie = (volgnummer: number, bronSysteem: string) => string;

export function createContactInbox(maakReferentie: MaakReferentie): ContactInbox {
  const opgeslagen = new Map<string, OntvangenContactmoment>();
  const aantalPerSysteem = new Map<string, number>();
  let ontvangen = 0;
  let herhaald = 0;

  return {
    receive(bronSysteem, sleutel, record) {
      ontvangen += 1;
      const key = JSON.stringify([bronSysteem, sleutel]);
      const bekend = opgeslagen.get(key);
      if (bekend) {
        herhaald += 1;
        bekend.pogingen += 1;
        return { referentie: bekend.referentie, nieuw: false, velden: { ...bekend.velden } };
      }
      const volgnummer = (aantalPerSysteem.get(bronSysteem) ?? 0) + 1;
      aantalPerSysteem.set(bronSysteem, volgnummer);
      const contact: OntvangenContactmoment = { bronSysteem, sleutel, referentie: maakReferentie(volgnummer, bronSysteem), pogingen: 1, ontvangenOp: new Date().toISOString(), velden: { ...record } };
      opgeslagen.set(key, contact);
      return { referentie: contact.referentie, nieuw: true, velden: { ...contact.velden } };
    },
    overzicht: () => structuredClone({ ontvangen, herhaald, contactmomenten: [...opgeslagen.values()] }),
  };
}

/** `GET /_sandbox/contactmomenten`: the inbox's overview as JSON (a control route: not counted, never faulted). */
export function contactInboxRoute(inbox: ContactInbox): SandboxRoute {
  return {
    method: 'GET',
    path: '/_sandbox/contactmomenten',
    handle: () => ({ contentType: 'application/json', body: JSON.stringify(inbox.overzicht()) }),
  };
}
