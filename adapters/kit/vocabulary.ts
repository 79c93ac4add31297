/**
 * The canonical vocabulary shared by adapters, the loket index and the graph. The SDL enums of the
 * same name must list exactly these values (checked in `schema/vocabulary.test.ts`).
 */
import { z } from 'zod';

/** Partner kinds that can be the source of a record. */
export const BRONNEN = ['GEMEENTE', 'UWV', 'SW_BEDRIJF', 'ONDERWIJS', 'WERKGEVERSVERENIGING', 'LOKET'] as const;
export const Bron = z.enum(BRONNEN);
export type Bron = z.infer<typeof Bron>;

/** Target groups (doelgroepen) that instruments and vacancies are aimed at. */
export const DOELGROEPEN = [
  'PARTICIPATIEWET',
  'WW',
  'WIA',
  'WAJONG',
  'WSW',
  'BANENAFSPRAAK',
  'BESCHUT_WERK',
  'STATUSHOUDER',
  'VIJFTIG_PLUS',
  'JONGERE_ZONDER_STARTKWALIFICATIE',
] as const;
export const Doelgroep = z.enum(DOELGROEPEN);
export type Doelgroep = z.infer<typeof Doelgroep>;

/** Kinds of re-integration instrument. */
export const INSTRUMENT_SOORTEN = [
  'LOONKOSTENSUBSIDIE',
  'LOONDISPENSATIE',
  'PROEFPLAATSING',
  'JOBCOACH',
  'WERKPLEKAANPASSING',
  'NO_RISKPOLIS',
  'BESCHUT_WERK',
  'DETACHERING',
  'BEGELEID_WERKEN',
  'DIAGNOSE_WERKFIT',
  'SCHOLING',
  'PRAKTIJKLEREN',
  'SUBSIDIE',
] as const;
export const InstrumentSoort = z.enum(INSTRUMENT_SOORTEN);
export type InstrumentSoort = z.infer<typeof InstrumentSoort>;

/** Kinds of vacancy. */
export const VACATURE_SOORTEN = ['BAAN', 'LEERBAAN', 'LEERWERKPLEK', 'STAGE', 'BASISBAAN'] as const;
export const VacatureSoort = z.enum(VACATURE_SOORTEN);
export type VacatureSoort = z.infer<typeof VacatureSoort>;
