// Document metadata: kind, agency, region, year, period and the part of the year a report
// covers, each read from where documents say it (cover, running headers, labelled fields,
// foreword) before the body; a field that cannot be told is null with the reason in
// `unknown_because`. One module per idea under src/metadata/.

import type { LayoutLine } from './model.js';
import { detectAgency } from './metadata/agency.js';
import { type Covers, detectCovers, detectPeriod, detectYear } from './metadata/dates.js';
import { type DocKind, detectKind } from './metadata/kind.js';
import { type Region, detectRegion } from './metadata/region.js';
import { zones } from './metadata/zones.js';

export type { Covers, DocKind, Region };

export type MetaField = 'kind' | 'agency' | 'region' | 'year' | 'period' | 'covers';

export interface DocumentMeta {
  kind: DocKind;
  agency: string | null;
  region: Region;
  year: number | null;
  period: { start: number; end: number } | null;
  /** the part of the year a periodic report (RFK, Renja evaluation) covers */
  covers: Covers | null;
  /** why a field is null (or the kind unknown) */
  unknown_because: Partial<Record<MetaField, string>>;
}

export function detectMetadata(lines: LayoutLine[]): DocumentMeta {
  const z = zones(lines);
  const kind = detectKind(z);
  const agency = detectAgency(z);
  const region = detectRegion(z);
  const year = detectYear(z, kind.kind);
  const period = detectPeriod(z, kind.kind);
  const covers = detectCovers(z, kind.kind);
  const why: Partial<Record<MetaField, string>> = {};
  if (kind.kind === 'unknown') why.kind = 'no document kind named in a title, a running header or the foreword';
  if (agency.reason) why.agency = agency.reason;
  if (region.reason) why.region = region.reason;
  if (year.reason) why.year = year.reason;
  if (period.reason) why.period = period.reason;
  if (covers.reason) why.covers = covers.reason;
  return {
    kind: kind.kind,
    agency: agency.agency,
    region: region.region,
    year: year.year,
    period: period.period,
    covers: covers.covers,
    unknown_because: why,
  };
}
