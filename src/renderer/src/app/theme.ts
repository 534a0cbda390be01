import { createTheme } from '@mantine/core'

/** A dense, calm theme for long screening sessions; colour scheme follows the operating system. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
})
