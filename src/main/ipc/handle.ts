/**
 * The one way to register an IPC request handler (STYLE.md "Typed IPC", RELIABILITY.md S5).
 *
 * Every call is checked before the implementation runs: the sender must be the main frame of one of our
 * windows showing a trusted origin, and the arguments must match the channel's schema in the contract.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import {
  IPC_CONTRACT,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
} from '../../shared/ipc/contract'
import { hasTrustedOrigin } from '../app-origin'
import { currentTrustedOrigins } from '../trusted-origins'

/** What an implementation learns about its caller, beyond the validated arguments. */
export type HandlerContext = {
  /** The window that asked; dialogs are attached to it. */
  window: BrowserWindow
}

/** A channel's implementation: validated arguments in, a result matching the contract out. */
export type HandlerImpl<C extends InvokeChannel> = (
  context: HandlerContext,
  ...args: InvokeArgs<C>
) => InvokeResult<C> | Promise<InvokeResult<C>>

/** Thrown back to the renderer (the invoke promise rejects with this message) when a call is refused. */
export class IpcRequestError extends Error {
  override name = 'IpcRequestError'
}

/**
 * Why the sender of `event` is not trusted, or null when it is: the frame must still exist, be a top-level
 * frame, be the main frame of a BrowserWindow's web contents, and show a trusted origin.
 */
export function senderRejection(event: IpcMainInvokeEvent, origins: readonly string[]): string | null {
  const frame = event.senderFrame
  if (frame === null) return 'the sending frame is gone'
  if (frame.parent !== null) return 'subframes may not call the main process'
  const main = event.sender.mainFrame
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'the sender is not the main frame of its page'
  }
  if (BrowserWindow.fromWebContents(event.sender) === null) return 'the sender is not one of our windows'
  if (!hasTrustedOrigin(frame.url, origins)) return `untrusted origin of ${JSON.stringify(frame.url)}`
  return null
}

/**
 * Registers `impl` for `channel`. Refused senders and malformed arguments reject the renderer's promise
 * with an {@link IpcRequestError} naming the channel and the problem; `impl` never sees them. The result is
 * checked against the contract too, so a main-process bug cannot send the renderer an unexpected shape.
 */
export function handle<C extends InvokeChannel>(channel: C, impl: HandlerImpl<C>): void {
  const spec = IPC_CONTRACT[channel]
  ipcMain.handle(channel, async (event, ...rawArgs: unknown[]) => {
    const rejection = senderRejection(event, currentTrustedOrigins())
    if (rejection !== null) {
      console.warn(`[ipc] refused ${channel}: ${rejection}`)
      throw new IpcRequestError(`${channel} refused: ${rejection}`)
    }
    const parsed = spec.args.safeParse(rawArgs)
    if (!parsed.success) {
      throw new IpcRequestError(`${channel} got invalid arguments:\n${z.prettifyError(parsed.error)}`)
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    if (window === null) throw new IpcRequestError(`${channel} refused: the window is gone`)
    const result = await impl({ window }, ...(parsed.data as InvokeArgs<C>))
    return spec.result.parse(result) as InvokeResult<C>
  })
}
