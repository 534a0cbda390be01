import '@mantine/core/styles.css'
import './app/global.css'

import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app/App'
import { DatabaseGate } from './app/DatabaseGate'
import { theme } from './app/theme'
import { pickPlatform } from './platform'
import { PlatformProvider } from './platform/PlatformContext'
import { installAppSync } from './sync/manager'

installAppSync()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element.')

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <PlatformProvider platform={pickPlatform()}>
        <DatabaseGate>
          <App />
        </DatabaseGate>
      </PlatformProvider>
    </MantineProvider>
  </StrictMode>,
)
