import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'

import { parseTaxonomyJson, taxonomyToJson } from '../../../../core/tagging/taxonomy-json'
import type { Taxonomy } from '../../db/schema'
import { usePlatform } from '../../platform/PlatformContext'
import { applyEdit, asCore, flattenTerms, type TermEdit } from './taxonomy-rows'
import { useTaggingActions } from './useTaggingActions'

type Props = { taxonomy: Taxonomy; actor: string }

const splitList = (text: string) =>
  text
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean)

/** Edit a taxonomy: add, rename, synonyms, nest, reorder, merge, remove; import and export it as JSON. */
export function TaxonomyPanel({ taxonomy, actor }: Props) {
  const platform = usePlatform()
  const { saveTaxonomy } = useTaggingActions()
  const [error, setError] = useState<string | null>(null)
  const [newLabel, setNewLabel] = useState('')
  const rows = flattenTerms(taxonomy.terms ?? [])

  const edit = (change: TermEdit) => {
    const result = applyEdit(taxonomy, change)
    if (!result.ok) return setError(result.error)
    setError(null)
    void saveTaxonomy({ ...taxonomy, terms: result.taxonomy.terms }, actor).catch((cause: unknown) =>
      setError(String(cause)),
    )
  }
  const handleExport = () =>
    void platform.saveFile({
      suggestedName: `${taxonomy.kind}-taxonomy.json`,
      data: taxonomyToJson(asCore(taxonomy)),
      mimeType: 'application/json',
    })
  const handleImport = async () => {
    const [file] = await platform.openFiles({
      title: 'Import a taxonomy',
      extensions: ['json'],
      multiple: false,
    })
    if (!file) return
    const parsed = parseTaxonomyJson(new TextDecoder().decode(file.bytes), asCore(taxonomy).kind)
    if (!parsed.ok) return setError(parsed.error)
    await saveTaxonomy({ ...taxonomy, name: parsed.value.name, terms: parsed.value.terms }, actor)
  }

  return (
    <Stack mb="xl">
      <Group justify="space-between">
        <Title order={3}>{taxonomy.name}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={handleExport}>
            Export JSON
          </Button>
          <Button size="xs" variant="default" onClick={() => void handleImport()}>
            Import JSON
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Table aria-label={`${taxonomy.name} terms`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Term</Table.Th>
            <Table.Th>Synonyms (comma-separated)</Table.Th>
            <Table.Th>Nested under</Table.Th>
            {taxonomy.kind === 'design' && <Table.Th>Evidence level (1 strongest)</Table.Th>}
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ term, depth }) => (
            <Table.Tr key={term.id}>
              <Table.Td style={{ paddingLeft: 8 + depth * 20 }}>
                <TextInput
                  size="xs"
                  aria-label={`Label of ${term.label}`}
                  defaultValue={term.label}
                  onBlur={(event) =>
                    event.currentTarget.value !== term.label &&
                    edit({ kind: 'rename', termId: term.id, label: event.currentTarget.value })
                  }
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Synonyms of ${term.label}`}
                  defaultValue={term.synonyms.join(', ')}
                  onBlur={(event) =>
                    edit({
                      kind: 'synonyms',
                      termId: term.id,
                      synonyms: splitList(event.currentTarget.value),
                    })
                  }
                />
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={`Parent of ${term.label}`}
                  value={term.parentId ?? ''}
                  data={[
                    { value: '', label: '(top level)' },
                    ...rows
                      .filter((row) => row.term.id !== term.id)
                      .map((row) => ({ value: row.term.id, label: row.term.label })),
                  ]}
                  onChange={(event) =>
                    edit({ kind: 'nest', termId: term.id, parentId: event.currentTarget.value || null })
                  }
                />
              </Table.Td>
              {taxonomy.kind === 'design' && (
                <Table.Td>
                  <NumberInput
                    size="xs"
                    w={80}
                    min={1}
                    max={20}
                    aria-label={`Evidence level of ${term.label}`}
                    defaultValue={term.evidenceLevel ?? ''}
                    onBlur={(event) => {
                      const level = Number.parseInt(event.currentTarget.value, 10)
                      edit({
                        kind: 'evidence',
                        termId: term.id,
                        level: Number.isFinite(level) ? level : undefined,
                      })
                    }}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Move ${term.label} up`}
                    onClick={() =>
                      edit({ kind: 'move', termId: term.id, index: Math.max(0, term.order - 1) })
                    }
                  >
                    ↑
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Move ${term.label} down`}
                    onClick={() => edit({ kind: 'move', termId: term.id, index: term.order + 1 })}
                  >
                    ↓
                  </Button>
                  <NativeSelect
                    size="xs"
                    aria-label={`Merge ${term.label} into`}
                    value=""
                    data={[
                      { value: '', label: 'Merge into…' },
                      ...rows
                        .filter((row) => row.term.id !== term.id)
                        .map((row) => ({ value: row.term.id, label: row.term.label })),
                    ]}
                    onChange={(event) =>
                      event.currentTarget.value &&
                      edit({ kind: 'merge', termId: term.id, intoId: event.currentTarget.value })
                    }
                  />
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${term.label}`}
                    onClick={() => edit({ kind: 'remove', termId: term.id })}
                  >
                    Remove
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput
          label={`New ${taxonomy.kind === 'design' ? 'design' : 'modality'}`}
          value={newLabel}
          onChange={(event) => setNewLabel(event.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => {
            edit({ kind: 'add', label: newLabel, synonyms: [] })
            setNewLabel('')
          }}
        >
          Add term
        </Button>
      </Group>
    </Stack>
  )
}
