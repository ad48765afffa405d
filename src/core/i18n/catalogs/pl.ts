import type { Catalog } from '../translator.ts';

/**
 * Polish messages. ICU MessageFormat syntax; Polish plurals use one/few/many/other
 * (few: 2–4, 22–24…; many: 0, 5–21…; other: fractions). Quotes „…“, never a straight apostrophe.
 */
export const pl: Catalog = {
  'command.empty': 'Wpisz polecenie albo „{help}“, aby zobaczyć wszystkie.',
  'command.unknown': 'Nie znam polecenia „{words}“. Czy chodziło o: {suggestions}?',
  'command.unclosed-quote': 'Wartości w cudzysłowie brakuje cudzysłowu zamykającego.',
  'command.duplicate-option': 'Opcja „{option}“ została podana dwa razy.',
  'command.unexpected-word': '„{word}“ nie jest opcją. Opcje zapisuje się jako name:value.',
  'command.usage': 'Użycie: {usage}',
  'usage.text': '<tekst>',
  'usage.number': '<liczba>',
  'usage.list': '<element,…>',
  'usage.user': '<@użytkownik>',

  'validation.missing-option': 'Opcja „{option}“ jest wymagana.',
  'validation.unknown-option': 'Nie ma tu opcji „{option}“. Dostępne opcje: {known}.',
  'validation.unknown-option-suggested':
    'Nie ma tu opcji „{option}“. Czy chodziło o „{suggestion}“? Dostępne opcje: {known}.',
  'validation.too-long':
    'Wartość „{option}“ jest za długa: może mieć najwyżej {max, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}}.',
  'validation.too-large': 'Wartość „{option}“ może wynosić najwyżej {max}.',
  'validation.too-small': 'Wartość „{option}“ musi wynosić co najmniej {min}.',
  'validation.too-many-items':
    'Opcja „{option}“ przyjmuje najwyżej {max, plural, one {# element} few {# elementy} many {# elementów} other {# elementu}}.',
  'validation.item-too-long':
    'Element opcji „{option}“ jest za długi: każdy może mieć najwyżej {max, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}}.',
  'validation.empty': 'Opcja „{option}“ nie może być pusta.',
  'validation.not-a-choice': 'Opcja „{option}“ musi mieć jedną z wartości: {choices}.',
  'validation.not-a-whole-number': 'Opcja „{option}“ musi być liczbą całkowitą.',
  'validation.not-yes-no': 'Opcja „{option}“ musi mieć wartość tak albo nie.',
  'validation.invalid': 'Nie potrafię odczytać wartości opcji „{option}“.',
  'validation.line-break': 'Wartość „{option}“ musi mieścić się w jednym wierszu: usuń podział wiersza.',
  'validation.control-character':
    'Wartość „{option}“ zawiera niewidoczny znak sterujący ({character}), którego nie da się zapisać ani opublikować: usuń go.',
  'validation.unknown-language':
    '„{language}“ nie jest znanym mi kodem języka. Użyj kodów takich jak cs, de, en, pl.',

  'time.unparseable':
    'Nie potrafię odczytać „{input}“ jako czasu dla „{option}“. Spróbuj 2026-06-05 18:00, „jutro 18:00“ albo „w przyszły piątek 9:30“.',
  'time.nonexistent':
    'Godzina {local} nie istnieje w strefie {zone}: zegary przestawia się wtedy do przodu. Wybierz inną godzinę.',
  'time.ambiguous':
    'Godzina {local} występuje w strefie {zone} dwa razy: zegary cofa się wtedy. Dodaj przesunięcie (np. {local}+02:00) albo wybierz inną godzinę.',
  'time.unknown-zone':
    '„{zone}“ nie jest znaną mi strefą czasową. Użyj nazw takich jak Europe/Warsaw albo America/Chicago.',
  'time.in-past': '{time} już minęło.',

  'error.unexpected':
    'Coś poszło nie tak po mojej stronie (nr ref. {ref}). Nic nie zostało zmienione; koordynatorzy mogą podać ten numer.',
  'mention.unknown-user': '@nieznany użytkownik',
  'mention.unknown-role': '@nieznana rola',
  'mention.unknown-channel': '#nieznany kanał',
  'error.unexpected-input':
    'Nic z tego, co wpisano, nie zostało zapisane. Oto treść, aby spróbować później: {input}',
  'error.database-unavailable':
    'Baza danych jest teraz niedostępna, więc nic nie zostało zrobione. Spróbuj ponownie za chwilę.',
  'error.conflict': 'Ktoś inny zmienił to w tej samej chwili. Nic nie zostało zmienione; spróbuj ponownie.',
  'error.gone':
    'To, czego potrzebowało polecenie, zostało przed chwilą usunięte przez kogoś innego. Nic nie zostało zmienione; sprawdź i spróbuj ponownie.',
  'permission.coordinator-only': 'Polecenia „{command}“ może użyć tylko koordynator Twojego miasta.',
  'permission.community-admin-discord':
    '„{command}“ wymaga uprawnienia „Zarządzanie serwerem“ (albo „Administrator“) na tym serwerze Discord. Poproś administratora serwera.',
  'permission.community-admin-slack':
    '„{command}“ wymaga administratora lub właściciela tej przestrzeni roboczej Slack albo osoby, która zainstalowała tu Twinbridge. Poproś jedną z tych osób.',
  'permission.community-admin-console': '„{command}“ wymaga administratora tej społeczności.',
  'access.community-not-allowed':
    'Twinbridge nie jest włączony dla tego serwera ani tej przestrzeni roboczej. Poproś operatora bota o włączenie.',

  'kind.delegation-visit': 'Wizyta delegacji',
  'kind.citizens-meeting': 'Spotkanie mieszkańców',
  'kind.youth-exchange': 'Wymiana młodzieży',
  'kind.school-exchange': 'Wymiana szkolna',
  'kind.study-visit': 'Wizyta studyjna',
  'kind.cultural-event': 'Wydarzenie kulturalne',
  'kind.sports-event': 'Wydarzenie sportowe',
  'kind.online-meeting': 'Spotkanie online',
  'kind.business-forum': 'Forum gospodarcze',

  'form.formal': 'Umowa formalna',
  'form.joint-project': 'Wspólny projekt',
  'form.informal': 'Nieformalne',

  'status.proposed': 'Zaproponowane',
  'status.active': 'Aktywne',
  'status.dormant': 'Uśpione',
  'status.ended': 'Zakończone',

  'area.urban-development': 'rozwój miast',
  'area.social-affairs': 'sprawy społeczne',
  'area.education': 'edukacja',
  'area.environment': 'środowisko',
  'area.tourism': 'turystyka',
  'area.local-government': 'samorząd lokalny',
  'area.economy': 'gospodarka',
  'area.culture': 'kultura',
  'area.sport': 'sport',
  'area.youth': 'młodzież',

  'role.coordinator': 'koordynator',
  'role.member': 'członek',

  'town.not-registered':
    'Ta społeczność nie ma jeszcze miasta. Administrator serwera lub przestrzeni roboczej zaczyna od: {townRegister} name:… country:… timezone:… language:…',
  'town.already-registered': 'Ta społeczność prowadzi już miasto {town}.',
  'town.unknown-country':
    '„{country}“ nie jest kodem kraju według ISO 3166-1. Użyj dwóch liter, np. CZ, DE, AT, PL.',
  'town.registered':
    'Witamy, {town} ({country})! Czas jest odczytywany w strefie {zone}, posty są w języku „{language}“. {user} jest pierwszym koordynatorem miasta.',
  'town.info': '{town} ({country}) · strefa czasowa {zone} · język {language}\nKoordynatorzy: {coordinators}',
  'town.info-partnerships': 'Partnerstwa:',
  'town.info-no-partnerships': 'Brak partnerstw: zacznij od „{partnerInvite}“.',

  'coordinator.added': '{user} jest teraz koordynatorem miasta {town}.',
  'coordinator.removed': '{user} nie jest już koordynatorem miasta {town}.',
  'coordinator.already': '{user} jest już koordynatorem.',
  'coordinator.not-coordinator': '{user} nie jest koordynatorem Twojego miasta.',
  'coordinator.last': '{user} jest ostatnim koordynatorem: najpierw mianuj koordynatorem kogoś innego.',

  'partner.not-found': 'Twoje miasto nie ma partnerstwa nr {number}. Zobacz „{partnerList}“.',
  'partner.summary': '#{number} {name}: {towns} · {form} · {status}',
  'partner.invite-needs-name':
    'Nadaj nowemu partnerstwu nazwę (name:…) albo zaproś do istniejącego za pomocą partnership:… (numer partnerstwa).',
  'partner.invite-name-or-number':
    'Podaj albo name: dla nowego partnerstwa, albo partnership: dla istniejącego, nie oba naraz.',
  'partner.invite-created':
    'Partnerstwo #{number} „{name}“. Kod zaproszenia: {code}\nPrzekaż go koordynatorowi miasta partnerskiego; uruchomi on „{partnerJoin} code:{code}“ w kanale, który chce udostępnić. Kod działa raz, do {expires}.',
  'partner.ended': 'Partnerstwo #{number} zostało zakończone.',
  'partner.not-active':
    'Partnerstwo #{number} ma status „{status}“: najpierw aktywuj je ponownie poleceniem „{partnerEdit}“.',
  'partner.unknown-area': 'Nieznane obszary: {areas}. Znane obszary: {known}.',
  'partner.already-member': 'Twoje miasto należy już do partnerstwa #{number} „{name}“.',
  'partner.joined':
    'Dołączono do partnerstwa #{number} „{name}“ ({towns}). Ten kanał (#{channel}) otrzymuje teraz jego posty w języku „{language}“.',
  'partner.joined-post': '{town} ({country}) dołącza do partnerstwa „{name}“. Witamy!',
  'partner.left':
    'Twoje miasto opuściło „{name}“; {unlinked, plural, one {# kanał został odłączony} few {# kanały zostały odłączone} many {# kanałów zostało odłączonych} other {# kanału zostało odłączone}}.',
  'partner.left-post': '{town} opuszcza partnerstwo „{name}“.',
  'partner.none': 'Twoje miasto nie ma jeszcze partnerstw. Zacznij od „{partnerInvite} name:…“.',
  'partner.areas': 'Obszary: {areas}',
  'partner.agreement': 'Umowa: {date} · {url}',
  'partner.channels': 'Połączone kanały:',
  'partner.no-channels': 'Brak połączonych kanałów: uruchom „{channelLink}“ w kanale.',
  'partner.bad-date': '„{date}“ nie jest datą. Zapisz ją jako RRRR-MM-DD.',
  'partner.bad-url': '„{url}“ nie jest linkiem internetowym (http lub https).',
  'partner.nothing-to-change':
    'Podaj, co zmienić: name, status, form, areas, agreement-date albo agreement-url.',
  'partner.updated': 'Partnerstwo zaktualizowane.',
  'partner.not-owner':
    'Wspólne ustawienia partnerstwa #{number} „{name}“ może zmieniać tylko {owner}, miasto, do którego należą. Zwróć się do jego koordynatorów albo poproś ich o przekazanie ustawień Twojemu miastu („{partnerHandover}“).',
  'partner.changed-post': '{person} ({town}) zmienia partnerstwo „{name}“:',
  'partner.change-line': '{setting}: {from} → {to}',
  'partner.setting.name': 'nazwa',
  'partner.setting.status': 'status',
  'partner.setting.form': 'forma',
  'partner.setting.areas': 'obszary',
  'partner.setting.agreement-date': 'data umowy',
  'partner.setting.agreement-url': 'link do umowy',
  'partner.setting.reminders': 'przypomnienia',
  'partner.setting.digest': 'tygodniowe podsumowanie',
  'partner.setting.owner': 'miasto, do którego należą wspólne ustawienia',
  'partner.value-off': 'wyłączone',
  'partner.invite-post':
    '{person} ({town}) tworzy zaproszenie do partnerstwa „{name}“ dla kolejnego miasta, ważne do {expires}. Miasto, które dołączy, widzi wszystkie wydarzenia i połączone kanały.',
  'partner.handover-unknown-town':
    '„{town}“ nie jest innym miastem partnerstwa „{name}“. Pozostałe miasta: {towns}.',
  'partner.handed-over': 'Wspólne ustawienia „{name}“ należą teraz do miasta {town}.',
  'partner.left-effects':
    'Odwołane zaplanowane ogłoszenia: {announcements}, unieważnione niewykorzystane zaproszenia: {invites}, nadchodzące wydarzenia przekazane miastu {town}: {exchanges}.',
  'partner.left-exchanges-post': 'Jego nadchodzące wydarzenia organizuje teraz {town}: {exchanges}.',
  'partner.left-owner-post': 'Wspólne ustawienia partnerstwa należą teraz do miasta {town}.',
  'invite.throttled':
    'Zbyt wiele nieprawidłowych kodów zaproszenia: spróbuj ponownie za {minutes} min i sprawdź kod u koordynatora, który go przysłał.',
  'invite.list': 'Otwarte zaproszenia „{name}“:',
  'invite.line': '– {invite}: utworzone {created} przez {person} ({town}), ważne do {expires}',
  'invite.none': '„{name}“ nie ma otwartych zaproszeń.',
  'invite.not-found':
    'Partnerstwo #{number} nie ma otwartego zaproszenia „{invite}“. Zobacz „{partnerInvites}“.',
  'invite.revoke-not-allowed':
    'Zaproszenie {invite} utworzyło inne miasto: unieważnić je może tylko ono albo {owner}, miasto, do którego należą wspólne ustawienia.',
  'invite.revoked': 'Zaproszenie {invite} do „{name}“ zostało unieważnione: jego kod już nie działa.',
  'announce.not-own':
    'Ogłoszenie #{number} zaplanowało miasto {town}: odwołać je może tylko ono albo {owner}, miasto, do którego należą wspólne ustawienia partnerstwa.',

  'invite.invalid': 'Ten kod zaproszenia jest nieprawidłowy. Sprawdź go u koordynatora, który go przysłał.',
  'invite.used': 'Ten kod zaproszenia został już użyty. Poproś o nowy.',
  'invite.expired': 'Ten kod zaproszenia wygasł {expired}. Poproś o nowy.',
  'invite.own-town': 'Ten kod zaprasza miasto partnerskie; Twoje miasto już należy do partnerstwa.',

  'channel.linked':
    'Ten kanał (#{channel}) jest teraz połączony z „{name}“; posty są tu w języku „{language}“.',
  'channel.unlinked': 'Ten kanał (#{channel}) nie otrzymuje już postów „{name}“.',
  'channel.relay-on':
    'Wiadomości z #{channel} są teraz przekazywane w ramach „{name}“: {others, plural, =0 {żaden kanał partnerski jeszcze nie przekazuje; zacznie się, gdy któryś to włączy} one {do # kanału partnerskiego i z niego} few {do # kanałów partnerskich i z nich} many {do # kanałów partnerskich i z nich} other {do # kanału partnerskiego i z niego}}.',
  'channel.relay-off': 'Wiadomości z #{channel} nie są już przekazywane w ramach „{name}“.',
  'channel.relay-unreadable-discord':
    'Kopie z kanałów partnerskich będą się tu pojawiać, ale to, co piszą tu członkowie, nie jest jeszcze przekazywane: operator bota musi włączyć Message Content intent w Discord Developer Portal i ustawić DISCORD_MESSAGE_CONTENT=on.',
  'channel.relay-unreadable-slack':
    'Kopie z kanałów partnerskich będą się tu pojawiać, ale to, co piszą tu członkowie, nie jest jeszcze przekazywane: operator bota musi ponownie zainstalować aplikację z uprawnieniami {scopes} (oraz zdarzeniami message.channels i message.groups).',
  'channel.already-linked':
    'Ten kanał (#{channel}) jest już połączony z „{name}“, posty są tu w języku „{language}“. Inny język: {change}',
  'channel.language-changed':
    'Posty „{name}“ w tym kanale (#{channel}) są teraz w języku „{language}“ (wcześniej: „{previous}“).',
  'channel.not-linked': 'Ten kanał (#{channel}) nie jest połączony z „{name}“.',
  'channel.restored':
    'Ten kanał (#{channel}) znowu otrzymuje posty „{name}“, w języku „{language}“; posty odrzucone w czasie awarii nie zostaną wysłane ponownie.',
  'channel.cannot-post':
    'Nie mogę pisać w #{channel}: {reason}. Nadaj mi te uprawnienia w tym kanale (albo uruchom polecenie w innym kanale) i spróbuj ponownie.',
  'channel.not-member':
    'Nie jestem członkiem #{channel}, więc nie mogłem tam pisać. Dodaj mnie w tym kanale poleceniem {fix} i spróbuj ponownie.',
  'channel.missing-permissions': 'brakuje uprawnień {permissions}',
  'permission.discord.view-channel': '„Wyświetlanie kanałów“',
  'permission.discord.send-messages': '„Wysyłanie wiadomości“',
  'permission.discord.send-messages-in-threads': '„Wysyłanie wiadomości w wątkach“',
  'permission.discord.embed-links': '„Osadzanie linków“',
  'channel.broken': 'bot nie może tu pisać: {reason}',

  'event.not-found': 'W Twoich partnerstwach nie ma wydarzenia nr {number}. Zobacz „{eventList}“.',
  'event.not-host':
    'Wydarzenie #{number} „{title}“ organizuje inne miasto: zmieniać je mogą tylko jego koordynatorzy.',
  'event.start-in-past': 'Początek ({start}) już minął.',
  'event.end-before-start': 'Koniec ({end}) musi być po początku ({start}).',
  'event.created':
    'Wydarzenie #{number} utworzone i ogłoszone w {channels, plural, one {# kanale} few {# kanałach} many {# kanałach} other {# kanału}}.',
  'event.too-many':
    'Partnerstwo #{number} ma już {max, plural, one {# nadchodzące wydarzenie} few {# nadchodzące wydarzenia} many {# nadchodzących wydarzeń} other {# nadchodzącego wydarzenia}}, więcej nie wolno. Odwołaj jedno albo poczekaj, aż któreś się odbędzie.',
  'event.updated':
    'Wydarzenie #{number} zaktualizowane; zmianę opublikowano w {channels, plural, one {# kanale} few {# kanałach} many {# kanałach} other {# kanału}}.',
  'event.cancelled': 'Wydarzenie #{number} jest odwołane.',
  'event.cancelled-done':
    'Wydarzenie #{number} „{title}“ jest odwołane; {channels, plural, one {# kanał został powiadomiony} few {# kanały zostały powiadomione} many {# kanałów zostało powiadomionych} other {# kanału zostało powiadomione}}.',
  'event.limit-below-taken':
    'Na wydarzeniu #{number} {taken, plural, one {zajęte jest już # miejsce} few {zajęte są już # miejsca} many {zajętych jest już # miejsc} other {zajęte jest już # miejsca}}, więc limit nie może być niższy niż {taken}. Najpierw poproś uczestników o zmianę odpowiedzi.',
  'event.nothing-to-change':
    'Podaj, co zmienić: title, kind, start, end, location, capacity albo description.',
  'event.none': 'Brak nadchodzących wydarzeń. Koordynatorzy tworzą je poleceniem „{eventCreate}“.',
  'event.list-heading': 'Nadchodzące wydarzenia (czas w strefie {zone}):',
  'event.info-heading': 'Partnerstwo: {name}',

  'rsvp.going':
    'Bierzesz udział w „{title}“{guests, plural, =0 {} one { z # gościem} few { z # gośćmi} many { z # gośćmi} other { z # gościa}}.',
  'rsvp.waitlisted':
    '„{title}“ nie ma już miejsc: jesteś na liście oczekujących z numerem {position} i przesuniesz się, gdy zwolni się miejsce.',
  'rsvp.maybe': 'Zapisano: może na „{title}“.',
  'rsvp.not-going': 'Zapisano: nie bierzesz udziału w „{title}“.',
  'rsvp.party-too-large':
    'To wydarzenie ma łącznie {capacity, plural, one {# miejsce} few {# miejsca} many {# miejsc} other {# miejsca}}, łącznie z gośćmi: {guests, plural, =0 {nie możesz zabrać gości} one {możesz zabrać najwyżej # gościa} few {możesz zabrać najwyżej # gości} many {możesz zabrać najwyżej # gości} other {możesz zabrać najwyżej # gościa}}.',
  'rsvp.does-not-fit':
    'Za mało miejsc dla Ciebie i Twoich gości: {free, plural, one {zmieści się jeszcze tylko # gość} few {zmieszczą się jeszcze tylko # gości} many {zmieści się jeszcze tylko # gości} other {zmieści się jeszcze tylko # gościa}}.',
  'rsvp.event-over': 'Wydarzenie #{number} już się odbyło.',

  'attendees.heading': 'Obecność na #{number} „{title}“:',
  'attendees.town-row': '  {town} ({country}): {going} będzie · {maybe} może · {waiting} czeka',
  'attendees.by-country': 'Uczestnicy według krajów: {countries}',
  'attendees.totals': 'Łącznie uczestników: {total}, w tym {international} z zaproszonych miast.',

  'card.status': 'Status',
  'card.cancelled': 'Odwołane',
  'card.host': 'Gospodarz',
  'card.kind': 'Rodzaj',
  'card.place': 'Miejsce',
  'card.host-time': 'Czas lokalny u gospodarza',
  'card.places': 'Miejsca',
  'card.places-unlimited': 'Uczestnicy: {seats}, bez limitu',
  'card.places-limited':
    'Zajęte {seats} z {capacity}{waiting, plural, =0 {} one {, # czeka} few {, # czekają} many {, # czeka} other {, # czeka}}',
  'card.going-per-town': 'Uczestnicy według miast',
  'card.maybe': 'Może',
  'card.button-going': 'Będę',
  'card.button-maybe': 'Może',
  'card.button-no': 'Nie będę',

  'post.exchange.created': 'Nowe wydarzenie, organizuje {host}:',
  'post.exchange.updated': 'Zmiana wydarzenia, organizuje {host}:',
  'post.exchange.cancelled': 'Odwołane przez {host}: „{title}“. {reason}',

  'notice.delivery-failed':
    'Nie udało mi się opublikować w #{channel} dla „{partnership}“ po {attempts, plural, one {# próbie} few {# próbach} many {# próbach} other {# próby}} i zrezygnowałem: {reason}\nPost zaczynał się od: „{excerpt}“',
  'notice.channel-broken':
    'Nie mogę już pisać w #{channel} dla „{partnership}“: {reason}\nPołączenie kanału jest oznaczone jako zepsute i nie otrzymuje postów; {abandoned, plural, =0 {żaden inny post nie czekał} one {# oczekujący post został odrzucony} few {# oczekujące posty zostały odrzucone} many {# oczekujących postów zostało odrzuconych} other {# oczekującego posta zostało odrzucone}}. Gdy bot znowu będzie mógł tam pisać, uruchom w tym kanale „{channelLink}“.',
  'notice.direct-failed':
    'Nie udało mi się wysłać wiadomości prywatnej do {member} po {attempts, plural, one {# próbie} few {# próbach} many {# próbach} other {# próby}}: {reason}\nWiadomość zaczynała się od: „{excerpt}“',

  'announce.sent':
    'Ogłoszenie #{number} jest wysyłane do {channels, plural, one {# kanału} few {# kanałów} many {# kanałów} other {# kanału}}.',
  'announce.no-channels':
    'Partnerstwo #{number} nie ma połączonych kanałów do publikacji: najpierw uruchom „{channelLink}“.',
  'announce.at-or-cron': 'Podaj albo at: (jednorazowo), albo cron: (cyklicznie).',
  'announce.bad-cron-fields':
    '„{cron}“ ma {count, plural, one {# pole} few {# pola} many {# pól} other {# pola}}; wyrażenie cron ma ich pięć (minuta, godzina, dzień, miesiąc, dzień tygodnia), np. „0 9 * * 1“.',
  'announce.bad-cron-field':
    'W „{cron}“ pole {field, select, minute {minuty} hour {godziny} day {dnia miesiąca} month {miesiąca} other {dnia tygodnia}} ma nieprawidłową wartość „{value}“: użyj liczby od {min} do {max}, listy (1,15), zakresu (1-5), kroku (*/15) albo *.',
  'announce.cron-never': '„{cron}“ nigdy nie nastąpi.',
  'announce.too-often':
    '„{cron}“ powtarza się za często: dwa jego terminy dzieli tylko {gap, plural, one {# minuta} few {# minuty} many {# minut} other {# minuty}}. Cykliczne ogłoszenie może wychodzić najwyżej raz na {minimum, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}.',
  'announce.too-many-scheduled':
    'Partnerstwo #{number} ma już {max, plural, one {# zaplanowane ogłoszenie} few {# zaplanowane ogłoszenia} many {# zaplanowanych ogłoszeń} other {# zaplanowanego ogłoszenia}}, więcej nie wolno. Odwołaj jedno ({announceCancel}), zanim zaplanujesz kolejne.',
  'announce.daily-limit':
    'Partnerstwo #{number} wysłało już w ciągu ostatnich 24 godzin {max, plural, one {# jednorazowe ogłoszenie} few {# jednorazowe ogłoszenia} many {# jednorazowych ogłoszeń} other {# jednorazowego ogłoszenia}}, więcej nie wolno. Spróbuj ponownie później.',
  'announce.scheduled': 'Ogłoszenie #{number} dla „{name}“ jest zaplanowane; najbliższy termin: {next}.',
  'announce.recurring': 'powtarza się według „{cron}“ ({zone})',
  'announce.next': ', następnie {next}',
  'announce.none': 'Brak zaplanowanych ogłoszeń.',
  'announce.line': '#{number} {when}{next} · „{preview}“',
  'announce.not-found': 'W Twoich partnerstwach nie ma ogłoszenia nr {number}.',
  'announce.not-scheduled': 'Ogłoszenie #{number} nie jest już zaplanowane.',
  'announce.cancelled': 'Ogłoszenie #{number} jest odwołane.',

  // Scheduler: reminders, waitlist moves, weekly digest (src/core/jobs).
  'reminder.offset':
    '{unit, select, days {{count, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}} hours {{count, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}}} other {{count, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}}}',
  'post.reminder':
    'Przypomnienie: „{title}“, organizuje {host}, zaczyna się za {unit, select, days {{count, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}} hours {{count, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}}} other {{count, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}}}.',
  'direct.reminder':
    '{answer, select, going {Bierzesz udział w „{title}“} other {Odpowiedziano „może“ na „{title}“}}: zaczyna się za {unit, select, days {{count, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}} hours {{count, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}}} other {{count, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}}}.',
  'direct.waitlist-promoted':
    'Zwolniło się miejsce: z listy oczekujących przechodzisz do uczestników „{title}“.',
  'digest.heading': 'W „{name}“ w ciągu najbliższych czterech tygodni (czas w strefie {zone}):',
  'digest.line':
    '#{number} {when} · {title} · {host} · {seats, plural, one {# uczestnik} few {# uczestników} many {# uczestników} other {# uczestnika}}',
  'digest.more':
    '…i {count, plural, one {# kolejne wydarzenie} few {# kolejne wydarzenia} many {# kolejnych wydarzeń} other {# kolejnego wydarzenia}}: zobacz „{eventList}“.',
  'reminders.show':
    'Przypomnienia dla „{name}“ wychodzą {offsets} przed każdym wydarzeniem do połączonych kanałów i wiadomością prywatną do wszystkich, którzy odpowiedzieli „będę“ lub „może“.',
  'reminders.show-off': 'Przypomnienia dla „{name}“ są wyłączone.',
  'reminders.replanned':
    '{events, plural, =0 {Nie dotyczy to żadnego nadchodzącego wydarzenia.} one {Przypomnienia # nadchodzącego wydarzenia zostały zaplanowane od nowa.} few {Przypomnienia # nadchodzących wydarzeń zostały zaplanowane od nowa.} many {Przypomnienia # nadchodzących wydarzeń zostały zaplanowane od nowa.} other {Przypomnienia # nadchodzącego wydarzenia zostały zaplanowane od nowa.}}',
  'reminders.replanning':
    'Przypomnienia {planned, plural, one {najbliższego wydarzenia} few {# najbliższych wydarzeń} many {# najbliższych wydarzeń} other {# najbliższego wydarzenia}} spośród {events} nadchodzących zostały zaplanowane od nowa; pozostałe w ciągu minuty.',
  'reminders.bad-offset':
    '„{offset}“ nie jest czasem przypomnienia. Wpisz liczbę z d (dni), h (godziny) lub m (minuty), np. 7d,1d,1h, albo „off“.',
  'reminders.out-of-range':
    '„{offset}“ jest poza zakresem: przypomnienia wychodzą od 5 minut do 8 tygodni przed wydarzeniem.',
  'reminders.too-many': 'Najwyżej {max} czasów przypomnień na partnerstwo.',
  'digest.show-on':
    'Tygodniowe podsumowanie „{name}“ jest publikowane co tydzień (dzień: {day}, {hour}, {zone}) we wszystkich połączonych kanałach; następne {next}. Tygodnie bez wydarzeń są pomijane.',
  'digest.show-off':
    'Tygodniowe podsumowanie „{name}“ jest wyłączone. Włącz je poleceniem: {partnerDigest} partnership:{number} day:monday hour:9',

  'profile.nothing-to-set': 'Podaj, co ustawić: languages:… albo interests:…',
  'profile.saved': 'Twój profil został zapisany.',
  'profile.show': '{name} · {town} · {role}\nJęzyki: {languages}\nZainteresowania: {interests}',

  'help.heading':
    'Polecenia (opcje zapisuj jako name:value, wartości ze spacjami ujmij w cudzysłów: {quotes}):',
  'help.heading-slash': 'Polecenia (wpisz / i polecenie; o każdą opcję Discord zapyta sam):',
  'help.footer': 'Więcej o jednym poleceniu: {example}',
  'help.required': ' (wymagane)',
  'help.coordinators-only': 'Tylko dla koordynatorów.',
  'help.examples': 'Przykłady:',
  'help.unknown-command': 'Nie ma polecenia „{command}“. Wpisz „{help}“, aby zobaczyć listę.',

  'privacy.export.heading': 'Wszystko, co Twinbridge przechowuje o Tobie w tej społeczności:',
  'privacy.export.profile': 'Profil: {name} · {town} · {role}',
  'privacy.export.languages': '  Języki: {languages}',
  'privacy.export.platform-language': '  Język Twojej platformy, ostatnio przesłany: {language}',
  'privacy.export.interests': '  Zainteresowania: {interests}',
  'privacy.export.account':
    '  Konto: użytkownik {user} w {platform, select, DISCORD {Discordzie} SLACK {Slacku} other {konsoli}}, społeczność „{community}“ ({communityId})',
  'privacy.export.answers': 'Twoje odpowiedzi na wydarzenia ({count}):',
  'privacy.export.answer':
    '  #{number} {title} · {when} · {status, select, GOING {będę} MAYBE {może} WAITLISTED {na liście oczekujących} other {nie będę}}{guests, plural, =0 {} one { z # gościem} few { z # gośćmi} many { z # gośćmi} other { z # gościa}} · liczone dla {town}',
  'privacy.export.waiting': 'Wiadomości czekające na wysłanie do Ciebie ({count}):',
  'privacy.export.waiting-line': '  {kind} · termin {when}',
  'privacy.export.audit': 'Wpisy dziennika audytu dotyczące Twoich działań lub Ciebie ({count}):',
  'privacy.export.audit-line':
    '  {when} · {action} · {target} {id} · {role, select, actor {Twoje działanie} other {dotyczy Ciebie}}',
  'privacy.export.none': '  brak',
  'privacy.export.footer': '„{profileForget}“ usuwa te dane.',
  'privacy.forget-preview':
    'To usunie Twój profil w tej społeczności (imię, identyfikator konta, języki, zainteresowania) i wycofa {messages, plural, one {# czekającą wiadomość} few {# czekające wiadomości} many {# czekających wiadomości} other {# czekającej wiadomości}}. {answers, plural, one {Twoja # odpowiedź pozostanie} few {Twoje # odpowiedzi pozostaną} many {Twoich # odpowiedzi pozostanie} other {Twojej # odpowiedzi pozostanie}} w liczbach wydarzeń bez Twojego imienia; miejsce na liście oczekujących zostanie zwolnione. Tego nie da się cofnąć. Aby kontynuować: {profileForget} confirm:yes',
  'privacy.forget-last-coordinator':
    'Jesteś jedynym koordynatorem miasta {town}: najpierw wyznacz kolejnego ({townCoordinatorAdd} user:…), a potem ponownie uruchom {profileForget}.',
  'privacy.forgotten':
    'Twoje dane w tej społeczności zostały usunięte. {answers, plural, one {# odpowiedź pozostaje} few {# odpowiedzi pozostają} many {# odpowiedzi pozostaje} other {# odpowiedzi pozostaje}} w liczbach wydarzeń bez Twojego imienia; {messages, plural, one {# czekająca wiadomość została wycofana} few {# czekające wiadomości zostały wycofane} many {# czekających wiadomości zostało wycofanych} other {# czekającej wiadomości zostało wycofane}}. Jeśli znowu skorzystasz tu z bota, zaczniesz jako nowy członek.',
  'relay.translation-from':
    '🌐 Tłumaczenie maszynowe {source, select, pl {z polskiego} cs {z czeskiego} de {z niemieckiego} en {z angielskiego} sk {ze słowackiego} fr {z francuskiego} it {z włoskiego} es {z hiszpańskiego} hu {z węgierskiego} uk {z ukraińskiego} nl {z niderlandzkiego} other {(język oryginału: {sourceName})}}:',
  'relay.translation-unknown-source': '🌐 Tłumaczenie maszynowe:',
  'relay.file-too-large': 'plik jest za duży, by go skopiować: {name} ({size})',
  'relay.file-unavailable': 'nie udało się skopiować pliku: {name}',
};
