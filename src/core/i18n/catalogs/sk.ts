import type { Catalog } from '../translator.ts';

/**
 * Slovak messages. ICU MessageFormat syntax; Slovak plurals use one/few/many/other
 * (few: 2–4; many covers decimals only; other: 0 and 5+). Quotes „…“, never a straight apostrophe.
 */
export const sk: Catalog = {
  'command.empty': 'Napíšte príkaz alebo „{help}“ pre prehľad všetkých príkazov.',
  'command.unknown': 'Príkaz „{words}“ nepoznám. Mysleli ste: {suggestions}?',
  'command.unclosed-quote': 'Hodnote v úvodzovkách chýba koncová úvodzovka.',
  'command.duplicate-option': 'Voľba „{option}“ je zadaná dvakrát.',
  'command.unexpected-word': '„{word}“ nie je voľba. Voľby sa píšu ako name:value.',
  'command.usage': 'Použitie: {usage}',
  'usage.text': '<text>',
  'usage.number': '<číslo>',
  'usage.list': '<položka,…>',
  'usage.user': '<@používateľ>',

  'validation.missing-option': 'Voľba „{option}“ je povinná.',
  'validation.unknown-option': 'Voľba „{option}“ tu nie je. Možné voľby: {known}.',
  'validation.unknown-option-suggested':
    'Voľba „{option}“ tu nie je. Mysleli ste „{suggestion}“? Možné voľby: {known}.',
  'validation.too-long':
    'Hodnota „{option}“ je príliš dlhá: môže mať najviac {max, plural, one {# znak} few {# znaky} many {# znaku} other {# znakov}}.',
  'validation.too-large': 'Hodnota „{option}“ môže byť najviac {max}.',
  'validation.too-small': 'Hodnota „{option}“ musí byť aspoň {min}.',
  'validation.too-many-items':
    'Voľba „{option}“ môže mať najviac {max, plural, one {# položku} few {# položky} many {# položky} other {# položiek}}.',
  'validation.item-too-long':
    'Položka voľby „{option}“ je príliš dlhá: každá môže mať najviac {max, plural, one {# znak} few {# znaky} many {# znaku} other {# znakov}}.',
  'validation.empty': 'Voľba „{option}“ nesmie byť prázdna.',
  'validation.not-a-choice': 'Voľba „{option}“ musí mať jednu z hodnôt: {choices}.',
  'validation.not-a-whole-number': 'Voľba „{option}“ musí byť celé číslo.',
  'validation.not-yes-no': 'Voľba „{option}“ musí byť áno alebo nie.',
  'validation.invalid': 'Hodnote voľby „{option}“ nerozumiem.',
  'validation.line-break': 'Hodnota „{option}“ musí byť na jednom riadku: odstráňte zalomenie riadka.',
  'validation.control-character':
    'Hodnota „{option}“ obsahuje neviditeľný riadiaci znak ({character}), ktorý nemožno uložiť ani zverejniť: odstráňte ho.',
  'validation.unknown-language':
    '„{language}“ nie je kód jazyka, ktorý poznám. Použite kódy ako cs, de, en, pl.',

  'time.unparseable':
    '„{input}“ neviem prečítať ako čas pre „{option}“. Skúste 2026-06-05 18:00, „zajtra 18:00“ alebo „budúci piatok 9:30“.',
  'time.nonexistent':
    'Čas {local} v časovom pásme {zone} neexistuje: hodiny sa vtedy posúvajú dopredu. Zvoľte iný čas.',
  'time.ambiguous':
    'Čas {local} nastáva v časovom pásme {zone} dvakrát: hodiny sa vtedy vracajú späť. Pridajte posun (napr. {local}+02:00) alebo zvoľte iný čas.',
  'time.unknown-zone':
    '„{zone}“ nie je časové pásmo, ktoré poznám. Použite názvy ako Europe/Bratislava alebo America/Chicago.',
  'time.in-past': '{time} je už v minulosti.',

  'error.unexpected':
    'Na mojej strane sa niečo pokazilo (ref. {ref}). Nič sa nezmenilo; koordinátori sa môžu na toto označenie odvolať.',
  'mention.unknown-user': '@neznámy používateľ',
  'mention.unknown-role': '@neznáma rola',
  'mention.unknown-channel': '#neznámy kanál',
  'error.unexpected-input':
    'Nič z toho, čo ste zadali, sa neuložilo. Tu to je, aby ste to mohli skúsiť neskôr: {input}',
  'error.database-unavailable':
    'Databáza teraz nie je dostupná, takže sa nič nevykonalo. Skúste to, prosím, o chvíľu znova.',
  'error.conflict': 'Niekto iný to v rovnakej chvíli zmenil. Nič sa nezmenilo, skúste to, prosím, znova.',
  'error.gone':
    'To, čo príkaz potreboval, medzitým niekto iný odstránil. Nič sa nezmenilo, skontrolujte to a skúste to, prosím, znova.',
  'permission.coordinator-only': '„{command}“ môže použiť iba koordinátor vášho mesta.',
  'permission.community-admin-discord':
    '„{command}“ vyžaduje na tomto serveri Discord povolenie „Manage Server“ (spravovať server) alebo „Administrator“ (správca); Discord po slovensky nie je, v češtine sa volajú „Spravovat server“ a „Správce“. Požiadajte správcu servera.',
  'permission.community-admin-slack':
    '„{command}“ môže použiť iba správca alebo vlastník tohto pracovného priestoru Slack alebo ten, kto sem Twinbridge nainštaloval. Požiadajte niektorého z nich.',
  'permission.community-admin-console': '„{command}“ môže použiť iba správca tejto komunity.',
  'access.community-not-allowed':
    'Twinbridge nie je pre tento server ani pracovný priestor povolený. Požiadajte prevádzkovateľa bota, aby ho povolil.',

  'kind.delegation-visit': 'Návšteva delegácie',
  'kind.citizens-meeting': 'Stretnutie občanov',
  'kind.youth-exchange': 'Výmena mládeže',
  'kind.school-exchange': 'Výmena škôl',
  'kind.study-visit': 'Študijná cesta',
  'kind.cultural-event': 'Kultúrne podujatie',
  'kind.sports-event': 'Športové podujatie',
  'kind.online-meeting': 'Online stretnutie',
  'kind.business-forum': 'Podnikateľské fórum',

  'form.formal': 'Formálna zmluva',
  'form.joint-project': 'Spoločný projekt',
  'form.informal': 'Neformálne',

  'status.proposed': 'Navrhnuté',
  'status.active': 'Aktívne',
  'status.dormant': 'Nečinné',
  'status.ended': 'Ukončené',

  'area.urban-development': 'rozvoj miest',
  'area.social-affairs': 'sociálne veci',
  'area.education': 'vzdelávanie',
  'area.environment': 'životné prostredie',
  'area.tourism': 'cestovný ruch',
  'area.local-government': 'miestna samospráva',
  'area.economy': 'hospodárstvo',
  'area.culture': 'kultúra',
  'area.sport': 'šport',
  'area.youth': 'mládež',

  'role.coordinator': 'koordinátor',
  'role.member': 'člen',

  'town.not-registered':
    'Táto komunita zatiaľ nemá žiadne mesto. Správca servera alebo pracovného priestoru začne príkazom: {townRegister} name:… country:… timezone:… language:…',
  'town.already-registered': 'Táto komunita už spravuje mesto {town}.',
  'town.unknown-country':
    '„{country}“ nie je kód krajiny podľa ISO 3166-1. Použite dve písmená, napr. CZ, DE, AT, PL.',
  'town.registered':
    'Vitajte, {town} ({country})! Časy sa zadávajú v pásme {zone}, príspevky sú v jazyku „{language}“. {user} je prvým koordinátorom mesta.',
  'town.info': '{town} ({country}) · časové pásmo {zone} · jazyk {language}\nKoordinátori: {coordinators}',
  'town.info-partnerships': 'Partnerstvá:',
  'town.info-no-partnerships': 'Zatiaľ žiadne partnerstvá: začnite príkazom „{partnerInvite}“.',

  'coordinator.added': '{user} je teraz koordinátorom mesta {town}.',
  'coordinator.removed': '{user} už nie je koordinátorom mesta {town}.',
  'coordinator.already': '{user} už koordinátorom je.',
  'coordinator.not-coordinator': '{user} nie je koordinátorom vášho mesta.',
  'coordinator.last': '{user} je posledným koordinátorom: najprv vymenujte koordinátorom niekoho ďalšieho.',

  'partner.not-found': 'Vaše mesto nemá partnerstvo číslo {number}. Pozrite „{partnerList}“.',
  'partner.summary': '#{number} {name}: {towns} · {form} · {status}',
  'partner.invite-needs-name':
    'Pomenujte nové partnerstvo (name:…) alebo pozvite do existujúceho pomocou partnership:… (číslo partnerstva).',
  'partner.invite-name-or-number':
    'Zadajte buď name: pre nové partnerstvo, alebo partnership: pre existujúce – nie oboje.',
  'partner.invite-created':
    'Partnerstvo #{number} „{name}“. Kód pozvánky: {code}\nOdovzdajte ho koordinátorovi partnerského mesta; ten spustí „{partnerJoin} code:{code}“ v kanáli, ktorý chce zdieľať. Kód platí raz, do {expires}.',
  'partner.ended': 'Partnerstvo #{number} sa skončilo.',
  'partner.not-active':
    'Partnerstvo #{number} je v stave „{status}“: najprv ho znova aktivujte príkazom „{partnerEdit}“.',
  'partner.unknown-area': 'Neznáme oblasti: {areas}. Známe oblasti: {known}.',
  'partner.already-member': 'Vaše mesto už je v partnerstve #{number} „{name}“.',
  'partner.joined':
    'Pripojené k partnerstvu #{number} „{name}“ ({towns}). Tento kanál (#{channel}) teraz dostáva jeho príspevky v jazyku „{language}“.',
  'partner.joined-post': 'Mesto {town} ({country}) sa pripojilo k partnerstvu „{name}“. Vitajte!',
  'partner.left':
    'Vaše mesto opustilo „{name}“; {unlinked, plural, one {# kanál bol odpojený} few {# kanály boli odpojené} many {# kanála bolo odpojeného} other {# kanálov bolo odpojených}}.',
  'partner.left-post': 'Mesto {town} opustilo partnerstvo „{name}“.',
  'partner.none': 'Vaše mesto zatiaľ nemá žiadne partnerstvá. Začnite príkazom „{partnerInvite} name:…“.',
  'partner.areas': 'Oblasti: {areas}',
  'partner.agreement': 'Zmluva: {date} · {url}',
  'partner.channels': 'Prepojené kanály:',
  'partner.no-channels': 'Zatiaľ žiadne prepojené kanály: v kanáli spustite „{channelLink}“.',
  'partner.bad-date': '„{date}“ nie je dátum. Zapíšte ho v tvare RRRR-MM-DD.',
  'partner.bad-url': '„{url}“ nie je webový odkaz (http alebo https).',
  'partner.nothing-to-change':
    'Uveďte, čo sa má zmeniť: name, status, form, areas, agreement-date alebo agreement-url.',
  'partner.updated': 'Partnerstvo je upravené.',
  'partner.not-owner':
    'Zdieľané nastavenia partnerstva #{number} „{name}“ môže meniť iba mesto {owner}, ktoré ich spravuje. Obráťte sa na jeho koordinátorov alebo ich požiadajte, aby nastavenia odovzdali vášmu mestu („{partnerHandover}“).',
  'partner.changed-post': '{person} ({town}) zmenil(a) partnerstvo „{name}“:',
  'partner.change-line': '{setting}: {from} → {to}',
  'partner.setting.name': 'názov',
  'partner.setting.status': 'stav',
  'partner.setting.form': 'forma',
  'partner.setting.areas': 'oblasti',
  'partner.setting.agreement-date': 'dátum zmluvy',
  'partner.setting.agreement-url': 'odkaz na zmluvu',
  'partner.setting.reminders': 'pripomienky',
  'partner.setting.digest': 'týždenný prehľad',
  'partner.setting.owner': 'mesto spravujúce zdieľané nastavenia',
  'partner.value-off': 'vypnuté',
  'partner.invite-post':
    '{person} ({town}) vytvoril(a) pozvánku do partnerstva „{name}“ pre ďalšie mesto, platnú do {expires}. Mesto, ktoré sa pripojí, uvidí všetky podujatia a prepojené kanály.',
  'partner.handover-unknown-town':
    '„{town}“ nie je iné mesto partnerstva „{name}“. Jeho ďalšie mestá: {towns}.',
  'partner.handed-over': 'Zdieľané nastavenia partnerstva „{name}“ teraz spravuje mesto {town}.',
  'partner.left-effects':
    'Zrušené naplánované oznámenia: {announcements}, zneplatnené nepoužité pozvánky: {invites}, nadchádzajúce podujatia odovzdané mestu {town}: {exchanges}.',
  'partner.left-exchanges-post': 'Jeho nadchádzajúce podujatia teraz organizuje mesto {town}: {exchanges}.',
  'partner.left-owner-post': 'Zdieľané nastavenia partnerstva teraz spravuje mesto {town}.',
  'invite.throttled':
    'Priveľa neplatných kódov pozvánky: skúste to znova o {minutes} min a overte kód u koordinátora, ktorý vám ho poslal.',
  'invite.list': 'Otvorené pozvánky partnerstva „{name}“:',
  'invite.line': '– {invite}: vytvorená {created}, vytvoril(a) {person} ({town}), platí do {expires}',
  'invite.none': 'Partnerstvo „{name}“ nemá žiadne otvorené pozvánky.',
  'invite.not-found': 'Partnerstvo #{number} nemá otvorenú pozvánku „{invite}“. Pozrite „{partnerInvites}“.',
  'invite.revoke-not-allowed':
    'Pozvánku {invite} vytvorilo iné mesto: zrušiť ju môže iba ono alebo mesto {owner}, ktoré spravuje zdieľané nastavenia.',
  'invite.revoked': 'Pozvánka {invite} do partnerstva „{name}“ je zrušená: jej kód už neplatí.',
  'announce.not-own':
    'Oznámenie #{number} naplánovalo mesto {town}: zrušiť ho môže iba ono alebo mesto {owner}, ktoré spravuje zdieľané nastavenia partnerstva.',

  'invite.invalid': 'Tento kód pozvánky nie je platný. Overte ho u koordinátora, ktorý vám ho poslal.',
  'invite.used': 'Tento kód pozvánky už bol použitý. Požiadajte o nový.',
  'invite.expired': 'Platnosť kódu pozvánky vypršala {expired}. Požiadajte o nový.',
  'invite.own-town': 'Tento kód pozýva partnerské mesto; vaše vlastné mesto už v partnerstve je.',

  'channel.linked':
    'Tento kanál (#{channel}) je teraz prepojený s „{name}“; príspevky sú tu v jazyku „{language}“.',
  'channel.unlinked': 'Tento kanál (#{channel}) už nedostáva príspevky z „{name}“.',
  'channel.relay-on':
    'Správy v #{channel} sa teraz v rámci „{name}“ preposielajú: {others, plural, =0 {zatiaľ nepreposiela žiadny partnerský kanál; začne sa to, keď to niektorý zapne} one {do # partnerského kanála a z neho} few {do # partnerských kanálov a z nich} many {do # partnerského kanála a z neho} other {do # partnerských kanálov a z nich}}.',
  'channel.relay-off': 'Správy v #{channel} sa v rámci „{name}“ už nepreposielajú.',
  'channel.relay-unreadable-discord':
    'Kópie z partnerských kanálov sem budú prichádzať, ale čo tu píšu členovia, sa zatiaľ nepreposiela: prevádzkovateľ bota musí v Discord Developer Portal zapnúť Message Content intent a nastaviť DISCORD_MESSAGE_CONTENT=on.',
  'channel.relay-unreadable-slack':
    'Kópie z partnerských kanálov sem budú prichádzať, ale čo tu píšu členovia, sa zatiaľ nepreposiela: prevádzkovateľ bota musí aplikáciu preinštalovať s oprávneniami {scopes} (a s udalosťami message.channels a message.groups).',
  'channel.already-linked':
    'Tento kanál (#{channel}) už je prepojený s „{name}“, príspevky sú tu v jazyku „{language}“. Iný jazyk: {change}',
  'channel.language-changed':
    'Príspevky „{name}“ v tomto kanáli (#{channel}) teraz chodia v jazyku „{language}“ (predtým „{previous}“).',
  'channel.not-linked': 'Tento kanál (#{channel}) nie je prepojený s „{name}“.',
  'channel.restored':
    'Tento kanál (#{channel}) opäť dostáva príspevky „{name}“, v jazyku „{language}“; príspevky zahodené počas poruchy sa znova neposielajú.',
  'channel.cannot-post':
    'Do kanála #{channel} nemôžem písať: {reason}. Dajte mi v tomto kanáli tieto povolenia (alebo príkaz spustite v inom kanáli) a skúste to znova.',
  'channel.not-member':
    'Nie som členom kanála #{channel}, takže doň nemôžem písať. Pridajte ma v tom kanáli príkazom {fix} a skúste to znova.',
  'channel.missing-permissions': 'chýbajú povolenia {permissions}',
  'permission.discord.view-channel': '„View Channel“ (zobraziť kanál)',
  'permission.discord.send-messages': '„Send Messages“ (odosielať správy)',
  'permission.discord.send-messages-in-threads': '„Send Messages in Threads“ (odosielať správy vo vláknach)',
  'permission.discord.embed-links': '„Embed Links“ (vkladať odkazy)',
  'channel.broken': 'bot sem nemôže písať: {reason}',

  'event.not-found': 'Vo vašich partnerstvách nie je podujatie číslo {number}. Pozrite „{eventList}“.',
  'event.not-host':
    'Podujatie #{number} „{title}“ organizuje iné mesto: meniť ho môžu iba jeho koordinátori.',
  'event.start-in-past': 'Začiatok ({start}) je už v minulosti.',
  'event.end-before-start': 'Koniec ({end}) musí byť po začiatku ({start}).',
  'event.created':
    'Podujatie #{number} je vytvorené, oznámenie odišlo do {channels, plural, one {# kanála} few {# kanálov} many {# kanála} other {# kanálov}}.',
  'event.too-many':
    'Partnerstvo #{number} už má {max, plural, one {# nadchádzajúce podujatie} few {# nadchádzajúce podujatia} many {# nadchádzajúceho podujatia} other {# nadchádzajúcich podujatí}}, viac nie je dovolené. Niektoré zrušte alebo počkajte, kým sa uskutoční.',
  'event.updated':
    'Podujatie #{number} je upravené, zmena odišla do {channels, plural, one {# kanála} few {# kanálov} many {# kanála} other {# kanálov}}.',
  'event.cancelled': 'Podujatie #{number} je zrušené.',
  'event.cancelled-done':
    'Podujatie #{number} „{title}“ je zrušené, správa odišla do {channels, plural, one {# kanála} few {# kanálov} many {# kanála} other {# kanálov}}.',
  'event.limit-below-taken':
    'Na podujatí #{number} {taken, plural, one {je už obsadené # miesto} few {sú už obsadené # miesta} many {je už obsadeného # miesta} other {je už obsadených # miest}}, limit preto nemôže byť nižší ako {taken}. Najprv požiadajte ľudí, aby zmenili svoju odpoveď.',
  'event.nothing-to-change':
    'Uveďte, čo sa má zmeniť: title, kind, start, end, location, capacity alebo description.',
  'event.none': 'Žiadne nadchádzajúce podujatia. Koordinátori ich vytvárajú príkazom „{eventCreate}“.',
  'event.list-heading': 'Nadchádzajúce podujatia (časy v pásme {zone}):',
  'event.info-heading': 'Partnerstvo: {name}',

  'rsvp.going':
    'Prídete na „{title}“{guests, plural, =0 {} one { a beriete so sebou # hosťa} few { a beriete so sebou # hostí} many { a beriete so sebou # hosťa} other { a beriete so sebou # hostí}}.',
  'rsvp.waitlisted':
    'Podujatie „{title}“ je plne obsadené: na čakacej listine ste {position}. v poradí a posuniete sa, keď sa uvoľní miesto.',
  'rsvp.maybe': 'Zapísané: na „{title}“ možno prídete.',
  'rsvp.not-going': 'Zapísané: na „{title}“ neprídete.',
  'rsvp.party-too-large':
    'Podujatie má spolu {capacity, plural, one {# miesto} few {# miesta} many {# miesta} other {# miest}} vrátane hostí: {guests, plural, =0 {hostí so sebou vziať nemôžete} one {so sebou môžete vziať najviac # hosťa} few {so sebou môžete vziať najviac # hostí} many {so sebou môžete vziať najviac # hosťa} other {so sebou môžete vziať najviac # hostí}}.',
  'rsvp.does-not-fit':
    'Pre vás a vašich hostí nie je dosť miest: {free, plural, one {zmestí sa už iba # hosť} few {zmestia sa už iba # hostia} many {zmestí sa už iba # hosťa} other {zmestí sa už iba # hostí}}.',
  'rsvp.event-over': 'Podujatie #{number} sa už skončilo.',

  'attendees.heading': 'Účasť na #{number} „{title}“:',
  'attendees.town-row': '  {town} ({country}): účasť {going} · možno {maybe} · čakacia listina {waiting}',
  'attendees.by-country': 'Účasť podľa krajín: {countries}',
  'attendees.totals': 'Celková účasť: {total}, z toho {international} z pozvaných miest.',

  'card.status': 'Stav',
  'card.cancelled': 'Zrušené',
  'card.host': 'Organizátor',
  'card.kind': 'Druh',
  'card.place': 'Miesto',
  'card.host-time': 'Miestny čas u organizátora',
  'card.places': 'Miesta',
  'card.places-unlimited': 'Prihlásení: {seats}, bez obmedzenia',
  'card.places-limited':
    'Obsadené {seats} z {capacity}{waiting, plural, =0 {} one {, # čaká} few {, # čakajú} many {, # čaká} other {, # čaká}}',
  'card.going-per-town': 'Účasť podľa miest',
  'card.maybe': 'Možno',
  'card.button-going': 'Prídem',
  'card.button-maybe': 'Možno',
  'card.button-no': 'Neprídem',

  'post.exchange.created': 'Nové podujatie (organizátor: {host}):',
  'post.exchange.updated': 'Zmena podujatia (organizátor: {host}):',
  'post.exchange.cancelled': 'Zrušené (organizátor: {host}): „{title}“. {reason}',

  'notice.delivery-failed':
    'Bot nemohol zverejniť príspevok v kanáli #{channel} („{partnership}“) ani po {attempts, plural, one {# pokuse} few {# pokusoch} many {# pokusu} other {# pokusoch}} a vzdal to: {reason}\nPríspevok začínal: „{excerpt}“',
  'notice.channel-broken':
    'Bot už nemôže písať do kanála #{channel} („{partnership}“): {reason}\nPrepojenie kanála je označené ako nefunkčné a nedostáva žiadne príspevky; {abandoned, plural, =0 {žiadny ďalší príspevok nečakal} one {# čakajúci príspevok bol zahodený} few {# čakajúce príspevky boli zahodené} many {# čakajúceho príspevku bolo zahodeného} other {# čakajúcich príspevkov bolo zahodených}}. Keď tam bot opäť smie písať, spustite v tom kanáli „{channelLink}“.',
  'notice.direct-failed':
    'Bot nemohol poslať súkromnú správu používateľovi {member} ani po {attempts, plural, one {# pokuse} few {# pokusoch} many {# pokusu} other {# pokusoch}}: {reason}\nSpráva začínala: „{excerpt}“',

  'announce.sent':
    'Oznámenie #{number} odchádza do {channels, plural, one {# kanála} few {# kanálov} many {# kanála} other {# kanálov}}.',
  'announce.no-channels':
    'Partnerstvo #{number} nemá žiadne prepojené kanály, kam by sa dalo písať: najprv spustite „{channelLink}“.',
  'announce.at-or-cron': 'Zadajte buď at: (jednorazovo), alebo cron: (opakovane).',
  'announce.bad-cron-fields':
    '„{cron}“ má {count, plural, one {# pole} few {# polia} many {# poľa} other {# polí}}; výraz cron ich má päť (minúta, hodina, deň, mesiac, deň v týždni), napr. „0 9 * * 1“.',
  'announce.bad-cron-field':
    'V „{cron}“ {field, select, minute {minúta} hour {hodina} day {deň v mesiaci} month {mesiac} other {deň v týždni}} „{value}“ neplatí: použite číslo od {min} do {max}, výpočet (1,15), rozsah (1-5), krok (*/15) alebo *.',
  'announce.cron-never': '„{cron}“ nikdy nenastane.',
  'announce.too-often':
    '„{cron}“ sa opakuje príliš často: dva jeho termíny delí iba {gap, plural, one {# minúta} few {# minúty} many {# minúty} other {# minút}}. Opakované oznámenie smie vychádzať najviac raz za {minimum, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}.',
  'announce.too-many-scheduled':
    'Partnerstvo #{number} už má {max, plural, one {# naplánované oznámenie} few {# naplánované oznámenia} many {# naplánovaného oznámenia} other {# naplánovaných oznámení}}, viac nie je dovolené. Skôr než naplánujete ďalšie, jedno zrušte ({announceCancel}).',
  'announce.daily-limit':
    'Partnerstvo #{number} už za posledných 24 hodín odoslalo {max, plural, one {# jednorazové oznámenie} few {# jednorazové oznámenia} many {# jednorazového oznámenia} other {# jednorazových oznámení}}, viac nie je dovolené. Skúste to, prosím, neskôr.',
  'announce.scheduled': 'Oznámenie #{number} pre „{name}“ je naplánované; najbližší termín {next}.',
  'announce.recurring': 'opakuje sa „{cron}“ ({zone})',
  'announce.next': ', nabudúce {next}',
  'announce.none': 'Žiadne naplánované oznámenia.',
  'announce.line': '#{number} {when}{next} · „{preview}“',
  'announce.not-found': 'Vo vašich partnerstvách nie je oznámenie číslo {number}.',
  'announce.not-scheduled': 'Oznámenie #{number} už nie je naplánované.',
  'announce.cancelled': 'Oznámenie #{number} je zrušené.',

  // Scheduler: reminders, waitlist moves, weekly digest (src/core/jobs).
  'reminder.offset':
    '{unit, select, days {{count, plural, one {# deň} few {# dni} many {# dňa} other {# dní}}} hours {{count, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodín}}} other {{count, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}}}',
  'post.reminder':
    'Pripomienka: „{title}“ (organizuje {host}) začína o {unit, select, days {{count, plural, one {# deň} few {# dni} many {# dňa} other {# dní}}} hours {{count, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodín}}} other {{count, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}}}.',
  'direct.reminder':
    '{answer, select, going {Prídete na „{title}“} other {Na „{title}“ ste odpovedali „možno“}}: začína o {unit, select, days {{count, plural, one {# deň} few {# dni} many {# dňa} other {# dní}}} hours {{count, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodín}}} other {{count, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}}}.',
  'direct.waitlist-promoted':
    'Uvoľnilo sa miesto: z čakacej listiny ste sa posunuli medzi prihlásených na „{title}“.',
  'digest.heading': 'Čo chystá „{name}“ v najbližších štyroch týždňoch (časy v pásme {zone}):',
  'digest.line':
    '#{number} {when} · {title} · {host} · {seats, plural, one {# prihlásený} few {# prihlásení} many {# prihláseného} other {# prihlásených}}',
  'digest.more':
    '…a {count, plural, one {# ďalšie podujatie} few {# ďalšie podujatia} many {# ďalšieho podujatia} other {# ďalších podujatí}}: pozrite „{eventList}“.',
  'reminders.show':
    'Pripomienky pre „{name}“ chodia {offsets} pred každým podujatím do prepojených kanálov a súkromnou správou všetkým, ktorí odpovedali „prídem“ alebo „možno“.',
  'reminders.show-off': 'Pripomienky pre „{name}“ sú vypnuté.',
  'reminders.replanned':
    '{events, plural, =0 {Netýka sa to žiadneho nadchádzajúceho podujatia.} one {Pripomienky # nadchádzajúceho podujatia sú naplánované nanovo.} few {Pripomienky # nadchádzajúcich podujatí sú naplánované nanovo.} many {Pripomienky # nadchádzajúceho podujatia sú naplánované nanovo.} other {Pripomienky # nadchádzajúcich podujatí sú naplánované nanovo.}}',
  'reminders.replanning':
    'Pripomienky {planned, plural, one {najbližšieho podujatia} few {najbližších # podujatí} many {najbližšieho # podujatia} other {najbližších # podujatí}} z {events} nadchádzajúcich sú naplánované nanovo; ostatné budú do minúty.',
  'reminders.bad-offset':
    '„{offset}“ nie je čas pripomienky. Napíšte číslo s d (dni), h (hodiny) alebo m (minúty), napr. 7d,1d,1h, alebo „off“.',
  'reminders.out-of-range':
    '„{offset}“ je mimo rozsahu: pripomienky môžu chodiť 5 minút až 8 týždňov pred podujatím.',
  'reminders.too-many': 'Najviac {max} časov pripomienok na jedno partnerstvo.',
  'digest.show-on':
    'Týždenný prehľad „{name}“ vychádza raz týždenne (deň: {day}, {hour}, {zone}) vo všetkých prepojených kanáloch; nabudúce {next}. Týždne, keď sa nič nechystá, sa vynechávajú.',
  'digest.show-off':
    'Týždenný prehľad „{name}“ je vypnutý. Zapnete ho príkazom: {partnerDigest} partnership:{number} day:monday hour:9',

  'profile.nothing-to-set': 'Zadajte, čo nastaviť: languages:… alebo interests:…',
  'profile.saved': 'Váš profil je uložený.',
  'profile.show': '{name} · {town} · {role}\nJazyky: {languages}\nZáujmy: {interests}',

  'help.heading': 'Príkazy (voľby píšte ako name:value, hodnoty s medzerami dajte do úvodzoviek: {quotes}):',
  'help.heading-slash': 'Príkazy (napíšte / a príkaz; na jednotlivé voľby sa Discord spýta sám):',
  'help.footer': 'Viac o jednom príkaze: {example}',
  'help.required': ' (povinné)',
  'help.coordinators-only': 'Iba pre koordinátorov.',
  'help.examples': 'Príklady:',
  'help.unknown-command': 'Príkaz „{command}“ neexistuje. Napíšte „{help}“ pre zoznam príkazov.',

  'privacy.export.heading': 'Všetko, čo o vás Twinbridge v tejto komunite uchováva:',
  'privacy.export.profile': 'Profil: {name} · {town} · {role}',
  'privacy.export.languages': '  Jazyky: {languages}',
  'privacy.export.platform-language': '  Jazyk vašej platformy, ako ho naposledy poslala: {language}',
  'privacy.export.interests': '  Záujmy: {interests}',
  'privacy.export.account':
    '  Účet: používateľ {user} na {platform, select, DISCORD {Discorde} SLACK {Slacku} other {konzole}} v komunite „{community}“ ({communityId})',
  'privacy.export.answers': 'Vaše odpovede na podujatia ({count}):',
  'privacy.export.answer':
    '  #{number} {title} · {when} · {status, select, GOING {prídem} MAYBE {možno} WAITLISTED {na čakacej listine} other {neprídem}}{guests, plural, =0 {} one { s # hosťom} few { s # hosťami} many { s # hosťa} other { s # hosťami}} · počíta sa pre {town}',
  'privacy.export.waiting': 'Správy, ktoré na vás čakajú na odoslanie ({count}):',
  'privacy.export.waiting-line': '  {kind} · na odoslanie {when}',
  'privacy.export.audit': 'Záznamy v auditnom logu od vás alebo o vás ({count}):',
  'privacy.export.audit-line':
    '  {when} · {action} · {target} {id} · {role, select, actor {vykonali ste} other {týka sa vás}}',
  'privacy.export.none': '  žiadne',
  'privacy.export.footer': '„{profileForget}“ tieto údaje vymaže.',
  'privacy.forget-preview':
    'Týmto sa vymaže váš profil v tejto komunite (meno, id účtu, jazyky, záujmy) a stiahne sa {messages, plural, one {# správa, ktorá na vás čaká} few {# správy, ktoré na vás čakajú} many {# správy, ktoré na vás čakajú} other {# správ, ktoré na vás čakajú}}. {answers, plural, one {Vaša # odpoveď zostane} few {Vaše # odpovede zostanú} many {Vašej # odpovede zostane} other {Vašich # odpovedí zostane}} v počtoch podujatí bez vášho mena; miesto na čakacej listine sa uvoľní. Nedá sa to vrátiť. Ak chcete pokračovať: {profileForget} confirm:yes',
  'privacy.forget-last-coordinator':
    'Ste jediný koordinátor mesta {town}: najprv vymenujte ďalšieho ({townCoordinatorAdd} user:…) a potom spustite {profileForget} znova.',
  'privacy.forgotten':
    'Vaše údaje v tejto komunite sú vymazané. {answers, plural, one {# odpoveď zostáva} few {# odpovede zostávajú} many {# odpovede zostáva} other {# odpovedí zostáva}} v počtoch podujatí bez vášho mena; {messages, plural, one {# čakajúca správa bola stiahnutá} few {# čakajúce správy boli stiahnuté} many {# čakajúcej správy bolo stiahnutej} other {# čakajúcich správ bolo stiahnutých}}. Ak budete bota používať znova, začnete ako nový člen.',
  'relay.translation-from':
    '🌐 Strojový preklad {source, select, sk {zo slovenčiny} cs {z češtiny} de {z nemčiny} en {z angličtiny} pl {z poľštiny} fr {z francúzštiny} it {z taliančiny} es {zo španielčiny} hu {z maďarčiny} uk {z ukrajinčiny} nl {z holandčiny} other {(pôvodný jazyk: {sourceName})}}:',
  'relay.translation-unknown-source': '🌐 Strojový preklad:',
  'relay.file-too-large': 'súbor je príliš veľký na skopírovanie: {name} ({size})',
  'relay.file-unavailable': 'súbor sa nepodarilo skopírovať: {name}',
};
