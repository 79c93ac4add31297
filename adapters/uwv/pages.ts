/** Streams every page of a UWV list, as many `Zoek…` calls as `AantalTotaal` needs. */
import { UWV_MAX_PER_BERICHT, type UwvClient, type UwvLijst } from './client.js';

export async function* allePaginas(client: UwvClient, lijst: UwvLijst, paginaGrootte = UWV_MAX_PER_BERICHT): AsyncGenerator<unknown[]> {
  for (let pagina = 1; ; pagina++) {
    const { aantalTotaal, records } = await client.zoek(lijst, pagina, paginaGrootte);
    if (records.length > 0) yield records;
    if (records.length === 0 || pagina * paginaGrootte >= aantalTotaal) return;
  }
}
