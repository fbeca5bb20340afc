// The shapes of the nomenclature data in pipelines/: validated when loaded (strict, so a field
// added by a new build or a typo in a hand-edited table is an error, not silently ignored).

import { z } from 'zod';
import type { Level } from '../model.js';

export const NOMENCLATURE_LEVELS = ['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan'] as const;
export type NomenclatureLevel = (typeof NOMENCLATURE_LEVELS)[number] & Level;

export const GOV_LEVELS = ['kab_kota', 'provinsi', 'both', 'special'] as const;
export type GovLevel = (typeof GOV_LEVELS)[number];

/** Canonical codes only (`u.bb.pp.l.kk.ssss`, `X.XX` for penunjang): the build writes nothing else. */
export const CANONICAL_CODE = /^(\d|X)(\.(\d\d|XX)(\.\d\d(\.\d\.\d\d(\.\d{4})?)?)?)?$/;

/** One row of the nomenclature, as the shared jsonl has it and as the revision files keep it. */
export const EntrySchema = z
  .object({
    code: z.string().regex(CANONICAL_CODE),
    level: z.enum(NOMENCLATURE_LEVELS),
    name: z.string().min(1),
    unit: z.string().optional(),
    indicator: z.string().optional(),
    kinerja: z.string().optional(),
    gov_level: z.enum(GOV_LEVELS),
    special_region: z.string().optional(),
  })
  .strict();
export type EntryData = z.infer<typeof EntrySchema>;

export const RevisionFileSchema = z
  .object({
    $comment: z.string(),
    revision: z.string(),
    regulation: z.string(),
    budget_years: z.object({ from: z.number().int(), to: z.number().int().nullable() }).strict(),
    source: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), note: z.string() }).strict(),
    entries: z.array(EntrySchema),
  })
  .strict();
export type RevisionFile = z.infer<typeof RevisionFileSchema>;

export const AliasSchema = z
  .object({
    /** the nomenclature's code (`X.XX.…` for a penunjang item printed under a bidang) */
    code: z.string().regex(CANONICAL_CODE),
    /** the spelling a document prints */
    name: z.string().min(1),
    /** the nomenclature's name it stands for: an alias applies to a revision only where the code still has this name */
    canonical: z.string().min(1),
    /** a key of the file's `sources` */
    source: z.string(),
    /** how many times the source printed it */
    count: z.number().int().positive(),
  })
  .strict();
export type Alias = z.infer<typeof AliasSchema>;

export const AliasFileSchema = z
  .object({
    $comment: z.string(),
    checked_against: z.string(),
    sources: z.record(
      z.string(),
      z.object({ file: z.string(), documents: z.array(z.object({ document: z.string(), sha256: z.string(), year: z.number().int().nullable() }).strict()) }).strict(),
    ),
    aliases: z.array(AliasSchema),
  })
  .strict();
export type AliasFile = z.infer<typeof AliasFileSchema>;

export const AgencySynonymFileSchema = z
  .object({
    $comment: z.string(),
    /** words of agency names that say nothing about the bidang (`dinas`, `badan`, `daerah`) */
    ignore: z.array(z.string()),
    /** words after which an agency name gives its region (`Dinas Sosial Kota Metro`) */
    region_markers: z.array(z.string()),
    synonyms: z.array(
      z
        .object({
          /** words or phrases of agency names, lower case */
          agency: z.array(z.string().min(1)).min(1),
          /** the bidang they stand for, by name without `URUSAN PEMERINTAHAN BIDANG` (names outlive codes across revisions) */
          bidang: z.array(z.string().min(1)).min(1),
          why: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type AgencySynonymFile = z.infer<typeof AgencySynonymFileSchema>;
