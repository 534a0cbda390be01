import { buildTextIndex, type TextIndex } from '../../../core/ranking/text-index'
import {
  createRankTrainer,
  explainRow,
  rankOrder,
  scoreRows,
  type RankModel,
  type RankTrainer,
} from '../../../core/ranking/ranker'
import type { RankLabel } from './rank-protocol'

/** Seed of the random tie-breaks: fixed, so the same decisions always give the same order. */
const tieBreakSeed = 20_201_127

/**
 * The prioritisation model of one project as the worker keeps it: the text index (built once per set of records)
 * and a trainer told only what changed since the last retrain, so each decision costs one incremental retrain.
 */
export class RankSession {
  private readonly rowOf: Map<string, number>
  private readonly index: TextIndex
  private readonly trainer: RankTrainer
  /** Current label per row: 1 relevant, 0 irrelevant, −1 none. */
  private readonly labels: Int8Array
  private model: RankModel | null = null

  /** `titleLengths`: the length of the title each text starts with (the default model counts its words twice). */
  constructor(
    private readonly ids: readonly string[],
    texts: readonly string[],
    titleLengths: readonly number[],
  ) {
    this.rowOf = new Map(ids.map((id, row) => [id, row]))
    this.index = buildTextIndex(texts, {}, titleLengths)
    this.trainer = createRankTrainer(this.index)
    this.labels = new Int8Array(ids.length).fill(-1)
  }

  get featureCount(): number {
    return this.index.featureCount
  }

  /** Applies the full set of labels (only differences reach the trainer), retrains and ranks the unlabelled rows. */
  rank(labels: readonly RankLabel[]): { rankedIds: string[] | null; labelled: number } {
    const wanted = new Int8Array(this.ids.length).fill(-1)
    for (const [id, label] of labels) {
      const row = this.rowOf.get(id)
      if (row !== undefined) wanted[row] = label
    }
    const labelledRows = new Set<number>()
    for (let row = 0; row < wanted.length; row++) {
      const label = wanted[row] ?? -1
      if (label !== -1) labelledRows.add(row)
      if (label === this.labels[row]) continue
      this.trainer.setLabel(row, label === -1 ? null : (label as 0 | 1))
      this.labels[row] = label
    }
    this.model = this.trainer.train()
    if (!this.model) return { rankedIds: null, labelled: labelledRows.size }
    const order = rankOrder(scoreRows(this.model, this.index), labelledRows, tieBreakSeed)
    const rankedIds = Array.from(order, (row) => this.ids[row] ?? '')
    return { rankedIds, labelled: labelledRows.size }
  }

  /** The words that raised this record's score most under the latest model (empty before the first model). */
  explain(recordId: string, k = 6): { term: string; weight: number }[] {
    const row = this.rowOf.get(recordId)
    if (!this.model || row === undefined) return []
    return explainRow(this.model, this.index, row, k)
  }
}
