/**
 * The canonical onderwijs records the subgraph serves. They carry what SBB knows in the graph's
 * shape and vocabulary: no BSN, no deelnemernummer, no leerbaan id.
 */

export type DiplomaSoort = 'DIPLOMA' | 'CERTIFICAAT' | 'PRAKTIJKVERKLARING';
export type Leerweg = 'BBL' | 'BOL';

export interface OnderwijsDiploma {
  crebo: string;
  opleiding: string;
  /** mbo level 1–4. */
  niveau: number;
  soort: DiplomaSoort;
  /** ISO date. */
  behaaldOp: string;
}

/** What SBB/ROC's know of one person. */
export interface OnderwijsGegevens {
  diplomas: OnderwijsDiploma[];
  /** ISO timestamp of SBB's last change. */
  bijgewerktOp: string;
}

export interface OnderwijsErkenning {
  crebo: string;
  opleiding: string;
  /** ISO date. */
  erkendSinds: string;
}

/** SBB's recognition of an employer as leerbedrijf. */
export interface SbbLeerbedrijf {
  erkend: boolean;
  erkenningen: OnderwijsErkenning[];
  /** ISO timestamp of SBB's last change. */
  bijgewerktOp: string;
}

/** The education side of a vacancy that is an SBB leerbaan. */
export interface OnderwijsLeerbaan {
  crebo: string;
  opleiding: string;
  leerweg: Leerweg;
}
