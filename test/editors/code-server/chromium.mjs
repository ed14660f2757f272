// Flags for Debian's Chromium, headless, as root, offline (docs/real-clients.md in ../shared).
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
