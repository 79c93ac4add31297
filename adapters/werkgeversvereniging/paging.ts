/**
 * Walks a paged JSON:API list from page 1 at the largest page size, one request per page, until the
 * partner gives no `links.next` (or an empty page), so national-scale lists stream page by page.
 */
import { MAX_PAGE_SIZE, type PageRequest } from './client.js';
import type { JsonApiDocument } from './jsonapi-parser.js';

export async function* allPages(fetchPage: (page: PageRequest) => Promise<JsonApiDocument>): AsyncGenerator<JsonApiDocument> {
  for (let number = 1; ; number++) {
    const document = await fetchPage({ number, size: MAX_PAGE_SIZE });
    yield document;
    if (!document.hasNext || document.data.length === 0) return;
  }
}
