import { MantineProvider } from '@mantine/core'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { theme } from '../../app/theme'
import { PlatformProvider } from '../../platform/PlatformContext'
import type { Platform } from '../../platform/types'
import { ProjectListPage } from './ProjectListPage'

const platform: Platform = {
  mode: 'web',
  openFiles: () => Promise.resolve([]),
  saveFile: () => Promise.resolve({ saved: true }),
  getAppInfo: () =>
    Promise.resolve({ name: 'Sift', version: 'test', mode: 'web', platform: 'test', details: {} }),
  openExternal: () => Promise.resolve(true),
  backups: {
    write: () => Promise.resolve(''),
    list: () => Promise.resolve([]),
    read: () => Promise.resolve(''),
    remove: () => Promise.resolve(),
  },
  sync: {
    fixedServer: null,
    connect: () => Promise.reject(new Error('no sync in this test')),
    disconnect: () => Promise.resolve(),
    remoteUrl: () => '',
    fetch: () => Promise.reject(new Error('no network in this test')),
  },
  onMenuCommand: () => () => undefined,
}

function renderPage(onOpenProject: (id: string) => void = () => undefined) {
  return render(
    <MantineProvider theme={theme}>
      <PlatformProvider platform={platform}>
        <ProjectListPage onOpenProject={onOpenProject} />
      </PlatformProvider>
    </MantineProvider>,
  )
}

describe('ProjectListPage', () => {
  it('creates a project from the dialog and lists it; an empty name is refused with a message', async () => {
    const user = userEvent.setup()
    const opened: string[] = []
    renderPage((id) => opened.push(id))

    await user.click(await screen.findByRole('button', { name: 'New project' }))
    const dialog = await screen.findByRole('dialog', { name: 'New project' })
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(await within(dialog).findByText('Give the project a name.')).toBeInTheDocument()

    await user.type(within(dialog).getByLabelText('Project name'), 'Component test review')
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    const link = await screen.findByRole('button', { name: 'Component test review' })
    await user.click(link)
    await waitFor(() => expect(opened).toHaveLength(1))
  })
})
