/** What the register's resolvers hand to the generated types (codegen mappers). */
import type { Page } from '../store/keyset-page.js';
import type { AccountmanagerModel } from './accountmanager-store.js';
import type { ContactmomentModel } from './contact-store.js';

export interface ContactmomentResultaatModel {
  contactmoment: ContactmomentModel;
  herhaald: boolean;
  dubbeleBenadering: ContactmomentModel[];
  vensterDagen: number;
}

export interface AccountmanagerResultaatModel {
  accountmanager: AccountmanagerModel;
  vorige: AccountmanagerModel | null;
  herhaald: boolean;
}

export interface DubbeleBenaderingModel {
  kvkNummer: string;
  organisaties: string[];
  van: string;
  tot: string;
}

export type DubbeleBenaderingConnectionModel = Page<DubbeleBenaderingModel>;
