export declare const projectRoot: string
export declare const electronPackageDir: string
export declare function findElectronBinary(env?: NodeJS.ProcessEnv): string | null
