/**
 * The access rules a subgraph's SDL declares on its fields, read from the SDL itself so the schema is
 * the one place they are written:
 * - `@toegang(rollen: [...], perEntiteit: true?)`: which roles may read the field; with `perEntiteit`
 *   the entity's access decision (region, client relation, consent, own employer) must allow it too;
 * - `@persoonsgegevens(categorie: "...")`: the field holds personal data of the kandidaat it sits on —
 *   it needs purpose headers, a decision granting that category, and every read is audited;
 * - `@onthullingscontrole`: the field is a count of people or employers; a role that may not see the
 *   individuals gets it under disclosure control (disclosure-control.ts).
 */
import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';
import { ROLLEN, type Rol } from '../../../kit/auth/actor.js';

export interface FieldRule {
  typeName: string;
  fieldName: string;
  rollen?: readonly Rol[];
  perEntiteit: boolean;
  categorie?: string;
  /** A count under disclosure control for roles that see counts only. */
  onthullingscontrole: boolean;
}

/** Rules per `Type.field`, for every field that declares one. */
export function accessRulesOf(typeDefs: DocumentNode): Map<string, FieldRule> {
  const rules = new Map<string, FieldRule>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const toegang = directive(field.directives, 'toegang');
      const persoonsgegevens = directive(field.directives, 'persoonsgegevens');
      const onthullingscontrole = directive(field.directives, 'onthullingscontrole') !== undefined;
      if (!toegang && !persoonsgegevens && !onthullingscontrole) continue;
      const coordinate = `${definition.name.value}.${field.name.value}`;
      const rollen = toegang ? stringList(argument(toegang, 'rollen'), coordinate) : undefined;
      const unknown = rollen?.filter((rol) => !(ROLLEN as readonly string[]).includes(rol));
      if (unknown?.length) throw new Error(`${coordinate}: @toegang names unknown roles ${unknown.join(', ')}`);
      const categorie = persoonsgegevens ? argument(persoonsgegevens, 'categorie') : undefined;
      rules.set(coordinate, {
        typeName: definition.name.value,
        fieldName: field.name.value,
        rollen: rollen as Rol[] | undefined,
        perEntiteit: toegang ? booleanValue(argument(toegang, 'perEntiteit')) : false,
        categorie: categorie?.kind === Kind.STRING ? categorie.value : undefined,
        onthullingscontrole,
      });
    }
  }
  return rules;
}

function directive(directives: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode | undefined {
  return directives?.find((d) => d.name.value === name);
}

function argument(node: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return node.arguments?.find((a) => a.name.value === name)?.value;
}

function stringList(value: ConstValueNode | undefined, coordinate: string): string[] {
  if (value?.kind !== Kind.LIST) throw new Error(`${coordinate}: @toegang(rollen:) must be a list of role names`);
  return value.values.map((v) => (v.kind === Kind.STRING ? v.value : ''));
}

function booleanValue(value: ConstValueNode | undefined): boolean {
  return value?.kind === Kind.BOOLEAN && value.value;
}
