/**
 * Prints an HTML document from inside the app (the system print dialog offers "Save as PDF"): the document is
 * loaded into a hidden frame from a blob URL, printed, then removed. No window is opened, so it works in the
 * desktop app, where new windows are refused.
 */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }))
    const frame = document.createElement('iframe')
    frame.title = 'Report being printed'
    frame.style.position = 'fixed'
    frame.style.width = '0'
    frame.style.height = '0'
    frame.style.border = '0'
    frame.src = url
    frame.addEventListener('load', () => {
      try {
        frame.contentWindow?.print()
        resolve()
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      } finally {
        setTimeout(() => {
          frame.remove()
          URL.revokeObjectURL(url)
        }, 60_000)
      }
    })
    document.body.append(frame)
  })
}
