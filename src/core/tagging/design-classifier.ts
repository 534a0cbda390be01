import type { CitationRecord } from '../records/record'
import { designIds, type DesignId } from './design'
import { designBias, designCues, designPatternCues, titleBoost } from './design-cues'
import { compilePhrases, findPhrases, type CompiledPhrases } from './phrase-matcher'
import { designFromPublicationTypes } from './publication-types'

/** A cue word or phrase the text classifier used, with where it was found and what it weighed for the design. */
export type DesignCueHit = {
  /** Cue group id from design-cues.ts (`randomly-assigned`, `case-report`…). */
  cue: string
  text: string
  field: 'title' | 'abstract'
  start: number
  end: number
  /** Points this cue gave the suggested design (0 when it only argued about others). */
  weight: number
}

/** A study-design suggestion with its reason. */
export type DesignSuggestion = {
  design: DesignId
  /** Where the suggestion came from: the record's PubMed publication types, or the text classifier. */
  source: 'publication-type' | 'text'
  /** 0–1: how sure the suggestion is (0.95 for a decisive publication type). */
  confidence: number
  /**
   * 0–1 score that the record reports a randomised controlled trial: a logistic transform of the RCT cue points.
   * For text it is a ranking score first (see bench/design.ts for its AUROC); 0.5 is the decision threshold.
   */
  rctProbability: number
  /** Publication types that decided the design (source `publication-type`), else []. */
  publicationTypes: string[]
  /** Cues found in title and abstract, strongest for the suggested design first. */
  cues: DesignCueHit[]
}

export type ClassifyDesignOptions = {
  /** Use the record's publication types when they decide the design (default true). False: text only. */
  usePublicationTypes?: boolean
}

let compiledCues: CompiledPhrases | null = null

function cuePhrases(): CompiledPhrases {
  // Compiled lazily once: the cue table is constant and compiling it costs about a millisecond.
  compiledCues ??= compilePhrases(designCues.map((cue) => ({ id: cue.id, phrases: cue.phrases })))
  return compiledCues
}

const cueById = new Map<string, { weights: Partial<Record<DesignId, number>> }>(
  [...designCues, ...designPatternCues].map((cue) => [cue.id, cue]),
)
const cueFields = new Map(designCues.map((cue) => [cue.id, cue.fields]))

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value))
}

/** An age range or count before "year-old" ("9- to 12-year-old child", "18-65-year-old women") describes a group. */
const groupAgeBefore = /\d\s*[-–]?\s*(?:[-–]|to|and)\s*\d+\s*[-–]?\s*$/

function isGroupAge(cue: string, text: string, start: number): boolean {
  return cue === 'case-report' && groupAgeBefore.test(text.slice(Math.max(0, start - 16), start))
}

function findCues(record: CitationRecord): DesignCueHit[] {
  const hits: DesignCueHit[] = []
  for (const field of ['title', 'abstract'] as const) {
    const text = record[field]
    for (const hit of findPhrases(text, cuePhrases())) {
      for (const cue of hit.ids) {
        if (!(cueFields.get(cue)?.includes(field) ?? true) || isGroupAge(cue, text, hit.start)) continue
        hits.push({
          cue,
          text: text.slice(hit.start, hit.end),
          field,
          start: hit.start,
          end: hit.end,
          weight: 0,
        })
      }
    }
    for (const cue of designPatternCues) {
      const match = cue.pattern.exec(text)
      if (match) {
        hits.push({
          cue: cue.id,
          text: match[0],
          field,
          start: match.index,
          end: match.index + match[0].length,
          weight: 0,
        })
      }
    }
  }
  return hits
}

/** Points per design: bias plus each cue once (times `titleBoost` when it occurs in the title). */
function scoreDesigns(hits: readonly DesignCueHit[]): Map<DesignId, number> {
  const multiplier = new Map<string, number>()
  for (const hit of hits) {
    const value = hit.field === 'title' ? titleBoost : 1
    multiplier.set(hit.cue, Math.max(multiplier.get(hit.cue) ?? 0, value))
  }
  const scores = new Map<DesignId, number>(designIds.map((id) => [id, designBias[id]]))
  for (const [cueId, times] of multiplier) {
    const weights = cueById.get(cueId)?.weights ?? {}
    for (const [design, weight] of Object.entries(weights) as [DesignId, number][]) {
      scores.set(design, (scores.get(design) ?? 0) + weight * times)
    }
  }
  return scores
}

function pickDesign(
  scores: ReadonlyMap<DesignId, number>,
  allowed: readonly DesignId[],
): { design: DesignId; share: number } {
  const entries = allowed.map((id) => [id, scores.get(id) ?? 0] as const)
  const top = Math.max(...entries.map(([, score]) => score))
  const total = entries.reduce((sum, [, score]) => sum + Math.exp(score - top), 0)
  const best = entries.find(([, score]) => score === top)
  return { design: best?.[0] ?? 'other', share: 1 / total }
}

function rankCues(hits: DesignCueHit[], design: DesignId): DesignCueHit[] {
  const weighted = hits.map((hit) => ({ ...hit, weight: cueById.get(hit.cue)?.weights[design] ?? 0 }))
  return weighted.sort((a, b) => b.weight - a.weight || a.start - b.start)
}

const observationalDesigns: readonly DesignId[] = [
  'prospective-cohort',
  'retrospective-cohort',
  'case-control',
  'case-series',
]
const nonRctDesigns: readonly DesignId[] = designIds.filter((id) => id !== 'rct')

/**
 * Suggests a study design for a record. With publication types allowed and decisive (Randomized Controlled Trial,
 * Meta-Analysis, Review, Case Reports…), they decide (source `publication-type`, confidence 0.95); "Observational
 * Study" only narrows the choice to cohort / case-control / case series, which the text then makes. Otherwise the
 * transparent cue scorer reads title and abstract: RCT when `rctProbability` ≥ 0.5, else the best-scoring other
 * design, with "other" when no cue speaks for any design. Never throws; an empty record is "other" with low
 * confidence.
 */
export function classifyDesign(
  record: CitationRecord,
  options: ClassifyDesignOptions = {},
): DesignSuggestion {
  const hits = findCues(record)
  const scores = scoreDesigns(hits)
  const rctProbability = sigmoid(scores.get('rct') ?? 0)
  const decided =
    options.usePublicationTypes === false ? null : designFromPublicationTypes(record.publicationTypes)
  if (decided && decided.design !== 'prospective-cohort') {
    return {
      design: decided.design,
      source: 'publication-type',
      confidence: 0.95,
      rctProbability: decided.design === 'rct' ? 0.99 : Math.min(rctProbability, 0.02),
      publicationTypes: decided.types,
      cues: rankCues(hits, decided.design),
    }
  }
  if (decided) {
    const { design, share } = pickDesign(scores, observationalDesigns)
    return {
      design,
      source: 'publication-type',
      confidence: 0.95 * share,
      rctProbability: Math.min(rctProbability, 0.02),
      publicationTypes: decided.types,
      cues: rankCues(hits, design),
    }
  }
  if (rctProbability >= 0.5) {
    return {
      design: 'rct',
      source: 'text',
      confidence: rctProbability,
      rctProbability,
      publicationTypes: [],
      cues: rankCues(hits, 'rct'),
    }
  }
  const { design, share } = pickDesign(scores, nonRctDesigns)
  return {
    design,
    source: 'text',
    confidence: (1 - rctProbability) * share,
    rctProbability,
    publicationTypes: [],
    cues: rankCues(hits, design),
  }
}
