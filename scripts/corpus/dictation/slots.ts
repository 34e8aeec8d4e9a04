import { digitWords } from '../../../src/model/text/number-words'
import type { Rng } from '../util/rng'
import { oneOf, type Slots } from './template'

/**
 * Fillers for the dictation templates, written the way people type them (digits, $, %, 7:45) so the normaliser is
 * exercised, but only in forms whose normalised reading matches speech (no 7:05, 3:00, am/pm or cents after a point).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const suffix = (n: number): string => {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}
const withCommas = (n: number): string => n.toLocaleString('en-US')
const digitString = (rng: Rng, length: number): string => Array.from({ length }, () => String(rng.int(0, 9))).join('')

function time(rng: Rng): string {
  const hour = rng.int(1, 12)
  const minutes = String(rng.pick([10, 15, 20, 30, 40, 45, 50, rng.int(11, 59)]))
  return rng.pick([
    `${hour}:${minutes}`,
    `${hour}:${minutes} in the ${rng.pick(['morning', 'afternoon', 'evening'])}`,
    `${hour} o'clock`,
    `${rng.pick(['quarter past', 'half past', 'quarter to'])} ${hour}`,
    rng.pick(['noon', 'midnight'])
  ])
}

function money(rng: Rng): string {
  const whole = rng.pick([rng.int(1, 20), rng.int(20, 500), rng.int(500, 50000)])
  const cents = rng.chance(0.3) ? ` and ${rng.int(2, 99)} cents` : ''
  return `$${whole >= 1000 && rng.chance(0.5) ? withCommas(whole) : whole}${cents}`
}

export const SLOTS: Slots = {
  name: oneOf('Anna', 'James', 'Maria', 'David', 'Sarah', 'Michael', 'Emma', 'Daniel', 'Olivia', 'Thomas', 'Sophie', 'Peter',
    'Laura', 'Robert', 'Julia', 'Mark', 'Helen', 'Paul', 'Grace', 'Chris', 'Alice', 'George', 'Rachel', 'Steven', 'Linda', 'Kevin'),
  surname: oneOf('Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Moore', 'Clark', 'Walker', 'Young', 'Allen', 'Wright',
    'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Turner', 'Parker'),
  city: oneOf('Boston', 'Chicago', 'Denver', 'Seattle', 'Austin', 'Portland', 'Atlanta', 'Phoenix', 'Dallas', 'Miami', 'London',
    'Dublin', 'Toronto', 'Sydney', 'Oakland', 'Madison', 'Springfield', 'Richmond', 'Cambridge', 'Oxford'),
  street: oneOf('Oak', 'Maple', 'Pine', 'Main', 'Elm', 'Park', 'Lake', 'Hill', 'Church', 'Mill', 'River', 'Cedar', 'Washington',
    'Lincoln', 'Spring', 'Market', 'Water', 'Bridge', 'Forest', 'Sunset'),
  streetType: oneOf('Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Boulevard', 'Court', 'Way', 'Place'),
  place: oneOf('the station', 'the park', 'the library', 'the hospital', 'the bank', 'the school', 'the museum', 'the bridge'),
  weekday: oneOf('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'),
  month: (rng) => rng.pick(MONTHS),
  dayOrd: (rng) => {
    const d = rng.int(1, 31)
    return `${d}${suffix(d)}`
  },
  year: (rng) => String(rng.pick([rng.int(1950, 1999), rng.int(2000, 2035)])),
  time,
  money,
  small: (rng) => String(rng.int(0, 12)),
  count: (rng) => String(rng.int(2, 100)),
  big: (rng) => {
    const n = rng.int(100, 5_000_000)
    return rng.chance(0.5) ? withCommas(n) : String(n)
  },
  house: (rng) => String(rng.pick([rng.int(1, 99), rng.int(100, 999), rng.int(1100, 1999)])),
  percent: (rng) => `${rng.int(1, 100)}%`,
  decimal: (rng) => `${rng.int(0, 20)}.${rng.int(1, 9)}`,
  phone: (rng) => digitWords(`${digitString(rng, 3)}${digitString(rng, 4)}`),
  zip: (rng) => digitWords(digitString(rng, 5)),
  file: oneOf('report', 'budget', 'presentation', 'notes', 'invoice', 'contract', 'spreadsheet', 'letter', 'photo', 'draft',
    'schedule', 'agenda', 'proposal', 'summary', 'document', 'file', 'picture', 'recording'),
  folder: oneOf('documents', 'downloads', 'pictures', 'music', 'projects', 'archive', 'desktop', 'work', 'shared'),
  app: oneOf('the browser', 'my email', 'the calendar', 'the terminal', 'the music player', 'the settings', 'the camera',
    'the calculator', 'the file manager', 'the text editor', 'my notes'),
  thing: oneOf('pizza places nearby', 'the weather tomorrow', 'cheap flights', 'the nearest pharmacy', 'train times', 'a good recipe',
    'the latest news', 'hotels in the city centre', 'the opening hours', 'a plumber')
}
