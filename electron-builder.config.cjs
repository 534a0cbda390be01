// Packaging for `npm run dist` (electron-vite build, then electron-builder). CommonJS because package.json
// says "type": "module" and electron-builder loads its config with require().
// Run on the target OS (or a CI runner for it): dmg needs macOS, nsis is simplest on Windows.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.sift.app',
  productName: 'Sift',
  copyright: 'Copyright © Sift contributors',
  directories: { output: 'dist', buildResources: 'resources/build' },
  // Only the desktop bundles: out/web (browser mode) and out/cli are not part of the app. Renderer
  // dependencies are bundled by Vite; main loads its externalised dependencies (zod) from node_modules.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'],
  asar: true,
  icon: 'resources/icon.png',
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  // Offline app: nothing is uploaded anywhere as part of a build.
  publish: null,

  // Electron's security checklist, enforced in the binary (RELIABILITY.md, Electron fuses line).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // The renderer is served from app://sift, never file://, so file:// needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Science',
    executableName: 'sift',
    synopsis: 'Offline workbench for systematic reviews',
    description:
      'Import, deduplicate, screen, tag, extract and summarise citations for systematic reviews, offline.',
    // deb needs a maintainer; without one electron-builder requires an author e-mail in package.json.
    maintainer: 'Sift contributors',
  },
  mac: {
    target: 'dmg',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'resources/build/entitlements.mac.plist',
    entitlementsInherit: 'resources/build/entitlements.mac.plist',
  },
  win: { target: 'nsis' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
}
