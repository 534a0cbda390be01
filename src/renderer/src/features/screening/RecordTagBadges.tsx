import { Badge, Group } from '@mantine/core'

import { useProjectTaxonomyTags, useTaxonomies } from '../../db/hooks/useTagging'

type Props = { projectId: string; recordId: string }

/** The record's accepted modality and design tags, shown while screening. */
export function RecordTagBadges({ projectId, recordId }: Props) {
  const tags = useProjectTaxonomyTags(projectId)
  const taxonomies = useTaxonomies(projectId)
  const accepted = (tags ?? []).filter((tag) => tag.recordId === recordId && tag.confirmed)
  if (accepted.length === 0 || !taxonomies) return null
  const labelOf = (taxonomyId: string | undefined, termId: string) =>
    [taxonomies.modality, taxonomies.design]
      .find((taxonomy) => taxonomy?.id === taxonomyId)
      ?.terms?.find((term) => term.id === termId)?.label ?? termId
  return (
    <Group gap={4} aria-label="Tags">
      {accepted.map((tag) => (
        <Badge
          key={tag.id}
          variant="outline"
          tt="none"
          color={tag.taxonomyId === taxonomies.design?.id ? 'grape' : 'teal'}
        >
          {labelOf(tag.taxonomyId, tag.tagId)}
        </Badge>
      ))}
    </Group>
  )
}
