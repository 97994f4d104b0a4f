/** HILFE: the handbook's topics as short in-app guides, each pointing at the screen it explains. */
export interface HelpTopic {
  id: string;
  title: string;
  keywords: string;
  steps: string[];
  link: { href: string; label: string };
  adminOnly?: boolean;
}

export const helpTopics: HelpTopic[] = [
  {
    id: 'passwortvergabe',
    title: 'Die PASSWORTVERGABE',
    keywords: 'passwort pin geburtsdatum link mail registrierung benutzername login gesperrt',
    steps: [
      'Neue Benutzer und Kunden erhalten die PASSWORT-MAIL #1 mit einem persönlichen Link (72 Stunden gültig, nur einmal nutzbar).',
      'Auf der Seite wird das Passwort zweimal eingegeben und mit der PIN bestätigt: dem Geburtsdatum im Format TTMMJJJJ.',
      'Kurz darauf folgt die PASSWORT-MAIL #2 mit dem BENUTZERNAMEN für den Login.',
      'Nach fünf falschen PINs ist der Link gesperrt („Link gesperrt“). Schicken Sie dann eine neue Einladung bzw. REGISTRIERUNGSMAIL.',
    ],
    link: { href: '/contacts', label: 'Zur KONTAKTÜBERSICHT' },
  },
  {
    id: 'benutzeranlage',
    title: 'Die BENUTZERANLAGE (Mitarbeiter, Netzwerkpartner, Experten)',
    keywords: 'benutzer mitarbeiter anlegen rechte rolle admin netzwerkpartner experte sperren',
    steps: [
      'BENUTZER → BENUTZER ERSTELLEN: Name, Geburtsdatum, E-Mail, Art und Rolle eintragen.',
      'Rechte je Modul vergeben (keine / lesen / schreiben) und festlegen, ob der Benutzer alle Kontakte oder nur die eigenen (als BETREUER) sieht – ohne Rechte findet er nur einen leeren Vertragsordner vor.',
      'Nach dem SPEICHERN erhält der Benutzer sofort die PASSWORT-MAIL #1.',
      'Sperren beendet alle Sitzungen des Benutzers sofort; der letzte Admin kann nicht gesperrt werden.',
    ],
    link: { href: '/users/new', label: 'BENUTZER ERSTELLEN' },
    adminOnly: true,
  },
  {
    id: 'kontaktanlage',
    title: 'Die KONTAKTANLAGE',
    keywords: 'kontakt kunde anlegen benutzerkonto registrierungsmail e-mail pflichtfelder',
    steps: [
      'KONTAKTE → KONTAKT ERSTELLEN: Pflichtfelder sind VORNAME, NACHNAME, GEBURTSDATUM und KUNDEN-E-MAIL. Pro E-Mail-Adresse ist nur ein Account möglich.',
      'Nach dem SPEICHERN öffnen Sie den Kontakt und wählen BENUTZERKONTO ERSTELLEN – noch ohne E-Mail an den Kunden.',
      'Jetzt FREIGABEN erteilen und die Akte vorbereiten; prüfen Sie das Ergebnis in der KUNDENANSICHT.',
      'Zum Schluss die REGISTRIERUNGSMAIL verschicken (PASSWORT-MAIL #1).',
    ],
    link: { href: '/contacts/new', label: 'KONTAKT ERSTELLEN' },
  },
  {
    id: 'freigaben',
    title: 'Die KUNDENANSICHT und die FREIGABEN',
    keywords: 'freigaben freischaltung datenfreigabe nur lesen kundenansicht module ordner kommunikation',
    steps: [
      'Standardmäßig ist nichts freigegeben; der Kunde sieht dann einen freundlichen Hinweis.',
      'FREISCHALTUNG: Der Kunde sieht den Bereich und kann eigene Verträge anlegen.',
      'DATENFREIGABE: Der Kunde sieht auch Ihre Verträge und Dokumente – und darf sie ändern und LÖSCHEN.',
      'NUR LESEN: Der Kunde kann nichts verändern. FREISCHALTUNG + NUR LESEN blendet Ihre Verträge aus.',
      'Vorlagen: „Alles freigeben (nur lesen)“, „Nur Kommunikation“, „Keine Freigaben“. Änderungen gelten beim nächsten Seitenaufruf des Kunden.',
    ],
    link: { href: '/contacts', label: 'Kontakt öffnen' },
  },
  {
    id: 'kundenaenderungen',
    title: 'Kann der Kunde selbst Änderungen vornehmen – und sehe ich sie?',
    keywords: 'kunde ändern änderungen profil aktivität sehen adresse telefon',
    steps: [
      'Mit FREISCHALTUNG oder DATENFREIGABE (ohne NUR LESEN) für PROFIL ändert der Kunde Adresse und Telefon selbst.',
      'Jede Änderung erscheint auf der Kontaktseite unter „Aktivität“ mit dem Vermerk „durch den Kunden“.',
    ],
    link: { href: '/contacts', label: 'Zur KONTAKTÜBERSICHT' },
  },
  {
    id: 'impressum',
    title: 'Das IMPRESSUM und die E-MAIL-SIGNATUR',
    keywords: 'impressum signatur editor link einfügen einfügen kopieren e-mail',
    steps: [
      'EINSTELLUNGEN → IMPRESSUM bzw. E-MAIL-SIGNATUR: Text schreiben oder einfügen (Strg+V).',
      'Eingefügte Links werden aus Sicherheitsgründen zu normalem Text. Links setzen Sie, indem Sie Text markieren und „Link einfügen“ wählen (https, mailto oder tel; „In neuem Tab öffnen“ ist empfohlen).',
      'Das IMPRESSUM erreichen Ihre Kunden über den Link auf der Login-Seite; die Signatur steht unter jeder E-Mail Ihres Portals.',
    ],
    link: { href: '/settings/impressum', label: 'IMPRESSUM bearbeiten' },
    adminOnly: true,
  },
  {
    id: 'whitelabel',
    title: 'Das Modul WHITELABEL',
    keywords: 'whitelabel logo favicon farben hauptfarbe zweitfarbe schriftfarbe design',
    steps: [
      'LOGO (PNG, JPEG, WebP) und FAVICON (quadratisches PNG oder ICO) laden Sie selbst hoch – höchstens 2 MB, kein SVG.',
      'HAUPTFARBE, ZWEITFARBE und ERSTE SCHRIFTFARBE wählen Sie mit dem Farbwähler oder als #rrggbb; die Vorschau warnt bei zu wenig Kontrast.',
      'Nach dem SPEICHERN gelten die Farben auf allen Seiten, der Login-Seite und in E-Mails; „Zurücksetzen“ stellt die Standardfarben her.',
    ],
    link: { href: '/settings/whitelabel', label: 'WHITELABEL öffnen' },
    adminOnly: true,
  },
  {
    id: 'website',
    title: 'Kann ich das Portal auf meiner Website einbinden?',
    keywords: 'website einbinden iframe button homepage snippet',
    steps: [
      'EINSTELLUNGEN → AUF IHRER WEBSITE: Kopieren Sie den Login-Button oder die Kundenportal-Karte (iframe) in Ihre Website.',
      'Tragen Sie die Adresse Ihrer Website ein – nur dort darf die Karte erscheinen.',
      'Der Login öffnet sich immer in einem neuen Tab, weil Browser Anmeldungen in fremden iframes blockieren.',
    ],
    link: { href: '/settings/website', label: 'Snippets ansehen' },
    adminOnly: true,
  },
  {
    id: 'neukunden',
    title: 'Die NEUKUNDENGEWINNUNG',
    keywords: 'neukunden interessent anfrage kontaktformular lead kunde werden',
    steps: [
      'Auf Ihrer Login-Seite finden Interessenten „Kunde werden / Kontakt aufnehmen“.',
      'Jede Anfrage legt einen Kontakt als „Interessent“ an; alle Admins erhalten eine E-Mail.',
      'In der KONTAKTÜBERSICHT filtern Sie nach „Nur Interessenten“. Mit ALS KUNDEN ÜBERNEHMEN, Geburtsdatum und BENUTZERKONTO ERSTELLEN geht es wie gewohnt weiter.',
    ],
    link: { href: '/contacts?filter=leads', label: 'Interessenten ansehen' },
  },
  {
    id: 'passwort-vergessen',
    title: 'Passwort vergessen oder ändern',
    keywords: 'passwort vergessen zurücksetzen ändern login',
    steps: [
      'Auf der Login-Seite „Passwort vergessen?“ wählen: Sie erhalten einen Link (60 Minuten gültig) und bestätigen das neue Passwort mit Ihrer PIN.',
      'Angemeldet ändern Sie Ihr Passwort unter „Mein Zugang“; alle anderen Sitzungen werden dabei beendet.',
    ],
    link: { href: '/account', label: 'Mein Zugang' },
  },
];

/** Full-text search over title, keywords and steps (case- and umlaut-insensitive enough for German). */
export function searchHelp(query: string, options: { admin: boolean }): HelpTopic[] {
  const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = fold(query).split(/\s+/).filter((w) => w.length >= 2);
  return helpTopics.filter((t) => {
    if (t.adminOnly && !options.admin) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${t.title} ${t.keywords} ${t.steps.join(' ')}`);
    return words.every((w) => haystack.includes(w));
  });
}
