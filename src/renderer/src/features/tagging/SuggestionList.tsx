import { Button, Group, Paper, Stack, Text } from '@mantine/core'

import type { TagSuggestion } from './tag-suggestions'

type Props = {
  suggestions: TagSuggestion[]
  onAccept: (suggestion: TagSuggestion) => void
  onReject: (suggestion: TagSuggestion) => void
}

/** Suggested tags for the record, each with its confidence and the words that revealed it. */
export function SuggestionList({ suggestions, onAccept, onReject }: Props) {
  if (suggestions.length === 0) return <Text c="dimmed">No open suggestions for this record.</Text>
  return (
    <Stack gap="xs" role="list" aria-label="Suggested tags">
      {suggestions.map((suggestion) => (
        <Paper key={`${suggestion.taxonomyId}:${suggestion.termId}`} withBorder p="xs" role="listitem">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>
                {suggestion.label}{' '}
                <Text span size="sm" c="dimmed">
                  {Math.round(suggestion.confidence * 100)}%
                  {suggestion.source === 'publication-type' ? ' · from PubMed publication type' : ''}
                </Text>
              </Text>
              <Text size="sm">{suggestion.reason}</Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <Button
                size="xs"
                color="teal"
                aria-label={`Accept ${suggestion.label}`}
                onClick={() => onAccept(suggestion)}
              >
                Accept
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={`Reject ${suggestion.label}`}
                onClick={() => onReject(suggestion)}
              >
                Reject
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  )
}
