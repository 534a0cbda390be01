import { highlightSegments, type CompiledTerms } from '../../../../core/screening/highlight'

/** Text with the project's inclusion terms marked green and exclusion terms red. */
export function Highlighted({ text, terms }: { text: string; terms: CompiledTerms }) {
  if (!terms.include && !terms.exclude) return <>{text}</>
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) =>
        segment.kind ? (
          <mark key={index} className={`term-${segment.kind}`} data-term={segment.kind}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  )
}
