/**
 * The logboek's SDL offers no way to change or delete a record: its only mutation is `vastleggen`,
 * which appends, and that is @inaccessible — in the subgraph for other subgraphs only, not in the
 * public API of the composed supergraph. Reading is for `beheerder` only.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../schema/compose.js';

const sdl = parse(readFileSync(new URL('../../schema/logboek.graphql', import.meta.url), 'utf8'));

function fieldsOf(document: ReturnType<typeof parse>, typeName: string): FieldDefinitionNode[] {
  return document.definitions
    .filter((d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === typeName)
    .flatMap((d) => d.fields ?? []);
}

const directives = (field: FieldDefinitionNode | undefined) => field?.directives?.map((d) => d.name.value) ?? [];

describe('schema/logboek.graphql', () => {
  it('has one mutation, vastleggen, which appends and is not in the public API', () => {
    const mutations = fieldsOf(sdl, 'Mutation');
    expect(mutations.map((f) => f.name.value)).toEqual(['vastleggen']);
    expect(directives(mutations[0])).toContain('inaccessible');
    // No type or input of the logboek names a change or removal of records.
    const names = sdl.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : []));
    expect(names.filter((n) => /wijzig|verwijder|update|delete|remove/i.test(n))).toEqual([]);
  });

  it('lets only a beheerder read the log', () => {
    const [verwerkingen] = fieldsOf(sdl, 'Query');
    const toegang = verwerkingen?.directives?.find((d) => d.name.value === 'toegang');
    const rollen = toegang?.arguments?.find((a) => a.name.value === 'rollen')?.value;
    expect(rollen?.kind === Kind.LIST ? rollen.values.map((v) => (v.kind === Kind.STRING ? v.value : '')) : []).toEqual(['beheerder']);
  });

  it('keeps vastleggen @inaccessible in the composed supergraph, so routers leave it out of the API', () => {
    const supergraph = parse(composeSupergraph());
    const vastleggen = fieldsOf(supergraph, 'Mutation').find((f) => f.name.value === 'vastleggen');
    expect(directives(vastleggen)).toContain('inaccessible');
    for (const typeName of ['VerwerkingInput', 'ForeignOperationInput', 'VastleggenResultaat']) {
      const type = supergraph.definitions.find((d) => 'name' in d && d.name?.value === typeName);
      expect(type && 'directives' in type ? type.directives?.map((d) => d.name.value) : [], typeName).toContain('inaccessible');
    }
  });
});
