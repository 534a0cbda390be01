/** A reviewer's decision as the model learns it: relevant (include or maybe) = 1, exclude = 0. */
export type RankLabel = [recordId: string, label: 0 | 1]

export type RankRequest =
  /** (Re)reads the project's records and builds the text index; labels follow with `train`. */
  | { type: 'load'; projectId: string }
  /** Retrains on these labels (all of them, not a difference) and re-ranks; a newer request supersedes it. */
  | { type: 'train'; requestId: number; labels: RankLabel[] }
  /** The words that drove one record's score under the latest model. */
  | { type: 'explain'; recordId: string }

export type RankResponse =
  | { type: 'loaded'; recordCount: number; featureCount: number; loadMs: number }
  /** `rankedIds` are the records without a label, best first; null while the labels lack an include or an exclude. */
  | { type: 'ranked'; requestId: number; rankedIds: string[] | null; trainMs: number; labelled: number }
  | { type: 'explained'; recordId: string; terms: { term: string; weight: number }[] }
  | { type: 'failed'; message: string }
