/**
 * Instruments of every partner. Gemeente instruments exist per gemeente with conditions that differ
 * even inside one region (only 31% of regions have a joint minimum package, seed 001): the maximum
 * duration, amount and target groups vary per gemeente.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import { SECTOREN } from './catalogus.js';
import type { Random } from './random.js';
import type { Instrument } from './world-types.js';

const BIJGEWERKT = '2026-10-01T08:00:00.000Z';

export function generateInstrumenten(random: Random, bronnen: BronnenConfig, malformedRate: number): Instrument[] {
  const list: Instrument[] = [];
  const corrupt = () => malformedRate > 0 && random.chance(malformedRate);
  let n = 0;
  const add = (instrument: Omit<Instrument, 'bijgewerktOp' | 'corrupt'>) => list.push({ ...instrument, bijgewerktOp: BIJGEWERKT, corrupt: corrupt() });

  for (const bron of bronnen.gemeente) {
    for (const gemeenteCode of bron.gemeenten) {
      const id = (soort: string) => `${gemeenteCode}-${soort}-${++n}`;
      const lksMaanden = random.pick([12, 24, 36]);
      const lksPercentage = random.pick([50, 60, 70]);
      add({ id: id('LKS'), aanbieder: 'GEMEENTE', bronId: bron.id, gemeenteCode, regioCode: null, naam: 'Loonkostensubsidie', soort: 'LOONKOSTENSUBSIDIE', doelgroepen: ['PARTICIPATIEWET', 'BANENAFSPRAAK'], voorwaarden: `Loonwaardemeting op de werkplek verplicht; subsidie tot ${lksPercentage}% van het wettelijk minimumloon; herbeoordeling na ${lksMaanden} maanden.`, maxBedrag: null, maxDuurMaanden: lksMaanden });
      const proefMaanden = random.pick([1, 2, 3, 6]);
      add({ id: id('PROEF'), aanbieder: 'GEMEENTE', bronId: bron.id, gemeenteCode, regioCode: null, naam: 'Proefplaatsing met behoud van uitkering', soort: 'PROEFPLAATSING', doelgroepen: ['PARTICIPATIEWET'], voorwaarden: `Maximaal ${proefMaanden} maanden; werkgever spreekt uitzicht op een contract van minimaal 6 maanden uit.`, maxBedrag: null, maxDuurMaanden: proefMaanden });
      const jobcoachUren = random.pick([40, 60, 90]);
      add({ id: id('JOBCOACH'), aanbieder: 'GEMEENTE', bronId: bron.id, gemeenteCode, regioCode: null, naam: 'Jobcoaching', soort: 'JOBCOACH', doelgroepen: random.chance(0.5) ? ['PARTICIPATIEWET', 'BANENAFSPRAAK'] : ['PARTICIPATIEWET'], voorwaarden: `Tot ${jobcoachUren} uur begeleiding in het eerste jaar, afbouwend.`, maxBedrag: null, maxDuurMaanden: 12 });
      const aanpassing = random.pick([2500, 5000, 10000]);
      add({ id: id('WPA'), aanbieder: 'GEMEENTE', bronId: bron.id, gemeenteCode, regioCode: null, naam: 'Werkplekaanpassing', soort: 'WERKPLEKAANPASSING', doelgroepen: ['PARTICIPATIEWET', 'BANENAFSPRAAK'], voorwaarden: `Vergoeding van aanpassingen aan werkplek of werkplekinrichting tot € ${aanpassing}.`, maxBedrag: aanpassing, maxDuurMaanden: null });
      if (random.chance(0.6)) {
        add({ id: id('BESCHUT'), aanbieder: 'GEMEENTE', bronId: bron.id, gemeenteCode, regioCode: null, naam: 'Beschut werk', soort: 'BESCHUT_WERK', doelgroepen: ['BESCHUT_WERK'], voorwaarden: 'Alleen met een positief advies beschut werk van UWV.', maxBedrag: null, maxDuurMaanden: null });
      }
    }
  }

  const uwv = bronnen.uwv.id;
  add({ id: 'UWV-NRP', aanbieder: 'UWV', bronId: uwv, gemeenteCode: null, regioCode: null, naam: 'No-riskpolis', soort: 'NO_RISKPOLIS', doelgroepen: ['BANENAFSPRAAK', 'WIA', 'WAJONG'], voorwaarden: 'Ziektewet-uitkering bij uitval in de eerste 5 jaar van het dienstverband.', maxBedrag: null, maxDuurMaanden: 60 });
  add({ id: 'UWV-PROEF', aanbieder: 'UWV', bronId: uwv, gemeenteCode: null, regioCode: null, naam: 'Proefplaatsing', soort: 'PROEFPLAATSING', doelgroepen: ['WW', 'WIA'], voorwaarden: 'Maximaal 2 maanden met behoud van WW- of WIA-uitkering.', maxBedrag: null, maxDuurMaanden: 2 });
  add({ id: 'UWV-JOBCOACH', aanbieder: 'UWV', bronId: uwv, gemeenteCode: null, regioCode: null, naam: 'Jobcoach', soort: 'JOBCOACH', doelgroepen: ['WAJONG', 'WIA'], voorwaarden: 'Voor werknemers met een Wajong- of WIA-uitkering; aanvraag binnen 6 maanden na indiensttreding.', maxBedrag: null, maxDuurMaanden: 36 });
  add({ id: 'UWV-LD', aanbieder: 'UWV', bronId: uwv, gemeenteCode: null, regioCode: null, naam: 'Loondispensatie', soort: 'LOONDISPENSATIE', doelgroepen: ['WAJONG'], voorwaarden: 'Werkgever betaalt loon naar loonwaarde; UWV vult aan.', maxBedrag: null, maxDuurMaanden: null });
  add({ id: 'UWV-WPA', aanbieder: 'UWV', bronId: uwv, gemeenteCode: null, regioCode: null, naam: 'Werkplekvoorzieningen', soort: 'WERKPLEKAANPASSING', doelgroepen: ['WIA', 'WAJONG'], voorwaarden: 'Voorziening op de werkplek die nodig is door ziekte of handicap.', maxBedrag: null, maxDuurMaanden: null });
  add({ id: 'UWV-SCHOLING', aanbieder: 'UWV', bronId: uwv, gemeenteCode: null, regioCode: null, naam: 'Scholing vanuit de WW', soort: 'SCHOLING', doelgroepen: ['WW'], voorwaarden: 'Opleiding naar een kansberoep, maximaal 12 maanden.', maxBedrag: 2500, maxDuurMaanden: 12 });

  for (const sw of bronnen.swBedrijf) {
    add({ id: `${sw.id}-DET`, aanbieder: 'SW_BEDRIJF', bronId: sw.id, gemeenteCode: null, regioCode: sw.regio, naam: 'Individuele detachering', soort: 'DETACHERING', doelgroepen: ['WSW', 'BESCHUT_WERK'], voorwaarden: `Medewerker blijft in dienst van ${sw.naam}; werkgever betaalt een inleenvergoeding.`, maxBedrag: null, maxDuurMaanden: null });
    add({ id: `${sw.id}-GDET`, aanbieder: 'SW_BEDRIJF', bronId: sw.id, gemeenteCode: null, regioCode: sw.regio, naam: 'Groepsdetachering', soort: 'DETACHERING', doelgroepen: ['WSW', 'BESCHUT_WERK'], voorwaarden: 'Een groep medewerkers met eigen leidinggevende werkt bij de werkgever.', maxBedrag: null, maxDuurMaanden: null });
    add({ id: `${sw.id}-BW`, aanbieder: 'SW_BEDRIJF', bronId: sw.id, gemeenteCode: null, regioCode: sw.regio, naam: 'Begeleid werken', soort: 'BEGELEID_WERKEN', doelgroepen: ['WSW'], voorwaarden: 'Dienstverband bij de werkgever met begeleiding vanuit het SW-bedrijf.', maxBedrag: null, maxDuurMaanden: null });
    add({ id: `${sw.id}-DIAG`, aanbieder: 'SW_BEDRIJF', bronId: sw.id, gemeenteCode: null, regioCode: sw.regio, naam: 'Diagnose- en werkfittraject', soort: 'DIAGNOSE_WERKFIT', doelgroepen: ['PARTICIPATIEWET', 'WSW'], voorwaarden: `Traject van ${random.pick([8, 12, 16])} weken in het leerwerkbedrijf.`, maxBedrag: null, maxDuurMaanden: 4 });
  }

  const ond = bronnen.onderwijs.id;
  add({ id: 'OND-BBL', aanbieder: 'ONDERWIJS', bronId: ond, gemeenteCode: null, regioCode: null, naam: 'Beroepsbegeleidende leerweg (BBL)', soort: 'SCHOLING', doelgroepen: ['JONGERE_ZONDER_STARTKWALIFICATIE', 'WW', 'PARTICIPATIEWET'], voorwaarden: 'Leerbaan bij een erkend leerbedrijf, minimaal 610 uur praktijk per jaar.', maxBedrag: null, maxDuurMaanden: 48 });
  add({ id: 'OND-DLW', aanbieder: 'ONDERWIJS', bronId: ond, gemeenteCode: null, regioCode: null, naam: 'Praktijkleren in de derde leerweg', soort: 'PRAKTIJKLEREN', doelgroepen: ['PARTICIPATIEWET', 'WW', 'STATUSHOUDER'], voorwaarden: 'Leren op de werkplek, afgesloten met een mbo-praktijkverklaring.', maxBedrag: null, maxDuurMaanden: 12 });
  add({ id: 'OND-EVC', aanbieder: 'ONDERWIJS', bronId: ond, gemeenteCode: null, regioCode: null, naam: 'Erkenning verworven competenties (EVC)', soort: 'SCHOLING', doelgroepen: ['WW', 'VIJFTIG_PLUS'], voorwaarden: 'Ervaringscertificaat via een erkende EVC-aanbieder.', maxBedrag: null, maxDuurMaanden: 3 });
  add({ id: 'OND-SPL', aanbieder: 'ONDERWIJS', bronId: ond, gemeenteCode: null, regioCode: null, naam: 'Subsidieregeling praktijkleren', soort: 'SUBSIDIE', doelgroepen: ['JONGERE_ZONDER_STARTKWALIFICATIE'], voorwaarden: 'Voor erkende leerbedrijven die een BBL-leerling begeleiden.', maxBedrag: 2700, maxDuurMaanden: 12 });

  const wv = bronnen.werkgeversvereniging.id;
  for (const sector of SECTOREN) {
    add({ id: `WV-${sector.sectie}-OPL`, aanbieder: 'WERKGEVERSVERENIGING', bronId: wv, gemeenteCode: null, regioCode: null, naam: `Opleidingssubsidie ${sector.branche}`, soort: 'SUBSIDIE', doelgroepen: ['WW', 'VIJFTIG_PLUS', 'PARTICIPATIEWET'], voorwaarden: `Voor leden onder de ${sector.cao}; bijdrage in opleidingskosten van zij-instromers.`, maxBedrag: random.pick([1500, 2500, 4000]), maxDuurMaanden: 12 });
  }
  return list;
}
