/**
 * Contract checks over every subgraph SDL: a description on every type, field, argument, input field
 * and enum value (front-end developers read them in their tools), shared enums that list exactly
 * the canonical vocabulary the adapters produce, and access rules that are consistent everywhere.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BRONNEN, DOELGROEPEN, INSTRUMENT_SOORTEN, VACATURE_SOORTEN } from '../adapters/kit/vocabulary.js';
import { accessRulesOf } from '../subgraphs/kit/access/access-rules.js';
import { GEGEVENSCATEGORIEEN } from '../subgraphs/kit/access/verwerkingsregister.js';
import { SUBGRAPH_NAMES } from './subgraphs.js';

const VOCABULARY: Record<string, readonly string[]> = { Bron: BRONNEN, Doelgroep: DOELGROEPEN, InstrumentSoort: INSTRUMENT_SOORTEN, VacatureSoort: VACATURE_SOORTEN };

function sdl(name: string) {
  return parse(readFileSync(new URL(`./${name}.graphql`, import.meta.url), 'utf8'));
}

/** Every schema element without a description, as `Type.field(arg)` paths. */
function undocumented(definitions: readonly DefinitionNode[]): string[] {
  const missing: string[] = [];
  const need = (node: { description?: { value: string } }, path: string) => {
    if (!node.description?.value.trim()) missing.push(path);
  };
  for (const def of definitions) {
    switch (def.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION:
        // Entity stubs that only carry a key for references are documented where they are owned.
        if (def.name.value !== 'Query' || def.description) need(def, def.name.value);
        for (const field of def.fields ?? []) {
          const stubKey = def.directives?.some((d) => d.name.value === 'key') && (def.fields?.length ?? 0) === 1;
          if (!stubKey) need(field, `${def.name.value}.${field.name.value}`);
          for (const arg of field.arguments ?? []) need(arg, `${def.name.value}.${field.name.value}(${arg.name.value})`);
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        need(def, def.name.value);
        for (const field of def.fields ?? []) need(field, `${def.name.value}.${field.name.value}`);
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        need(def, def.name.value);
        for (const value of def.values ?? []) need(value, `${def.name.value}.${value.name.value}`);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.UNION_TYPE_DEFINITION:
        need(def, def.name.value);
        break;
      default:
        break;
    }
  }
  return missing;
}

describe.each(SUBGRAPH_NAMES)('schema/%s.graphql', (name) => {
  const document = sdl(name);

  it('documents every type, field, argument and enum value', () => {
    expect(undocumented(document.definitions)).toEqual([]);
  });

  it('lists exactly the canonical vocabulary in shared enums', () => {
    for (const def of document.definitions) {
      if (def.kind === Kind.ENUM_TYPE_DEFINITION && VOCABULARY[def.name.value]) {
        expect(def.values?.map((v) => v.name.value), def.name.value).toEqual([...(VOCABULARY[def.name.value] ?? [])]);
      }
    }
  });
});

describe('access rules in the SDL', () => {
  const documents = SUBGRAPH_NAMES.map((name) => [name, sdl(name)] as const);

  it('define @toegang, @persoonsgegevens and @onthullingscontrole identically in every subgraph', () => {
    const definitions = documents.map(([name, document]) => [
      name,
      document.definitions
        .filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION)
        .map((d) => print(d))
        .join('\n'),
    ]);
    const distinct = new Set(definitions.map(([, text]) => text));
    expect(distinct.size, definitions.map(([name]) => name).join(', ')).toBe(1);
  });

  it.each(SUBGRAPH_NAMES)('%s: names known roles, known categories, and guards only nullable fields', (name) => {
    const document = sdl(name);
    const rules = accessRulesOf(document);
    for (const [coordinate, rule] of rules) {
      if (rule.categorie) {
        expect(GEGEVENSCATEGORIEEN, coordinate).toContain(rule.categorie);
        expect(rule.perEntiteit, `${coordinate}: personal data needs the entity's decision`).toBe(true);
      }
    }
    for (const def of document.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      for (const field of def.fields ?? []) {
        const coordinate = `${def.name.value}.${field.name.value}`;
        if (!rules.has(coordinate)) continue;
        expect(field.type.kind, `${coordinate} must be nullable: a refusal is null plus an error`).not.toBe(Kind.NON_NULL_TYPE);
        const requires = field.directives?.find((d) => d.name.value === 'requires');
        if (name !== 'loket' && rules.get(coordinate)?.perEntiteit) {
          const required = requires?.arguments?.find((a) => a.name.value === 'fields')?.value;
          const fields = required?.kind === Kind.STRING ? required.value.split(/\s+/) : [];
          expect(fields, `${coordinate} must @requires the loket's decision`).toContain('toegang');
        }
      }
    }
  });

  it('lets consent cover exactly the categories the subgraphs mark, except consent records themselves', () => {
    const loket = sdl('loket');
    const enumValues = loket.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'Gegevenscategorie');
    const consentable = enumValues?.kind === Kind.ENUM_TYPE_DEFINITION ? enumValues.values?.map((v) => v.name.value) : [];
    const marked = new Set(documents.flatMap(([, document]) => [...accessRulesOf(document).values()].flatMap((r) => (r.categorie ? [r.categorie] : []))));
    expect([...marked].sort()).toEqual([...GEGEVENSCATEGORIEEN].sort());
    expect(consentable?.sort()).toEqual(GEGEVENSCATEGORIEEN.filter((c) => c !== 'TOESTEMMING').sort());
  });
});
