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
      'In den Ordnerbereichen legt er mit Schreibrecht eigene Verträge an und lädt Dokumente hoch; mit DATENFREIGABE darf er auch Ihre Verträge ändern und löschen.',
      'Jede Änderung erscheint auf der Kontaktseite unter „Aktivität“ mit dem Vermerk „durch den Kunden“ und auf Ihrer Startseite unter „Änderungen durch Kunden“.',
    ],
    link: { href: '/dashboard', label: 'Änderungen durch Kunden ansehen' },
  },
  {
    id: 'vertragsanlage',
    title: 'Die VERTRAGSANLAGE',
    keywords: 'vertrag anlegen versicherung versicherer sparte beitrag zahlweise police ordner finanzen notfall',
    steps: [
      'KONTAKTE → Kontakt öffnen → im DIGITALEN ORDNER den Bereich wählen → VERTRAG HINZUFÜGEN.',
      'Pflichtfelder in VERSICHERUNGEN: VERTRAGSSTATUS, PRODUKT / SPARTE, VERSICHERER und VERSICHERUNGSNUMMER. Den Versicherer finden Sie über die Suche oder die Buchstabenleiste (z. B. „C“ für CONDOR).',
      'Den BRUTTOBEITRAG geben Sie gemäß ZAHLWEISE ein, z. B. „12,50“ monatlich; die Beitragsübersicht rechnet ihn auf das Jahr hoch.',
      'Fehlt ein Versicherer oder Anbieter, ergänzt ein Admin ihn unter EINSTELLUNGEN → ANBIETER.',
    ],
    link: { href: '/contacts', label: 'Kontakt öffnen' },
  },
  {
    id: 'dokumentenupload',
    title: 'Der DOKUMENTENUPLOAD',
    keywords: 'dokument hochladen upload datei pdf foto kamera police nachtrag',
    steps: [
      'Im Vertrag, im Bereich oder auf der Kontaktseite (Allgemeine Dokumente, z. B. der Maklervertrag) DOKUMENT HINZUFÜGEN wählen.',
      'TITEL und ART angeben und eine oder mehrere Dateien wählen: PDF, JPEG, PNG, WebP oder HEIC bis 20 MB. Jede Datei wird sofort geprüft (✓).',
      'Ihre Kunden fotografieren Dokumente direkt mit dem Handy; Fotos werden dabei verkleinert und Standortdaten entfernt.',
    ],
    link: { href: '/contacts', label: 'Kontakt öffnen' },
  },
  {
    id: 'kommunikation',
    title: 'Die KOMMUNIKATION',
    keywords: 'nachricht ticket antworten weiterleiten abschliessen historie ungelesen kommunikation',
    steps: [
      'Schreibt Ihnen ein Kunde, bekommen Sie eine E-Mail ohne Inhalt und die Zahl neben KOMMUNIKATION steigt.',
      'Im Ticket antworten Sie unter NEUER EINTRAG → SENDEN; der Kunde wird per E-Mail benachrichtigt.',
      'WEITERLEITEN gibt das Ticket an einen Kollegen, auf Wunsch mit einer internen Notiz, die der Kunde nie sieht. ABSCHLIESSEN legt es unter GESCHLOSSENE TICKETS ab.',
      'HISTORIE zeigt, wer wann geantwortet und an wen weitergeleitet hat.',
    ],
    link: { href: '/tickets', label: 'Zur KOMMUNIKATION' },
  },
  {
    id: 'kunde-loeschen',
    title: 'Kann ich einen Kunden löschen oder seine Daten exportieren?',
    keywords: 'löschen kunde entfernen dsgvo datenexport export archivieren auskunft',
    steps: [
      'Auf der Kontaktseite unter „Datenschutz“: DATENEXPORT lädt alle Daten und Dateien als ZIP herunter (Art. 15/20 DSGVO). Kunden mit PROFIL laden ihn im Portal selbst herunter.',
      'ARCHIVIEREN sperrt den Login und behält die Daten, wenn Aufbewahrungsfristen laufen.',
      'KONTAKT LÖSCHEN entfernt nach Eingabe des Namens alles endgültig – Konto, Verträge, Dokumente, Nachrichten; im Protokoll bleibt nur ein Pseudonym.',
    ],
    link: { href: '/contacts', label: 'Kontakt öffnen' },
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
