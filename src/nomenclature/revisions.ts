// The revisions of the national nomenclature the project ships, and which one a document's
// budget year is read with. The regulation is revised almost every year; a document must be
// matched against the revision in force for its budget year, not the newest one.

export const REVISIONS = [
  {
    id: 'kepmendagri-900.1.15.5-1317-2023',
    regulation: 'Kepmendagri 900.1.15.5-1317/2023',
    budget_years: { from: 2024, to: null },
    // the label of its bullet under "Sources" in ../shared/nomenclature/README.md
    readme_source: '2023',
  },
  {
    id: 'kepmendagri-050-5889-2021',
    regulation: 'Kepmendagri 050-5889/2021',
    budget_years: { from: 2022, to: 2023 },
    readme_source: '2021',
  },
  {
    id: 'permendagri-90-2019',
    regulation: 'Permendagri 90/2019',
    budget_years: { from: 2020, to: 2021 },
    readme_source: '2019',
  },
] as const satisfies readonly {
  id: string;
  regulation: string;
  budget_years: { from: number; to: number | null };
  readme_source: string;
}[];

export type RevisionId = (typeof REVISIONS)[number]['id'];
export type Revision = (typeof REVISIONS)[number];

/** The newest revision the project has (later ones, 2024–2026, are not in the shared data). */
export const LATEST_REVISION: RevisionId = REVISIONS[0].id;

export function isRevisionId(s: string): s is RevisionId {
  return REVISIONS.some((r) => r.id === s);
}

export function revisionInfo(id: RevisionId): Revision {
  const r = REVISIONS.find((x) => x.id === id);
  if (!r) throw new Error(`unknown nomenclature revision ${id}`);
  return r;
}

/**
 * The revision in force for a budget year; null for an unknown year and for years before 2020
 * (Permendagri 13/2006 documents have no codes of this scheme: guessing one would mislead).
 */
export function revisionForYear(year: number | null): RevisionId | null {
  if (year === null || !Number.isInteger(year)) return null;
  const r = REVISIONS.find((x) => year >= x.budget_years.from && (x.budget_years.to === null || year <= x.budget_years.to));
  return r?.id ?? null;
}
