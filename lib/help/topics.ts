import { translate, type Locale } from '../i18n';

/**
 * HILFE: the handbook's topics as short in-app guides, each pointing at the screen it explains. This is the
 * structure only; titles, steps and link labels are in the help catalog (help.topics.<key>). Keywords are
 * extra search words, written folded (no umlauts) as the search compares them.
 */
export interface HelpTopic {
  id: string;
  /** The topic's node in the catalog (help.topics.<key>.title / .steps.1… / .link). */
  key: string;
  keywords: string;
  /** How many steps the catalog holds (steps.1 … steps.n). */
  steps: number;
  link: { href: string };
  adminOnly?: boolean;
}

export const helpTopics: HelpTopic[] = [
  {
    id: 'passwortvergabe',
    key: 'passwortvergabe',
    keywords: 'passwort pin geburtsdatum link mail registrierung benutzername login gesperrt',
    steps: 4,
    link: { href: '/contacts' },
  },
  {
    id: 'benutzeranlage',
    key: 'benutzeranlage',
    keywords: 'benutzer mitarbeiter anlegen rechte rolle admin netzwerkpartner experte sperren',
    steps: 4,
    link: { href: '/users/new' },
    adminOnly: true,
  },
  {
    id: 'kontaktanlage',
    key: 'kontaktanlage',
    keywords: 'kontakt kunde anlegen benutzerkonto registrierungsmail e-mail pflichtfelder',
    steps: 4,
    link: { href: '/contacts/new' },
  },
  {
    id: 'freigaben',
    key: 'freigaben',
    keywords: 'freigaben freischaltung datenfreigabe nur lesen kundenansicht module ordner kommunikation',
    steps: 5,
    link: { href: '/contacts' },
  },
  {
    id: 'kundenaenderungen',
    key: 'kundenaenderungen',
    keywords: 'kunde andern anderungen profil aktivitat sehen adresse telefon',
    steps: 3,
    link: { href: '/dashboard' },
  },
  {
    id: 'vertragsanlage',
    key: 'vertragsanlage',
    keywords: 'vertrag anlegen versicherung versicherer sparte beitrag zahlweise police ordner finanzen notfall',
    steps: 4,
    link: { href: '/contacts' },
  },
  {
    id: 'dokumentenupload',
    key: 'dokumentenupload',
    keywords: 'dokument hochladen upload datei pdf foto kamera police nachtrag',
    steps: 3,
    link: { href: '/contacts' },
  },
  {
    id: 'kommunikation',
    key: 'kommunikation',
    keywords: 'nachricht ticket antworten weiterleiten abschliessen historie ungelesen kommunikation',
    steps: 4,
    link: { href: '/tickets' },
  },
  {
    id: 'kunde-loeschen',
    key: 'kundeLoeschen',
    keywords: 'loschen kunde entfernen dsgvo datenexport export archivieren auskunft',
    steps: 3,
    link: { href: '/contacts' },
  },
  {
    id: 'impressum',
    key: 'impressum',
    keywords: 'impressum signatur editor link einfugen einfugen kopieren e-mail',
    steps: 3,
    link: { href: '/settings/impressum' },
    adminOnly: true,
  },
  {
    id: 'whitelabel',
    key: 'whitelabel',
    keywords: 'whitelabel logo favicon farben hauptfarbe zweitfarbe schriftfarbe design',
    steps: 3,
    link: { href: '/settings/whitelabel' },
    adminOnly: true,
  },
  {
    id: 'website',
    key: 'website',
    keywords: 'website einbinden iframe button homepage snippet',
    steps: 3,
    link: { href: '/settings/website' },
    adminOnly: true,
  },
  {
    id: 'neukunden',
    key: 'neukunden',
    keywords: 'neukunden interessent anfrage kontaktformular lead kunde werden',
    steps: 3,
    link: { href: '/contacts?filter=leads' },
  },
  {
    id: 'passwort-vergessen',
    key: 'passwortVergessen',
    keywords: 'passwort vergessen zurucksetzen andern login',
    steps: 2,
    link: { href: '/account' },
  },
];

/** A topic in the reader's language. */
export interface HelpEntry {
  id: string;
  title: string;
  steps: string[];
  link: { href: string; label: string };
}

export function helpEntry(topic: HelpTopic, locale: Locale): HelpEntry {
  const at = (part: string) => translate(locale, `help.topics.${topic.key}.${part}`);
  return {
    id: topic.id,
    title: at('title'),
    steps: Array.from({ length: topic.steps }, (_, i) => at(`steps.${i + 1}`)),
    link: { href: topic.link.href, label: at('link') },
  };
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/** Full-text search over title, steps (in the reader's language) and keywords, case- and umlaut-insensitive. */
export function searchHelp(query: string, options: { admin: boolean; locale?: Locale }): HelpEntry[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w.length >= 2);
  return helpTopics
    .filter((t) => !t.adminOnly || options.admin)
    .map((t) => ({ topic: t, entry: helpEntry(t, options.locale ?? 'de') }))
    .filter(({ topic, entry }) => {
      if (words.length === 0) return true;
      const haystack = fold(`${entry.title} ${topic.keywords} ${entry.steps.join(' ')}`);
      return words.every((w) => haystack.includes(w));
    })
    .map(({ entry }) => entry);
}
