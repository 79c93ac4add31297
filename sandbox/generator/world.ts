/**
 * The seeded generator: same options, same world. People, employers and vacancies spread over the
 * 342 gemeenten by size, with the overlaps of real life: people known to gemeente and UWV, employers
 * known to three or more partners, the same vacancy at UWV and at the WSP.
 */
import { Faker, base, en, nl } from '@faker-js/faker';
import { loadBronnen, type BronnenConfig } from '../../adapters/kit/bronnen.js';
import { referentie } from '../../schema/referentie/gemeenten.js';
import { BEDRIJF_SUFFIXEN, BEROEPEN, COMPETENTIE_CODES, OPLEIDINGEN, SECTOREN, type Sector } from './catalogus.js';
import { gemeenteGewichten } from './gemeente-gewicht.js';
import { createRandom, type Random } from './random.js';
import { generateInstrumenten } from './instrumenten.js';
import type { Persoon, Vacature, Werkgever, World, WorldOptions } from './world-types.js';

/** Demo scale: what `npm start` serves by default. */
export const DEMO_SCALE = { kandidaten: 20_000, vacatures: 8_000, werkgevers: 6_000 } as const;
/** National scale: the order of magnitude of all job seekers the partners serve together. */
export const NATIONAL_SCALE = { kandidaten: 500_000, vacatures: 200_000, werkgevers: 150_000 } as const;

export const DEFAULT_WORLD_OPTIONS: WorldOptions = { seed: 20261124, ...DEMO_SCALE, malformedRate: 0 };

/** The fixed "today" of the sandbox, so the same seed gives the same dates on any day. */
export const SANDBOX_VANDAAG = new Date(Date.UTC(2026, 10, 1));

export function generateWorld(partial: Partial<WorldOptions> = {}, bronnen: BronnenConfig = loadBronnen()): World {
  const options: WorldOptions = { ...DEFAULT_WORLD_OPTIONS, ...partial };
  const random = createRandom(options.seed);
  const faker = new Faker({ locale: [nl, en, base] });
  faker.seed(options.seed);
  const ctx = new Context(options, random, faker, bronnen);
  const werkgevers = ctx.werkgevers();
  const personen = ctx.personen(werkgevers);
  const vacatures = ctx.vacatures(werkgevers);
  const instrumenten = generateInstrumenten(random, bronnen, options.malformedRate);
  return { options, personen, werkgevers, vacatures, instrumenten };
}

function isoDatum(date: Date): string {
  return date.toISOString().slice(0, 10);
}

class Context {
  private readonly gemeenteCodes: string[];
  private readonly cumulative: number[];
  private readonly gemeenteBron = new Map<string, string>();
  private readonly swBron = new Map<string, string>();
  private readonly usedBsn = new Set<string>();
  private readonly usedKvk = new Set<string>();
  private readonly klantmanagers = new Map<string, string[]>();
  private counter = 0;

  constructor(
    private readonly options: WorldOptions,
    private readonly random: Random,
    private readonly faker: Faker,
    bronnen: BronnenConfig,
  ) {
    const weights = gemeenteGewichten();
    this.gemeenteCodes = referentie().gemeenten.map((g) => g.code);
    let total = 0;
    this.cumulative = this.gemeenteCodes.map((code) => (total += weights.get(code) ?? 0));
    for (const bron of bronnen.gemeente) for (const code of bron.gemeenten) this.gemeenteBron.set(code, bron.id);
    for (const bron of bronnen.swBedrijf) this.swBron.set(bron.regio, bron.id);
  }

  private gemeente(): { code: string; regio: string } {
    const code = this.gemeenteCodes[this.random.weightedIndex(this.cumulative)] as string;
    return { code, regio: referentie().gemeente(code)?.regioCode as string };
  }

  private corrupt(): boolean {
    return this.options.malformedRate > 0 && this.random.chance(this.options.malformedRate);
  }

  /** A date `minDays`..`maxDays` before the sandbox's today. */
  private datumGeleden(minDays: number, maxDays: number): string {
    return isoDatum(new Date(SANDBOX_VANDAAG.getTime() - this.random.int(minDays, maxDays) * 86_400_000));
  }

  private tijdstipGeleden(maxDays: number): string {
    return new Date(SANDBOX_VANDAAG.getTime() - this.random.int(0, maxDays * 86_400) * 1000).toISOString();
  }

  private postcode(): string {
    const letters = 'ABCDEFGHJKLMNPRTVWXZ';
    let suffix = '';
    do suffix = this.random.pick([...letters]) + this.random.pick([...letters]);
    while (suffix === 'SA' || suffix === 'SD' || suffix === 'SS');
    return `${this.random.int(1000, 9999)}${suffix}`;
  }

  private bsn(): string {
    for (;;) {
      const digits = [9, ...Array.from({ length: 7 }, () => this.random.int(0, 9))];
      const sum = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
      const check = sum % 11;
      if (check === 10) continue;
      const bsn = digits.join('') + String(check);
      if (this.usedBsn.has(bsn)) continue;
      this.usedBsn.add(bsn);
      return bsn;
    }
  }

  private kvk(): string {
    for (;;) {
      const kvk = String(this.random.int(10_000_000, 99_999_999));
      if (this.usedKvk.has(kvk)) continue;
      this.usedKvk.add(kvk);
      return kvk;
    }
  }

  private naam(): string {
    return `${this.faker.person.firstName()} ${this.faker.person.lastName()}`;
  }

  private klantmanager(bronId: string): string {
    let pool = this.klantmanagers.get(bronId);
    if (!pool) {
      pool = Array.from({ length: 8 }, () => this.naam());
      this.klantmanagers.set(bronId, pool);
    }
    return this.random.pick(pool);
  }

  private volgnummer(prefix: string, width: number): string {
    this.counter += 1;
    return prefix + String(this.counter).padStart(width, '0');
  }

  werkgevers(): Werkgever[] {
    const list: Werkgever[] = [];
    for (let i = 0; i < this.options.werkgevers; i++) {
      const { code, regio } = this.gemeente();
      const sector = this.random.pick(SECTOREN);
      const grootte = this.random.chance(0.8) ? 'MKB' : this.random.chance(0.7) ? 'REGIONAAL' : 'LANDELIJK';
      const kvkNummer = this.kvk();
      const werkgever: Werkgever = {
        kvkNummer,
        vestigingsnummer: String(this.random.int(1, 9)) + String(this.random.int(0, 99_999_999_999)).padStart(11, '0'),
        naam: `${capitalize(this.faker.person.lastName())} ${this.random.pick(BEDRIJF_SUFFIXEN[sector.sectie] ?? ['B.V.'])}${this.random.chance(0.5) ? ' B.V.' : ''}`,
        sbiCode: sector.sbiCode,
        sector: sector.naam,
        grootte,
        gemeenteCode: code,
        regioCode: regio,
        postcode: this.postcode(),
      };
      if (this.random.chance(0.7)) {
        werkgever.uwv = { accountmanager: this.naam(), laatsteContact: this.datumGeleden(1, 400), aantalContacten: this.random.int(1, 25), bijgewerktOp: this.tijdstipGeleden(90), corrupt: this.corrupt() };
      }
      if (this.random.chance(0.45)) {
        const bronId = this.gemeenteBron.get(code) as string;
        werkgever.gemeente = { bronId, accountmanager: this.klantmanager(bronId), lksPlaatsingen: this.random.int(0, 6), laatsteContact: this.datumGeleden(1, 300), bijgewerktOp: this.tijdstipGeleden(60), corrupt: this.corrupt() };
      }
      if (this.random.chance(0.2)) {
        werkgever.sw = { bronId: this.swBron.get(regio) as string, bijgewerktOp: this.tijdstipGeleden(120), corrupt: this.corrupt() };
      }
      if (this.random.chance(0.5)) {
        const opleidingen = OPLEIDINGEN.filter((o) => o.sector === sector.sectie);
        const gekozen = this.random.sample(opleidingen.length > 0 ? opleidingen : OPLEIDINGEN, this.random.int(1, 2));
        werkgever.onderwijs = {
          erkenningen: gekozen.map((o) => ({ crebo: o.crebo, opleiding: o.naam, sinds: this.datumGeleden(100, 4000) })),
          bijgewerktOp: this.tijdstipGeleden(200),
          corrupt: this.corrupt(),
        };
      }
      if (this.random.chance(0.55)) werkgever.werkgeversvereniging = this.lidmaatschap(sector);
      list.push(werkgever);
    }
    return list;
  }

  private lidmaatschap(sector: Sector): NonNullable<Werkgever['werkgeversvereniging']> {
    return {
      branche: sector.branche,
      vereniging: sector.vereniging,
      cao: sector.cao,
      lidSinds: this.datumGeleden(30, 9000),
      werkleerplekken: this.random.int(0, 8),
      bijgewerktOp: this.tijdstipGeleden(180),
      corrupt: this.corrupt(),
    };
  }

  personen(werkgevers: Werkgever[]): Persoon[] {
    const werkgeversPerRegio = byRegio(werkgevers);
    const list: Persoon[] = [];
    for (let i = 0; i < this.options.kandidaten; i++) {
      const { code, regio } = this.gemeente();
      const geboortedatum = this.datumGeleden(18 * 365, 66 * 365);
      const tussenvoegsel = this.random.chance(0.25) ? this.random.pick(['van', 'de', 'van de', 'van der', 'den', 'ter']) : '';
      const persoon: Persoon = {
        bsn: this.bsn(),
        voornaam: this.faker.person.firstName(),
        tussenvoegsel,
        achternaam: this.faker.person.lastName().replace(/^(van der|van den|van de|van|de|den|ter)\s+/i, ''),
        geboortedatum,
        geslacht: this.random.chance(0.49) ? 'M' : this.random.chance(0.97) ? 'V' : 'X',
        postcode: this.postcode(),
        huisnummer: this.random.int(1, 250),
        gemeenteCode: code,
        regioCode: regio,
        competenties: this.random.sample(COMPETENTIE_CODES, this.random.int(3, 6)).sort(),
        werkDenkNiveau: this.random.int(1, 7),
        beschikbaarPer: this.datumGeleden(-90, 30),
        statushouder: this.random.chance(0.08),
        startkwalificatie: this.random.chance(0.75),
      };
      const r = this.random.next();
      const gemeente = r < 0.35 || (r >= 0.65 && r < 0.85) || (r >= 0.85 && r < 0.93 && this.random.chance(0.4));
      const uwv = (r >= 0.35 && r < 0.85) || r >= 0.93;
      const sw = r >= 0.85;
      if (gemeente) {
        const bronId = this.gemeenteBron.get(code) as string;
        persoon.gemeente = {
          bronId,
          klantnummer: this.volgnummer('K', 8),
          regeling: this.random.chance(0.85) ? 'PARTICIPATIEWET' : this.random.chance(0.66) ? 'IOAW' : 'IOAZ',
          trede: this.random.int(1, 6),
          klantmanager: this.klantmanager(bronId),
          sinds: this.datumGeleden(30, 3000),
          bijgewerktOp: this.tijdstipGeleden(this.random.chance(0.1) ? 900 : 120),
          corrupt: this.corrupt(),
        };
      }
      if (uwv) {
        const uitkering = gemeente
          ? this.random.pick(['WAJONG', 'WW', null, null] as const)
          : this.random.pick(['WW', 'WW', 'WW', 'WIA', 'WAJONG'] as const);
        const beroep = this.random.pick(BEROEPEN);
        persoon.uwv = {
          klantnummer: this.volgnummer('U', 9),
          uitkering,
          doelgroepregister: uitkering === 'WAJONG' || this.random.chance(0.1),
          beschutWerk: gemeente && this.random.chance(0.04),
          beroepscode: beroep.isco,
          inschrijfdatum: this.datumGeleden(10, 1500),
          bijgewerktOp: this.tijdstipGeleden(60),
          corrupt: this.corrupt(),
        };
      }
      if (sw) {
        const pool = werkgeversPerRegio.get(regio) ?? [];
        persoon.sw = {
          bronId: this.swBron.get(regio) as string,
          personeelsnummer: this.volgnummer('P', 7),
          dienstverband: this.random.chance(0.7) ? 'WSW' : 'BESCHUT_WERK',
          sinds: this.datumGeleden(60, 8000),
          werkfit: this.random.chance(0.3),
          urenPerWeek: this.random.pick([16, 20, 24, 28, 32, 36]),
          gedetacheerdBij: pool.length > 0 && this.random.chance(0.5) ? this.random.pick(pool).kvkNummer : null,
          bijgewerktOp: this.tijdstipGeleden(200),
          corrupt: this.corrupt(),
        };
      }
      if (this.random.chance(0.3)) {
        const diplomas = this.random.sample(OPLEIDINGEN, this.random.int(1, 2)).map((o) => ({
          crebo: o.crebo,
          naam: o.naam,
          niveau: o.niveau,
          soort: this.random.pick(['DIPLOMA', 'DIPLOMA', 'CERTIFICAAT', 'PRAKTIJKVERKLARING'] as const),
          datum: this.datumGeleden(100, 6000),
        }));
        persoon.onderwijs = { deelnemernummer: this.volgnummer('D', 8), diplomas, bijgewerktOp: this.tijdstipGeleden(365), corrupt: this.corrupt() };
      }
      list.push(persoon);
    }
    return list;
  }

  vacatures(werkgevers: Werkgever[]): Vacature[] {
    const werkgeversPerRegio = byRegio(werkgevers);
    const list: Vacature[] = [];
    for (let i = 0; i < this.options.vacatures; i++) {
      const { code, regio } = this.gemeente();
      const pool = werkgeversPerRegio.get(regio) ?? werkgevers;
      const werkgever = this.random.pick(pool);
      const beroep = this.random.pick(BEROEPEN);
      const r = this.random.next();
      const leerbaan = r >= 0.8 && r < 0.92;
      const vacature: Vacature = {
        kvkNummer: werkgever.kvkNummer,
        titel: leerbaan ? `${beroep.titel} (BBL)` : beroep.titel,
        beroepscode: beroep.isco,
        gemeenteCode: code,
        regioCode: regio,
        postcode: werkgever.gemeenteCode === code ? werkgever.postcode : this.postcode(),
        urenPerWeek: this.random.pick([16, 20, 24, 28, 32, 36, 38, 40]),
        werkDenkNiveau: beroep.niveau,
        soort: leerbaan ? 'LEERBAAN' : this.random.chance(0.05) ? 'BASISBAAN' : 'BAAN',
        banenafspraak: this.random.chance(0.1),
        omschrijving: `${werkgever.naam} zoekt een ${beroep.titel.toLowerCase()} voor ${this.random.pick([16, 24, 32, 36])} uur per week.`,
        geplaatstOp: this.datumGeleden(0, 120),
        bijgewerktOp: this.tijdstipGeleden(30),
      };
      if (r < 0.45 || (r >= 0.65 && r < 0.8)) vacature.uwv = { vacaturenummer: this.volgnummer('V', 9), corrupt: this.corrupt() };
      if (r >= 0.45 && r < 0.8) vacature.gemeente = { bronId: this.gemeenteBron.get(code) as string, nummer: this.volgnummer('WSP-', 7), corrupt: this.corrupt() };
      if (leerbaan) {
        const opleiding = OPLEIDINGEN.find((o) => o.sector === SECTOREN.find((s) => s.naam === werkgever.sector)?.sectie) ?? this.random.pick(OPLEIDINGEN);
        vacature.onderwijs = { leerbaanId: this.volgnummer('LB', 8), crebo: opleiding.crebo, corrupt: this.corrupt() };
      }
      if (r >= 0.92) {
        const sector = SECTOREN.find((s) => s.naam === werkgever.sector) ?? this.random.pick(SECTOREN);
        vacature.werkgeversvereniging = { id: this.volgnummer('bv-', 8), branche: sector.branche, corrupt: this.corrupt() };
      }
      this.partnersKnowTheirEmployer(vacature, werkgever);
      list.push(vacature);
    }
    return list;
  }

  /** A partner that posts a vacancy knows the employer offering it. */
  private partnersKnowTheirEmployer(vacature: Vacature, werkgever: Werkgever): void {
    if (vacature.uwv && !werkgever.uwv) {
      werkgever.uwv = { accountmanager: this.naam(), laatsteContact: this.datumGeleden(1, 200), aantalContacten: this.random.int(1, 5), bijgewerktOp: this.tijdstipGeleden(60), corrupt: false };
    }
    if (vacature.gemeente && !werkgever.gemeente) {
      const bronId = this.gemeenteBron.get(werkgever.gemeenteCode) as string;
      werkgever.gemeente = { bronId, accountmanager: this.klantmanager(bronId), lksPlaatsingen: 0, laatsteContact: this.datumGeleden(1, 200), bijgewerktOp: this.tijdstipGeleden(60), corrupt: false };
    }
    if (vacature.onderwijs && !werkgever.onderwijs) {
      const opleiding = OPLEIDINGEN.find((o) => o.crebo === vacature.onderwijs?.crebo) ?? this.random.pick(OPLEIDINGEN);
      werkgever.onderwijs = { erkenningen: [{ crebo: opleiding.crebo, opleiding: opleiding.naam, sinds: this.datumGeleden(100, 4000) }], bijgewerktOp: this.tijdstipGeleden(200), corrupt: false };
    }
    if (vacature.werkgeversvereniging && !werkgever.werkgeversvereniging) {
      werkgever.werkgeversvereniging = this.lidmaatschap(SECTOREN.find((s) => s.naam === werkgever.sector) ?? this.random.pick(SECTOREN));
    }
  }
}

function byRegio(werkgevers: Werkgever[]): Map<string, Werkgever[]> {
  const map = new Map<string, Werkgever[]>();
  for (const w of werkgevers) {
    const list = map.get(w.regioCode);
    if (list) list.push(w);
    else map.set(w.regioCode, [w]);
  }
  return map;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
