import type { SectionId } from '../../app/routes'
import { DedupPage } from '../dedup/DedupPage'
import { ExtractPage } from '../extraction/ExtractPage'
import { ImportPage } from '../import/ImportPage'
import { RecordsPage } from '../records/RecordsPage'
import { ScreeningPage } from '../screening/ScreeningPage'
import { SettingsPage } from '../settings/SettingsPage'
import { SummarisePage } from '../summary/SummarisePage'
import { TagPage } from '../tagging/TagPage'

type Props = {
  projectId: string
  section: SectionId
  isImportPickerRequested: boolean
  onImportPickerShown: () => void
}

/** The page of one project section. */
export function SectionContent({ projectId, section, isImportPickerRequested, onImportPickerShown }: Props) {
  switch (section) {
    case 'import':
      return (
        <ImportPage
          projectId={projectId}
          isPickerRequested={isImportPickerRequested}
          onPickerShown={onImportPickerShown}
        />
      )
    case 'records':
      return <RecordsPage projectId={projectId} />
    case 'deduplicate':
      return <DedupPage projectId={projectId} />
    case 'screen':
      return <ScreeningPage projectId={projectId} />
    case 'tag':
      return <TagPage projectId={projectId} />
    case 'summarise':
      return <SummarisePage projectId={projectId} />
    case 'extract':
      return <ExtractPage projectId={projectId} />
    case 'settings':
      return <SettingsPage projectId={projectId} />
  }
}
