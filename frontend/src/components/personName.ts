export interface NameParts {
  first_name: string;
  last_name: string;
  preferred_name?: string | null;
}

/** "Fatima Benali": how the person is named in a heading. */
export function fullName(person: NameParts): string {
  return `${person.first_name} ${person.last_name}`.trim();
}

/** "Benali, Fatima": for lists sorted by family name. */
export function listName(person: NameParts): string {
  return `${person.last_name}, ${person.first_name}`;
}

/** "Tima Benali": what colleagues call the person on the floor. */
export function callName(person: NameParts): string {
  const given = person.preferred_name?.trim() || person.first_name;
  return `${given} ${person.last_name}`.trim();
}

/** The preferred name when it differs from the first name, else null. */
export function preferredNameNote(person: NameParts): string | null {
  const preferred = person.preferred_name?.trim();
  return preferred && preferred !== person.first_name ? preferred : null;
}
