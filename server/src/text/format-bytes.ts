// Byte counts for people: 286 B, 8.2 KiB, 8 MiB.
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1048576).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${Math.round(n)} B`;
}
