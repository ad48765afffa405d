import type { Catalog } from '../translator.ts';

/**
 * German messages (Sie-form). ICU MessageFormat syntax; German plurals use one/other.
 * Use typographic quotes „…“ and never a straight apostrophe.
 */
export const de: Catalog = {
  'command.empty': 'Geben Sie einen Befehl ein oder „{help}“, um alle zu sehen.',
  'command.unknown': 'Den Befehl „{words}“ kenne ich nicht. Meinten Sie: {suggestions}?',
  'command.unclosed-quote': 'Bei einem Wert in Anführungszeichen fehlt das schließende Anführungszeichen.',
  'command.duplicate-option': 'Die Option „{option}“ ist doppelt angegeben.',
  'command.unexpected-word': '„{word}“ ist keine Option. Optionen schreibt man als name:value.',
  'command.usage': 'Verwendung: {usage}',
  'usage.text': '<Text>',
  'usage.number': '<Zahl>',
  'usage.list': '<Eintrag,…>',
  'usage.user': '<@Person>',

  'validation.missing-option': 'Die Option „{option}“ ist erforderlich.',
  'validation.unknown-option': 'Eine Option „{option}“ gibt es hier nicht. Optionen: {known}.',
  'validation.unknown-option-suggested':
    'Eine Option „{option}“ gibt es hier nicht. Meinten Sie „{suggestion}“? Optionen: {known}.',
  'validation.too-long':
    '„{option}“ ist zu lang: höchstens {max, plural, one {# Zeichen} other {# Zeichen}}.',
  'validation.too-large': '„{option}“ darf höchstens {max} sein.',
  'validation.too-small': '„{option}“ muss mindestens {min} sein.',
  'validation.too-many-items':
    '„{option}“ erlaubt höchstens {max, plural, one {# Eintrag} other {# Einträge}}.',
  'validation.item-too-long':
    'Ein Eintrag in „{option}“ ist zu lang: jeder darf höchstens {max, plural, one {# Zeichen} other {# Zeichen}} haben.',
  'validation.empty': '„{option}“ darf nicht leer sein.',
  'validation.not-a-choice': '„{option}“ muss einer dieser Werte sein: {choices}.',
  'validation.not-a-whole-number': '„{option}“ muss eine ganze Zahl sein.',
  'validation.not-yes-no': '„{option}“ muss ja oder nein sein.',
  'validation.invalid': 'Den Wert von „{option}“ kann ich nicht lesen.',
  'validation.line-break': '„{option}“ muss einzeilig sein: Entfernen Sie den Zeilenumbruch.',
  'validation.control-character':
    '„{option}“ enthält ein unsichtbares Steuerzeichen ({character}), das weder gespeichert noch gepostet werden kann: Entfernen Sie es.',
  'validation.unknown-language':
    '„{language}“ ist kein Sprachcode, den ich kenne. Verwenden Sie Codes wie cs, de, en, pl.',

  'time.unparseable':
    '„{input}“ kann ich nicht als Zeit für „{option}“ lesen. Versuchen Sie 2026-06-05 18:00, „morgen 18:00“ oder „nächsten Freitag 9:30“.',
  'time.nonexistent':
    'Die Uhrzeit {local} gibt es in {zone} nicht: Dann wird die Uhr vorgestellt. Wählen Sie eine andere Zeit.',
  'time.ambiguous':
    'Die Uhrzeit {local} gibt es in {zone} zweimal: Dann wird die Uhr zurückgestellt. Geben Sie den Versatz an (z. B. {local}+02:00) oder wählen Sie eine andere Zeit.',
  'time.unknown-zone':
    '„{zone}“ ist keine Zeitzone, die ich kenne. Verwenden Sie Namen wie Europe/Berlin oder America/Chicago.',
  'time.in-past': '{time} liegt bereits in der Vergangenheit.',

  'error.unexpected':
    'Bei mir ist etwas schiefgelaufen (Ref. {ref}). Es wurde nichts geändert; die Koordinatoren können diese Referenz angeben.',
  'mention.unknown-user': '@unbekannter Benutzer',
  'mention.unknown-role': '@unbekannte Rolle',
  'mention.unknown-channel': '#unbekannter Kanal',
  'error.unexpected-input':
    'Ihre Eingabe wurde nicht gespeichert. Hier ist sie, damit Sie es später noch einmal versuchen können: {input}',
  'error.database-unavailable':
    'Die Datenbank ist gerade nicht erreichbar, deshalb wurde nichts ausgeführt. Bitte versuchen Sie es gleich noch einmal.',
  'error.conflict':
    'Jemand anderes hat das im selben Moment geändert. Es wurde nichts geändert; bitte versuchen Sie es noch einmal.',
  'error.gone':
    'Was dafür nötig war, hat gerade jemand anderes entfernt. Es wurde nichts geändert; bitte prüfen Sie es und versuchen Sie es erneut.',
  'permission.coordinator-only': 'Nur Koordinatoren Ihrer Stadt können „{command}“ verwenden.',
  'permission.community-admin-discord':
    '„{command}“ erfordert die Berechtigung „Server verwalten“ (oder „Administrator“) auf diesem Discord-Server. Bitte wenden Sie sich an einen Server-Admin.',
  'permission.community-admin-slack':
    '„{command}“ erfordert einen Admin oder Inhaber dieses Slack-Workspace oder die Person, die Twinbridge hier installiert hat. Bitte wenden Sie sich an eine dieser Personen.',
  'permission.community-admin-console': '„{command}“ erfordert einen Administrator dieser Community.',
  'access.community-not-allowed':
    'Twinbridge ist für diesen Server oder Workspace nicht freigegeben. Bitten Sie den Betreiber dieses Bots, ihn freizugeben.',

  'kind.delegation-visit': 'Delegationsbesuch',
  'kind.citizens-meeting': 'Bürgertreffen',
  'kind.youth-exchange': 'Jugendaustausch',
  'kind.school-exchange': 'Schüleraustausch',
  'kind.study-visit': 'Studienbesuch',
  'kind.cultural-event': 'Kulturveranstaltung',
  'kind.sports-event': 'Sportveranstaltung',
  'kind.online-meeting': 'Online-Treffen',
  'kind.business-forum': 'Wirtschaftsforum',

  'form.formal': 'Formelle Vereinbarung',
  'form.joint-project': 'Gemeinsames Projekt',
  'form.informal': 'Informell',

  'status.proposed': 'Vorgeschlagen',
  'status.active': 'Aktiv',
  'status.dormant': 'Ruhend',
  'status.ended': 'Beendet',

  'area.urban-development': 'Stadtentwicklung',
  'area.social-affairs': 'Soziales',
  'area.education': 'Bildung',
  'area.environment': 'Umwelt',
  'area.tourism': 'Tourismus',
  'area.local-government': 'Kommunalverwaltung',
  'area.economy': 'Wirtschaft',
  'area.culture': 'Kultur',
  'area.sport': 'Sport',
  'area.youth': 'Jugend',

  'role.coordinator': 'Koordinator',
  'role.member': 'Mitglied',

  'town.not-registered':
    'Diese Community hat noch keine Stadt. Ein Server- oder Workspace-Admin beginnt mit: {townRegister} name:… country:… timezone:… language:…',
  'town.already-registered': 'Diese Community betreut bereits die Stadt {town}.',
  'town.unknown-country':
    '„{country}“ ist kein Ländercode nach ISO 3166-1. Verwenden Sie zwei Buchstaben wie CZ, DE, AT, PL.',
  'town.registered':
    'Willkommen, {town} ({country})! Zeiten gelten in {zone}, Beiträge erscheinen auf „{language}“. {user} ist der erste Koordinator der Stadt.',
  'town.info': '{town} ({country}) · Zeitzone {zone} · Sprache {language}\nKoordinatoren: {coordinators}',
  'town.info-partnerships': 'Partnerschaften:',
  'town.info-no-partnerships': 'Noch keine Partnerschaften: Starten Sie eine mit „{partnerInvite}“.',

  'coordinator.added': '{user} ist jetzt Koordinator von {town}.',
  'coordinator.removed': '{user} ist nicht mehr Koordinator von {town}.',
  'coordinator.already': '{user} ist bereits Koordinator.',
  'coordinator.not-coordinator': '{user} ist kein Koordinator Ihrer Stadt.',
  'coordinator.last': '{user} ist der letzte Koordinator: Machen Sie zuerst jemand anderen zum Koordinator.',

  'partner.not-found': 'Ihre Stadt hat keine Partnerschaft mit der Nummer {number}. Siehe „{partnerList}“.',
  'partner.summary': '#{number} {name}: {towns} · {form} · {status}',
  'partner.invite-needs-name':
    'Geben Sie der neuen Partnerschaft einen Namen (name:…) oder laden Sie mit partnership:… (Nummer der Partnerschaft) in eine bestehende ein.',
  'partner.invite-name-or-number':
    'Geben Sie entweder name: für eine neue Partnerschaft oder partnership: für eine bestehende an, nicht beides.',
  'partner.invite-created':
    'Partnerschaft #{number} „{name}“. Einladungscode: {code}\nGeben Sie ihn an die Koordination der Partnerstadt weiter; dort wird „{partnerJoin} code:{code}“ in dem Kanal ausgeführt, der geteilt werden soll. Der Code gilt einmal, bis {expires}.',
  'partner.ended': 'Die Partnerschaft #{number} ist beendet.',
  'partner.not-active':
    'Partnerschaft #{number} hat den Status „{status}“: Aktivieren Sie sie zuerst wieder mit „{partnerEdit}“.',
  'partner.unknown-area': 'Unbekannte Bereiche: {areas}. Bekannte Bereiche: {known}.',
  'partner.already-member': 'Ihre Stadt ist bereits in der Partnerschaft #{number} „{name}“.',
  'partner.joined':
    'Der Partnerschaft #{number} „{name}“ ({towns}) beigetreten. Dieser Kanal (#{channel}) erhält ihre Beiträge ab jetzt auf „{language}“.',
  'partner.joined-post': '{town} ({country}) ist der Partnerschaft „{name}“ beigetreten. Willkommen!',
  'partner.left':
    'Ihre Stadt hat „{name}“ verlassen; {unlinked, plural, one {# Kanal wurde} other {# Kanäle wurden}} getrennt.',
  'partner.left-post': '{town} hat die Partnerschaft „{name}“ verlassen.',
  'partner.none': 'Ihre Stadt hat noch keine Partnerschaften. Starten Sie eine mit „{partnerInvite} name:…“.',
  'partner.areas': 'Bereiche: {areas}',
  'partner.agreement': 'Vereinbarung: {date} · {url}',
  'partner.channels': 'Verknüpfte Kanäle:',
  'partner.no-channels': 'Noch keine verknüpften Kanäle: Führen Sie „{channelLink}“ in einem Kanal aus.',
  'partner.bad-date': '„{date}“ ist kein Datum. Schreiben Sie es als YYYY-MM-DD.',
  'partner.bad-url': '„{url}“ ist kein Weblink (http oder https).',
  'partner.nothing-to-change':
    'Geben Sie an, was geändert werden soll: name, status, form, areas, agreement-date oder agreement-url.',
  'partner.updated': 'Partnerschaft aktualisiert.',
  'partner.not-owner':
    'Nur {owner}, die Stadt, der die gemeinsamen Einstellungen der Partnerschaft #{number} „{name}“ gehören, kann sie ändern. Wenden Sie sich an ihre Koordinatoren oder bitten Sie sie, die Einstellungen an Ihre Stadt zu übergeben („{partnerHandover}“).',
  'partner.changed-post': '{person} ({town}) hat die Partnerschaft „{name}“ geändert:',
  'partner.change-line': '{setting}: {from} → {to}',
  'partner.setting.name': 'Name',
  'partner.setting.status': 'Status',
  'partner.setting.form': 'Form',
  'partner.setting.areas': 'Bereiche',
  'partner.setting.agreement-date': 'Datum der Vereinbarung',
  'partner.setting.agreement-url': 'Link zur Vereinbarung',
  'partner.setting.reminders': 'Erinnerungen',
  'partner.setting.digest': 'Wochenüberblick',
  'partner.setting.owner': 'Stadt mit den gemeinsamen Einstellungen',
  'partner.value-off': 'aus',
  'partner.invite-post':
    '{person} ({town}) hat eine Einladung in die Partnerschaft „{name}“ für eine weitere Stadt erstellt, gültig bis {expires}. Eine Stadt, die beitritt, sieht alle Veranstaltungen und verbundenen Kanäle.',
  'partner.handover-unknown-town':
    '„{town}“ ist keine andere Stadt der Partnerschaft „{name}“. Ihre anderen Städte: {towns}.',
  'partner.handed-over': 'Die gemeinsamen Einstellungen von „{name}“ gehören jetzt {town}.',
  'partner.left-effects':
    '{announcements, plural, one {# geplante Ankündigung wurde} other {# geplante Ankündigungen wurden}} abgesagt, {invites, plural, one {# unbenutzte Einladung wurde} other {# unbenutzte Einladungen wurden}} zurückgezogen, und {exchanges, plural, one {# anstehende Veranstaltung geht} other {# anstehende Veranstaltungen gehen}} an {town}.',
  'partner.left-exchanges-post': 'Ihre anstehenden Veranstaltungen richtet jetzt {town} aus: {exchanges}.',
  'partner.left-owner-post': 'Die gemeinsamen Einstellungen der Partnerschaft gehören jetzt {town}.',
  'invite.throttled':
    'Zu viele Einladungscodes, die nicht funktioniert haben: Versuchen Sie es in {minutes} Minuten erneut und prüfen Sie den Code mit dem Koordinator, der ihn geschickt hat.',
  'invite.list': 'Offene Einladungen von „{name}“:',
  'invite.line': '– {invite}: erstellt am {created} von {person} ({town}), gültig bis {expires}',
  'invite.none': '„{name}“ hat keine offenen Einladungen.',
  'invite.not-found':
    'Partnerschaft #{number} hat keine offene Einladung „{invite}“. Siehe „{partnerInvites}“.',
  'invite.revoke-not-allowed':
    'Einladung {invite} hat eine andere Stadt erstellt: Nur diese Stadt oder {owner}, der die gemeinsamen Einstellungen gehören, kann sie zurückziehen.',
  'invite.revoked': 'Einladung {invite} zu „{name}“ ist zurückgezogen: Ihr Code funktioniert nicht mehr.',
  'announce.not-own':
    'Ankündigung #{number} hat {town} geplant: Nur diese Stadt oder {owner}, der die gemeinsamen Einstellungen der Partnerschaft gehören, kann sie absagen.',

  'invite.invalid':
    'Dieser Einladungscode ist ungültig. Klären Sie das mit dem Koordinator, der ihn geschickt hat.',
  'invite.used': 'Dieser Einladungscode wurde bereits verwendet. Bitten Sie um einen neuen.',
  'invite.expired': 'Dieser Einladungscode ist am {expired} abgelaufen. Bitten Sie um einen neuen.',
  'invite.own-town':
    'Dieser Code lädt eine Partnerstadt ein; Ihre eigene Stadt gehört der Partnerschaft bereits an.',

  'channel.linked':
    'Dieser Kanal (#{channel}) ist jetzt mit „{name}“ verknüpft; Beiträge hier erscheinen auf „{language}“.',
  'channel.unlinked': 'Dieser Kanal (#{channel}) erhält keine Beiträge von „{name}“ mehr.',
  'channel.relay-on':
    'Nachrichten in #{channel} werden jetzt innerhalb von „{name}“ weitergeleitet: {others, plural, =0 {noch leitet kein Partnerkanal weiter; es beginnt, sobald einer es einschaltet} one {zu und von # Partnerkanal} other {zu und von # Partnerkanälen}}.',
  'channel.relay-off': 'Nachrichten in #{channel} werden innerhalb von „{name}“ nicht mehr weitergeleitet.',
  'channel.relay-unreadable-discord':
    'Kopien aus den Partnerkanälen erscheinen hier, aber was Mitglieder hier schreiben, wird noch nicht weitergeleitet: Wer den Bot betreibt, muss im Discord Developer Portal den Message Content Intent einschalten und DISCORD_MESSAGE_CONTENT=on setzen.',
  'channel.relay-unreadable-slack':
    'Kopien aus den Partnerkanälen erscheinen hier, aber was Mitglieder hier schreiben, wird noch nicht weitergeleitet: Wer den Bot betreibt, muss die App mit den Berechtigungen {scopes} (und den Ereignissen message.channels und message.groups) neu installieren.',
  'channel.already-linked':
    'Dieser Kanal (#{channel}) ist bereits mit „{name}“ verknüpft, Beiträge erscheinen auf „{language}“. Eine andere Sprache: {change}',
  'channel.language-changed':
    'Beiträge von „{name}“ erscheinen in diesem Kanal (#{channel}) jetzt auf „{language}“ (bisher „{previous}“).',
  'channel.not-linked': 'Dieser Kanal (#{channel}) ist nicht mit „{name}“ verknüpft.',
  'channel.restored':
    'Dieser Kanal (#{channel}) erhält die Beiträge von „{name}“ wieder, auf „{language}“; während der Störung verworfene Beiträge werden nicht nachgeholt.',
  'channel.cannot-post':
    'Ich kann in #{channel} nicht posten: {reason}. Geben Sie mir diese Berechtigungen in diesem Kanal (oder führen Sie den Befehl in einem anderen Kanal aus) und versuchen Sie es erneut.',
  'channel.not-member':
    'Ich bin nicht Mitglied von #{channel} und kann dort nicht posten. Fügen Sie mich in diesem Kanal mit {fix} hinzu und versuchen Sie es erneut.',
  'channel.missing-permissions': 'es fehlen die Berechtigungen {permissions}',
  'permission.discord.view-channel': '„Kanal ansehen“',
  'permission.discord.send-messages': '„Nachrichten senden“',
  'permission.discord.send-messages-in-threads': '„Nachrichten in Threads senden“',
  'permission.discord.embed-links': '„Links einbetten“',
  'channel.broken': 'der Bot kann hier nicht posten: {reason}',

  'event.not-found':
    'In Ihren Partnerschaften gibt es keine Veranstaltung mit der Nummer {number}. Siehe „{eventList}“.',
  'event.not-host':
    'Veranstaltung #{number} „{title}“ wird von einer anderen Stadt ausgerichtet: Nur deren Koordinatoren können sie ändern.',
  'event.start-in-past': 'Der Beginn ({start}) liegt bereits in der Vergangenheit.',
  'event.end-before-start': 'Das Ende ({end}) muss nach dem Beginn ({start}) liegen.',
  'event.created':
    'Veranstaltung #{number} erstellt und in {channels, plural, one {# Kanal} other {# Kanälen}} angekündigt.',
  'event.too-many':
    'Die Partnerschaft #{number} hat bereits {max, plural, one {# anstehende Veranstaltung} other {# anstehende Veranstaltungen}}, mehr sind nicht erlaubt. Bitte sagen Sie eine ab oder warten Sie, bis eine stattgefunden hat.',
  'event.updated':
    'Veranstaltung #{number} aktualisiert; die Änderung wurde in {channels, plural, one {# Kanal} other {# Kanälen}} gepostet.',
  'event.cancelled': 'Veranstaltung #{number} ist abgesagt.',
  'event.cancelled-done':
    'Veranstaltung #{number} „{title}“ ist abgesagt; {channels, plural, one {# Kanal wurde} other {# Kanäle wurden}} informiert.',
  'event.limit-below-taken':
    'Bei Veranstaltung #{number} {taken, plural, one {ist schon # Platz} other {sind schon # Plätze}} vergeben, die Grenze kann also nicht unter {taken} liegen. Bitten Sie zuerst die Leute, ihre Antwort zu ändern.',
  'event.nothing-to-change':
    'Geben Sie an, was geändert werden soll: title, kind, start, end, location, capacity oder description.',
  'event.none': 'Keine anstehenden Veranstaltungen. Koordinatoren erstellen sie mit „{eventCreate}“.',
  'event.list-heading': 'Anstehende Veranstaltungen (Zeiten in {zone}):',
  'event.info-heading': 'Partnerschaft: {name}',

  'rsvp.going':
    'Sie sind bei „{title}“ dabei{guests, plural, =0 {} one {, mit # Gast} other {, mit # Gästen}}.',
  'rsvp.waitlisted':
    '„{title}“ ist ausgebucht: Sie sind Nummer {position} auf der Warteliste und rücken nach, sobald ein Platz frei wird.',
  'rsvp.maybe': 'Notiert: vielleicht bei „{title}“.',
  'rsvp.not-going': 'Notiert: Sie sind bei „{title}“ nicht dabei.',
  'rsvp.party-too-large':
    'Die Veranstaltung hat insgesamt {capacity, plural, one {# Platz} other {# Plätze}}, Gäste eingeschlossen: {guests, plural, =0 {Sie können keine Gäste mitbringen} one {Sie können höchstens # Gast mitbringen} other {Sie können höchstens # Gäste mitbringen}}.',
  'rsvp.does-not-fit':
    'Nicht genug Plätze für Sie und Ihre Gäste: Es {free, plural, one {passt nur noch # Gast} other {passen nur noch # Gäste}} dazu.',
  'rsvp.event-over': 'Veranstaltung #{number} ist vorbei.',

  'attendees.heading': 'Teilnahme an #{number} „{title}“:',
  'attendees.town-row':
    '  {town} ({country}): {going} dabei · {maybe} vielleicht · {waiting} auf der Warteliste',
  'attendees.by-country': 'Zusagen nach Land: {countries}',
  'attendees.totals': 'Zusagen insgesamt: {total}, davon {international} aus eingeladenen Städten.',

  'card.status': 'Status',
  'card.cancelled': 'Abgesagt',
  'card.host': 'Gastgeber',
  'card.kind': 'Art',
  'card.place': 'Ort',
  'card.host-time': 'Ortszeit beim Gastgeber',
  'card.places': 'Plätze',
  'card.places-unlimited': '{seats} dabei, unbegrenzt',
  'card.places-limited':
    '{seats} von {capacity} belegt{waiting, plural, =0 {} one {, # auf der Warteliste} other {, # auf der Warteliste}}',
  'card.going-per-town': 'Zusagen pro Stadt',
  'card.maybe': 'Vielleicht',
  'card.button-going': 'Ich komme',
  'card.button-maybe': 'Vielleicht',
  'card.button-no': 'Ich komme nicht',

  'post.exchange.created': 'Neue Veranstaltung von {host}:',
  'post.exchange.updated': 'Geänderte Veranstaltung von {host}:',
  'post.exchange.cancelled': 'Abgesagt von {host}: „{title}“. {reason}',

  'notice.delivery-failed':
    'Der Bot konnte in #{channel} („{partnership}“) auch nach {attempts, plural, one {# Versuch} other {# Versuchen}} nichts posten und hat aufgegeben: {reason}\nDer Beitrag begann: „{excerpt}“',
  'notice.channel-broken':
    'Der Bot kann nicht mehr in #{channel} („{partnership}“) posten: {reason}\nDie Kanalverknüpfung ist als defekt markiert und erhält keine Beiträge; {abandoned, plural, =0 {es wartete kein weiterer Beitrag} one {# wartender Beitrag wurde verworfen} other {# wartende Beiträge wurden verworfen}}. Sobald der Bot dort wieder posten darf, führen Sie in diesem Kanal „{channelLink}“ aus.',
  'notice.direct-failed':
    'Der Bot konnte {member} auch nach {attempts, plural, one {# Versuch} other {# Versuchen}} keine Direktnachricht senden: {reason}\nSie begann: „{excerpt}“',

  'announce.sent':
    'Ankündigung #{number} wird an {channels, plural, one {# Kanal} other {# Kanäle}} verschickt.',
  'announce.no-channels':
    'Partnerschaft #{number} hat keine verknüpften Kanäle zum Posten: Führen Sie zuerst „{channelLink}“ aus.',
  'announce.at-or-cron': 'Geben Sie entweder at: (einmalig) oder cron: (wiederholt) an.',
  'announce.bad-cron-fields':
    '„{cron}“ hat {count, plural, one {# Feld} other {# Felder}}; ein Cron-Ausdruck hat fünf (Minute, Stunde, Tag, Monat, Wochentag), z. B. „0 9 * * 1“.',
  'announce.bad-cron-field':
    'In „{cron}“ ist {field, select, minute {die Minute} hour {die Stunde} day {der Tag im Monat} month {der Monat} other {der Wochentag}} „{value}“ ungültig: erlaubt sind eine Zahl von {min} bis {max}, eine Liste (1,15), ein Bereich (1-5), ein Schritt (*/15) oder *.',
  'announce.cron-never': '„{cron}“ tritt nie ein.',
  'announce.too-often':
    '„{cron}“ wiederholt sich zu oft: Zwei seiner Termine liegen nur {gap, plural, one {# Minute} other {# Minuten}} auseinander. Eine wiederkehrende Ankündigung darf höchstens alle {minimum, plural, one {# Minute} other {# Minuten}} erscheinen.',
  'announce.too-many-scheduled':
    'Die Partnerschaft #{number} hat bereits {max, plural, one {# geplante Ankündigung} other {# geplante Ankündigungen}}, mehr sind nicht erlaubt. Bitte sagen Sie eine ab ({announceCancel}), bevor Sie eine weitere planen.',
  'announce.daily-limit':
    'Die Partnerschaft #{number} hat in den letzten 24 Stunden bereits {max, plural, one {# einmalige Ankündigung} other {# einmalige Ankündigungen}} gesendet, mehr sind nicht erlaubt. Bitte versuchen Sie es später erneut.',
  'announce.scheduled': 'Ankündigung #{number} für „{name}“ ist geplant; nächster Termin: {next}.',
  'announce.recurring': 'wiederholt nach „{cron}“ ({zone})',
  'announce.next': ', nächster Termin {next}',
  'announce.none': 'Keine geplanten Ankündigungen.',
  'announce.line': '#{number} {when}{next} · „{preview}“',
  'announce.not-found': 'In Ihren Partnerschaften gibt es keine Ankündigung mit der Nummer {number}.',
  'announce.not-scheduled': 'Ankündigung #{number} ist nicht mehr geplant.',
  'announce.cancelled': 'Ankündigung #{number} ist gestrichen.',

  // Scheduler: reminders, waitlist moves, weekly digest (src/core/jobs).
  'reminder.offset':
    '{unit, select, days {{count, plural, one {# Tag} other {# Tage}}} hours {{count, plural, one {# Stunde} other {# Stunden}}} other {{count, plural, one {# Minute} other {# Minuten}}}}',
  'post.reminder':
    'Erinnerung: „{title}“ (Gastgeber: {host}) beginnt in {unit, select, days {{count, plural, one {# Tag} other {# Tagen}}} hours {{count, plural, one {# Stunde} other {# Stunden}}} other {{count, plural, one {# Minute} other {# Minuten}}}}.',
  'direct.reminder':
    '{answer, select, going {Sie haben für „{title}“ zugesagt} other {Sie haben für „{title}“ mit „vielleicht“ geantwortet}}: Beginn in {unit, select, days {{count, plural, one {# Tag} other {# Tagen}}} hours {{count, plural, one {# Stunde} other {# Stunden}}} other {{count, plural, one {# Minute} other {# Minuten}}}}.',
  'direct.waitlist-promoted':
    'Ein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt und bei „{title}“ dabei.',
  'digest.heading': 'Demnächst in „{name}“, die nächsten vier Wochen (Zeiten in {zone}):',
  'digest.line': '#{number} {when} · {title} · {host} · {seats, plural, one {# Zusage} other {# Zusagen}}',
  'digest.more':
    '…und {count, plural, one {# weitere Veranstaltung} other {# weitere Veranstaltungen}}: siehe „{eventList}“.',
  'reminders.show':
    'Erinnerungen für „{name}“ gehen {offsets} vor jeder Veranstaltung an die verknüpften Kanäle und per Direktnachricht an alle, die zu- oder vielleicht zugesagt haben.',
  'reminders.show-off': 'Erinnerungen für „{name}“ sind ausgeschaltet.',
  'reminders.replanned':
    '{events, plural, =0 {Keine anstehende Veranstaltung ist betroffen.} one {Die Erinnerungen für # anstehende Veranstaltung sind neu geplant.} other {Die Erinnerungen für # anstehende Veranstaltungen sind neu geplant.}}',
  'reminders.replanning':
    'Die Erinnerungen für die {planned, plural, one {nächste Veranstaltung} other {nächsten # Veranstaltungen}} von {events} anstehenden sind neu geplant; die übrigen folgen innerhalb einer Minute.',
  'reminders.bad-offset':
    '„{offset}“ ist keine Erinnerungszeit. Schreiben Sie eine Zahl mit d (Tage), h (Stunden) oder m (Minuten), z. B. 7d,1d,1h, oder „off“.',
  'reminders.out-of-range':
    '„{offset}“ liegt außerhalb des Bereichs: Erinnerungen gehen zwischen 5 Minuten und 8 Wochen vor einer Veranstaltung hinaus.',
  'reminders.too-many': 'Höchstens {max} Erinnerungszeiten pro Partnerschaft.',
  'digest.show-on':
    'Der Wochenüberblick von „{name}“ erscheint jeden {day} um {hour} ({zone}) in allen verknüpften Kanälen; nächster am {next}. Wochen ohne anstehende Veranstaltungen werden übersprungen.',
  'digest.show-off':
    'Der Wochenüberblick von „{name}“ ist ausgeschaltet. Einschalten mit: {partnerDigest} partnership:{number} day:monday hour:9',

  'profile.nothing-to-set': 'Geben Sie an, was gesetzt werden soll: languages:… oder interests:…',
  'profile.saved': 'Ihr Profil ist gespeichert.',
  'profile.show': '{name} · {town} · {role}\nSprachen: {languages}\nInteressen: {interests}',

  'help.heading':
    'Befehle (Optionen als name:value schreiben, Werte mit Leerzeichen in Anführungszeichen {quotes} setzen):',
  'help.heading-slash': 'Befehle (geben Sie / und den Befehl ein; nach den Optionen fragt Discord selbst):',
  'help.footer': 'Mehr zu einem Befehl: {example}',
  'help.required': ' (Pflicht)',
  'help.coordinators-only': 'Nur für Koordinatoren.',
  'help.examples': 'Beispiele:',
  'help.unknown-command':
    'Einen Befehl „{command}“ gibt es nicht. Geben Sie „{help}“ ein, um die Liste zu sehen.',

  'privacy.export.heading': 'Alles, was Twinbridge in dieser Community über Sie speichert:',
  'privacy.export.profile': 'Profil: {name} · {town} · {role}',
  'privacy.export.languages': '  Sprachen: {languages}',
  'privacy.export.platform-language': '  Sprache Ihrer Plattform, wie zuletzt übermittelt: {language}',
  'privacy.export.interests': '  Interessen: {interests}',
  'privacy.export.account':
    '  Konto: {platform, select, DISCORD {Discord} SLACK {Slack} other {Konsole}}-Benutzer {user} in „{community}“ ({communityId})',
  'privacy.export.answers': 'Ihre Antworten auf Veranstaltungen ({count}):',
  'privacy.export.answer':
    '  #{number} {title} · {when} · {status, select, GOING {dabei} MAYBE {vielleicht} WAITLISTED {auf der Warteliste} other {nicht dabei}}{guests, plural, =0 {} one { mit # Gast} other { mit # Gästen}} · gezählt für {town}',
  'privacy.export.waiting': 'Nachrichten, die noch an Sie gesendet werden ({count}):',
  'privacy.export.waiting-line': '  {kind} · fällig {when}',
  'privacy.export.audit': 'Einträge im Audit-Protokoll von Ihnen oder über Sie ({count}):',
  'privacy.export.audit-line':
    '  {when} · {action} · {target} {id} · {role, select, actor {von Ihnen} other {über Sie}}',
  'privacy.export.none': '  keine',
  'privacy.export.footer': '„{profileForget}“ löscht diese Daten.',
  'privacy.forget-preview':
    'Damit werden Ihr Profil in dieser Community (Name, Konto-ID, Sprachen, Interessen) gelöscht und {messages, plural, one {# wartende Nachricht} other {# wartende Nachrichten}} an Sie zurückgezogen. {answers, plural, one {Ihre # Antwort bleibt} other {Ihre # Antworten bleiben}} ohne Ihren Namen in den Zahlen der Veranstaltungen; ein Platz auf der Warteliste wird aufgegeben. Das lässt sich nicht rückgängig machen. Um fortzufahren: {profileForget} confirm:yes',
  'privacy.forget-last-coordinator':
    'Sie sind der einzige Koordinator von {town}: Benennen Sie zuerst einen weiteren ({townCoordinatorAdd} user:…) und führen Sie dann {profileForget} erneut aus.',
  'privacy.forgotten':
    'Ihre Daten in dieser Community sind gelöscht. {answers, plural, one {# Antwort bleibt} other {# Antworten bleiben}} ohne Ihren Namen in den Zahlen der Veranstaltungen; {messages, plural, one {# wartende Nachricht wurde} other {# wartende Nachrichten wurden}} zurückgezogen. Wenn Sie den Bot hier wieder nutzen, beginnen Sie als neues Mitglied.',
  'relay.translation-from':
    '🌐 Maschinelle Übersetzung {source, select, de {aus dem Deutschen} cs {aus dem Tschechischen} en {aus dem Englischen} pl {aus dem Polnischen} sk {aus dem Slowakischen} fr {aus dem Französischen} it {aus dem Italienischen} es {aus dem Spanischen} hu {aus dem Ungarischen} uk {aus dem Ukrainischen} nl {aus dem Niederländischen} other {(Originalsprache: {sourceName})}}:',
  'relay.translation-unknown-source': '🌐 Maschinelle Übersetzung:',
  'relay.file-too-large': 'Datei zu groß zum Kopieren: {name} ({size})',
  'relay.file-unavailable': 'Datei konnte nicht kopiert werden: {name}',
};
