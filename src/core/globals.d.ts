// The few runtime globals core relies on. They exist in browsers, Web Workers and Node 20 alike; declaring them
// here keeps core's tsconfig free of both DOM and Node type libraries.
declare global {
  var crypto: {
    getRandomValues<T extends Uint8Array>(array: T): T
    subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> }
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
    readonly encoding: string
    decode(input?: Uint8Array, options?: { stream?: boolean }): string
  }
  class TextEncoder {
    encode(input?: string): Uint8Array
  }
}
export {}
