const units = ['bytes', 'kB', 'MB', 'GB']

/** A byte count for people: `1.6 MB`. */
export function formatSize(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`
}

const numberFormat = new Intl.NumberFormat('en')

/** A count with thousands separators: `100,000`. */
export function formatCount(count: number): string {
  return numberFormat.format(count)
}
