/**
 * A contact moment on its way to the registering organisation's own system (CRM), in canonical form.
 * The loket's register holds it and its outbox hands it to the adapter of that organisation's partner
 * kind, which alone knows how the partner takes it (UWV SOAP, gemeente JSON or a CSV import, SW-bedrijf
 * CSV import, SBB JSON, the associations' JSON:API). Every delivery carries the contact's idempotency
 * key (`sleutel`), so a partner that gets the same contact twice (a retry after a lost answer) keeps it
 * once and says so.
 */
import { z } from 'zod';

export const CONTACT_KANALEN = ['BEZOEK', 'TELEFOON', 'MAIL'] as const;
export const ContactKanaal = z.enum(CONTACT_KANALEN);
export type ContactKanaal = z.infer<typeof ContactKanaal>;

export const CONTACT_STATUSSEN = ['GEPLAND', 'GEDAAN'] as const;
export const ContactStatus = z.enum(CONTACT_STATUSSEN);
export type ContactStatus = z.infer<typeof ContactStatus>;

export const ContactLevering = z.object({
  /** The contact's idempotency key (`<organisatie>:<client key>`): the same for every attempt to deliver this contact. */
  sleutel: z.string().min(1).max(250),
  kvkNummer: z.string().regex(/^\d{8}$/),
  /** Arbeidsmarktregio the contact was registered in, e.g. `AM36`. */
  regioCode: z.string().regex(/^AM\d{2}$/),
  /** CBS code of the employer's gemeente, e.g. `GM0193`. */
  gemeenteCode: z.string().regex(/^GM\d{4}$/),
  /** `YYYY-MM-DD`: when it took place or is planned. */
  datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: ContactStatus,
  kanaal: ContactKanaal,
  /** Name of the organisation's employee who has (or had) the contact. */
  medewerker: z.string().min(1).max(200),
  onderwerp: z.string().min(1).max(500),
  /** The registering organisation, as the token's `organisatie` claim names it (`GM0193`, `UWV`, `sw-am36`, …). */
  organisatie: z.string().min(1).max(100),
});
export type ContactLevering = z.infer<typeof ContactLevering>;

/** What the partner answered when it accepted a contact. */
export interface LeverResultaat {
  /** The partner's own reference for the contact (its record number), for the operator and the user. */
  partnerReferentie: string;
  /** True when the partner already had a contact with this key and kept the first one. */
  alBekend: boolean;
}

/**
 * Delivers one contact to one source system of the adapter's partner kind. Resolves when the partner
 * confirmed it; rejects with a `PartnerUnavailableError` naming partner, source system and category
 * (`retryable` says whether trying again may help) when it did not.
 */
export type LeverContact = (bronSysteem: string, levering: ContactLevering) => Promise<LeverResultaat>;
