import type { Catalog } from '../translator.ts';

/**
 * Czech messages. ICU MessageFormat syntax; Czech plurals use one/few/many/other
 * (many covers decimals only). Use typographic quotes „…“ and never a straight apostrophe.
 */
export const cs: Catalog = {
  'command.empty': 'Napište příkaz, nebo „{help}“ pro přehled všech příkazů.',
  'command.unknown': 'Příkaz „{words}“ neznám. Mysleli jste: {suggestions}?',
  'command.unclosed-quote': 'Hodnotě v uvozovkách chybí uzavírací uvozovka.',
  'command.duplicate-option': 'Volba „{option}“ je zadaná dvakrát.',
  'command.unexpected-word': '„{word}“ není volba. Volby se píšou jako name:value.',
  'command.usage': 'Použití: {usage}',
  'usage.text': '<text>',
  'usage.number': '<číslo>',
  'usage.list': '<položka,…>',
  'usage.user': '<@uživatel>',

  'validation.missing-option': 'Volba „{option}“ je povinná.',
  'validation.unknown-option': 'Volba „{option}“ tady není. Možné volby: {known}.',
  'validation.unknown-option-suggested':
    'Volba „{option}“ tady není. Mysleli jste „{suggestion}“? Možné volby: {known}.',
  'validation.too-long':
    'Hodnota „{option}“ je příliš dlouhá: smí mít nejvýše {max, plural, one {# znak} few {# znaky} many {# znaku} other {# znaků}}.',
  'validation.too-large': 'Hodnota „{option}“ smí být nejvýše {max}.',
  'validation.too-small': 'Hodnota „{option}“ musí být alespoň {min}.',
  'validation.too-many-items':
    'Volba „{option}“ smí mít nejvýše {max, plural, one {# položku} few {# položky} many {# položky} other {# položek}}.',
  'validation.item-too-long':
    'Položka volby „{option}“ je příliš dlouhá: každá smí mít nejvýše {max, plural, one {# znak} few {# znaky} many {# znaku} other {# znaků}}.',
  'validation.empty': 'Volba „{option}“ nesmí být prázdná.',
  'validation.not-a-choice': 'Volba „{option}“ musí mít jednu z hodnot: {choices}.',
  'validation.not-a-whole-number': 'Volba „{option}“ musí být celé číslo.',
  'validation.not-yes-no': 'Volba „{option}“ musí být ano, nebo ne.',
  'validation.invalid': 'Hodnotě volby „{option}“ nerozumím.',
  'validation.line-break': 'Hodnota „{option}“ musí být na jednom řádku: odstraňte zalomení řádku.',
  'validation.control-character':
    'Hodnota „{option}“ obsahuje neviditelný řídicí znak ({character}), který nelze uložit ani zveřejnit: odstraňte ho.',
  'validation.unknown-language':
    '„{language}“ není kód jazyka, který znám. Použijte kódy jako cs, de, en, pl.',

  'time.unparseable':
    '„{input}“ nedokážu přečíst jako čas pro „{option}“. Zkuste 2026-06-05 18:00, „zítra 18:00“ nebo „příští pátek 9:30“.',
  'time.nonexistent':
    'Čas {local} v časovém pásmu {zone} neexistuje: hodiny se tehdy posouvají dopředu. Zvolte jiný čas.',
  'time.ambiguous':
    'Čas {local} nastává v časovém pásmu {zone} dvakrát: hodiny se tehdy vracejí zpět. Přidejte posun (např. {local}+02:00), nebo zvolte jiný čas.',
  'time.unknown-zone':
    '„{zone}“ není časové pásmo, které znám. Použijte názvy jako Europe/Prague nebo America/Chicago.',
  'time.in-past': '{time} je už v minulosti.',

  'error.unexpected':
    'Na mé straně se něco pokazilo (ref. {ref}). Nic se nezměnilo; koordinátoři se mohou na toto označení odvolat.',
  'mention.unknown-user': '@neznámý uživatel',
  'mention.unknown-role': '@neznámá role',
  'mention.unknown-channel': '#neznámý kanál',
  'error.unexpected-input':
    'Nic z toho, co jste zadali, se neuložilo. Tady to je, abyste to mohli zkusit znovu: {input}',
  'error.database-unavailable':
    'Databáze teď není dostupná, takže se nic neprovedlo. Zkuste to prosím za chvíli znovu.',
  'error.conflict': 'Někdo jiný to ve stejnou chvíli změnil. Nic se nezměnilo, zkuste to prosím znovu.',
  'error.gone':
    'Co příkaz potřeboval, mezitím někdo jiný odstranil. Nic se nezměnilo, zkontrolujte to a zkuste to prosím znovu.',
  'permission.coordinator-only': '„{command}“ může použít jen koordinátor vašeho města.',
  'permission.community-admin-discord':
    '„{command}“ vyžaduje na tomto serveru Discord oprávnění „Spravovat server“ (nebo „Správce“). Požádejte správce serveru.',
  'permission.community-admin-slack':
    '„{command}“ může použít jen správce nebo vlastník tohoto pracovního prostoru Slack, nebo ten, kdo sem Twinbridge nainstaloval. Požádejte některého z nich.',
  'permission.community-admin-console': '„{command}“ může použít jen správce této komunity.',
  'access.community-not-allowed':
    'Twinbridge není pro tento server ani pracovní prostor povolen. Požádejte provozovatele bota, aby ho povolil.',

  'kind.delegation-visit': 'Návštěva delegace',
  'kind.citizens-meeting': 'Setkání občanů',
  'kind.youth-exchange': 'Výměna mládeže',
  'kind.school-exchange': 'Výměna škol',
  'kind.study-visit': 'Studijní cesta',
  'kind.cultural-event': 'Kulturní akce',
  'kind.sports-event': 'Sportovní akce',
  'kind.online-meeting': 'Online setkání',
  'kind.business-forum': 'Podnikatelské fórum',

  'form.formal': 'Formální smlouva',
  'form.joint-project': 'Společný projekt',
  'form.informal': 'Neformální',

  'status.proposed': 'Navrženo',
  'status.active': 'Aktivní',
  'status.dormant': 'Nečinné',
  'status.ended': 'Ukončeno',

  'area.urban-development': 'rozvoj měst',
  'area.social-affairs': 'sociální věci',
  'area.education': 'vzdělávání',
  'area.environment': 'životní prostředí',
  'area.tourism': 'cestovní ruch',
  'area.local-government': 'místní samospráva',
  'area.economy': 'hospodářství',
  'area.culture': 'kultura',
  'area.sport': 'sport',
  'area.youth': 'mládež',

  'role.coordinator': 'koordinátor',
  'role.member': 'člen',

  'town.not-registered':
    'Tato komunita zatím nemá žádné město. Správce serveru nebo pracovního prostoru začne příkazem: {townRegister} name:… country:… timezone:… language:…',
  'town.already-registered': 'Tato komunita už spravuje město {town}.',
  'town.unknown-country':
    '„{country}“ není kód země podle ISO 3166-1. Použijte dvě písmena, např. CZ, DE, AT, PL.',
  'town.registered':
    'Vítejte, {town} ({country})! Časy se zadávají v pásmu {zone}, příspěvky jsou v jazyce „{language}“. {user} je prvním koordinátorem města.',
  'town.info': '{town} ({country}) · časové pásmo {zone} · jazyk {language}\nKoordinátoři: {coordinators}',
  'town.info-partnerships': 'Partnerství:',
  'town.info-no-partnerships': 'Zatím žádná partnerství: začněte příkazem „{partnerInvite}“.',

  'coordinator.added': '{user} je nyní koordinátorem města {town}.',
  'coordinator.removed': '{user} už není koordinátorem města {town}.',
  'coordinator.already': '{user} už koordinátorem je.',
  'coordinator.not-coordinator': '{user} není koordinátorem vašeho města.',
  'coordinator.last': '{user} je posledním koordinátorem: nejdřív jmenujte koordinátorem někoho dalšího.',

  'partner.not-found': 'Vaše město nemá partnerství číslo {number}. Viz „{partnerList}“.',
  'partner.summary': '#{number} {name}: {towns} · {form} · {status}',
  'partner.invite-needs-name':
    'Pojmenujte nové partnerství (name:…), nebo pozvěte do existujícího pomocí partnership:… (číslo partnerství).',
  'partner.invite-name-or-number':
    'Zadejte buď name: pro nové partnerství, nebo partnership: pro existující – ne obojí.',
  'partner.invite-created':
    'Partnerství #{number} „{name}“. Kód pozvánky: {code}\nPředejte ho koordinátorovi partnerského města; ten spustí „{partnerJoin} code:{code}“ v kanálu, který chce sdílet. Kód platí jednou, do {expires}.',
  'partner.ended': 'Partnerství #{number} skončilo.',
  'partner.not-active':
    'Partnerství #{number} je ve stavu „{status}“: nejdřív ho znovu aktivujte příkazem „{partnerEdit}“.',
  'partner.unknown-area': 'Neznámé oblasti: {areas}. Známé oblasti: {known}.',
  'partner.already-member': 'Vaše město už je v partnerství #{number} „{name}“.',
  'partner.joined':
    'Připojeno k partnerství #{number} „{name}“ ({towns}). Tento kanál (#{channel}) teď dostává jeho příspěvky v jazyce „{language}“.',
  'partner.joined-post': 'Město {town} ({country}) se připojilo k partnerství „{name}“. Vítejte!',
  'partner.left':
    'Vaše město opustilo „{name}“; {unlinked, plural, one {# kanál byl odpojen} few {# kanály byly odpojeny} many {# kanálu bylo odpojeno} other {# kanálů bylo odpojeno}}.',
  'partner.left-post': 'Město {town} opustilo partnerství „{name}“.',
  'partner.none': 'Vaše město zatím nemá žádná partnerství. Začněte příkazem „{partnerInvite} name:…“.',
  'partner.areas': 'Oblasti: {areas}',
  'partner.agreement': 'Smlouva: {date} · {url}',
  'partner.channels': 'Propojené kanály:',
  'partner.no-channels': 'Zatím žádné propojené kanály: v kanálu spusťte „{channelLink}“.',
  'partner.bad-date': '„{date}“ není datum. Zapište ho ve tvaru RRRR-MM-DD.',
  'partner.bad-url': '„{url}“ není webový odkaz (http nebo https).',
  'partner.nothing-to-change':
    'Uveďte, co se má změnit: name, status, form, areas, agreement-date nebo agreement-url.',
  'partner.updated': 'Partnerství je upravené.',
  'partner.not-owner':
    'Sdílená nastavení partnerství #{number} „{name}“ může měnit jen město {owner}, které je spravuje. Obraťte se na jeho koordinátory, nebo je požádejte, aby nastavení předali vašemu městu („{partnerHandover}“).',
  'partner.changed-post': '{person} ({town}) změnil(a) partnerství „{name}“:',
  'partner.change-line': '{setting}: {from} → {to}',
  'partner.setting.name': 'název',
  'partner.setting.status': 'stav',
  'partner.setting.form': 'forma',
  'partner.setting.areas': 'oblasti',
  'partner.setting.agreement-date': 'datum smlouvy',
  'partner.setting.agreement-url': 'odkaz na smlouvu',
  'partner.setting.reminders': 'připomínky',
  'partner.setting.digest': 'týdenní přehled',
  'partner.setting.owner': 'město spravující sdílená nastavení',
  'partner.value-off': 'vypnuto',
  'partner.invite-post':
    '{person} ({town}) vytvořil(a) pozvánku do partnerství „{name}“ pro další město, platnou do {expires}. Město, které se připojí, uvidí všechny akce a propojené kanály.',
  'partner.handover-unknown-town':
    '„{town}“ není jiné město partnerství „{name}“. Jeho další města: {towns}.',
  'partner.handed-over': 'Sdílená nastavení partnerství „{name}“ nyní spravuje město {town}.',
  'partner.left-effects':
    'Zrušená naplánovaná oznámení: {announcements}, zneplatněné nepoužité pozvánky: {invites}, nadcházející akce předané městu {town}: {exchanges}.',
  'partner.left-exchanges-post': 'Jeho nadcházející akce nyní pořádá město {town}: {exchanges}.',
  'partner.left-owner-post': 'Sdílená nastavení partnerství nyní spravuje město {town}.',
  'invite.throttled':
    'Příliš mnoho neplatných kódů pozvánky: zkuste to znovu za {minutes} minut a ověřte kód u koordinátora, který vám ho poslal.',
  'invite.list': 'Otevřené pozvánky partnerství „{name}“:',
  'invite.line': '– {invite}: vytvořena {created}, vytvořil(a) {person} ({town}), platí do {expires}',
  'invite.none': 'Partnerství „{name}“ nemá žádné otevřené pozvánky.',
  'invite.not-found': 'Partnerství #{number} nemá otevřenou pozvánku „{invite}“. Viz „{partnerInvites}“.',
  'invite.revoke-not-allowed':
    'Pozvánku {invite} vytvořilo jiné město: zrušit ji může jen ono nebo město {owner}, které spravuje sdílená nastavení.',
  'invite.revoked': 'Pozvánka {invite} do partnerství „{name}“ je zrušená: její kód už neplatí.',
  'announce.not-own':
    'Oznámení #{number} naplánovalo město {town}: zrušit ho může jen ono nebo město {owner}, které spravuje sdílená nastavení partnerství.',

  'invite.invalid': 'Tento kód pozvánky není platný. Ověřte ho u koordinátora, který vám ho poslal.',
  'invite.used': 'Tento kód pozvánky už byl použit. Požádejte o nový.',
  'invite.expired': 'Platnost kódu pozvánky vypršela {expired}. Požádejte o nový.',
  'invite.own-town': 'Tento kód zve partnerské město; vaše vlastní město už v partnerství je.',

  'channel.linked':
    'Tento kanál (#{channel}) je teď propojen s „{name}“; příspěvky tady jsou v jazyce „{language}“.',
  'channel.unlinked': 'Tento kanál (#{channel}) už nedostává příspěvky z „{name}“.',
  'channel.relay-on':
    'Zprávy v #{channel} se teď v rámci „{name}“ přeposílají: {others, plural, =0 {zatím nepřeposílá žádný partnerský kanál; začne to, jakmile to některý zapne} one {do # partnerského kanálu a z něj} few {do # partnerských kanálů a z nich} many {do # partnerského kanálu a z něj} other {do # partnerských kanálů a z nich}}.',
  'channel.relay-off': 'Zprávy v #{channel} se v rámci „{name}“ už nepřeposílají.',
  'channel.relay-unreadable-discord':
    'Kopie z partnerských kanálů sem budou přicházet, ale co tu píšou členové, se zatím nepřeposílá: provozovatel bota musí v Discord Developer Portal zapnout Message Content intent a nastavit DISCORD_MESSAGE_CONTENT=on.',
  'channel.relay-unreadable-slack':
    'Kopie z partnerských kanálů sem budou přicházet, ale co tu píšou členové, se zatím nepřeposílá: provozovatel bota musí aplikaci přeinstalovat s oprávněními {scopes} (a s událostmi message.channels a message.groups).',
  'channel.already-linked':
    'Tento kanál (#{channel}) už je propojen s „{name}“, příspěvky jsou v jazyce „{language}“. Jiný jazyk nastavíte takto: {change}',
  'channel.language-changed':
    'Příspěvky „{name}“ v tomto kanálu (#{channel}) teď chodí v jazyce „{language}“ (dříve „{previous}“).',
  'channel.not-linked': 'Tento kanál (#{channel}) není propojen s „{name}“.',
  'channel.restored':
    'Tento kanál (#{channel}) zase dostává příspěvky „{name}“, v jazyce „{language}“; příspěvky zahozené během poruchy se znovu neposílají.',
  'channel.cannot-post':
    'Do kanálu #{channel} nemohu psát: {reason}. Dejte mi v tomto kanálu tato oprávnění (nebo příkaz spusťte v jiném kanálu) a zkuste to znovu.',
  'channel.not-member':
    'Nejsem členem kanálu #{channel}, takže do něj nemohu psát. Přidejte mě v tom kanálu příkazem {fix} a zkuste to znovu.',
  'channel.missing-permissions': 'chybí oprávnění {permissions}',
  'permission.discord.view-channel': '„Zobrazit kanály“',
  'permission.discord.send-messages': '„Odesílat zprávy“',
  'permission.discord.send-messages-in-threads': '„Odesílat zprávy ve vláknech“',
  'permission.discord.embed-links': '„Vkládat odkazy“',
  'channel.broken': 'bot sem nemůže psát: {reason}',

  'event.not-found': 'Ve vašich partnerstvích není akce číslo {number}. Viz „{eventList}“.',
  'event.not-host': 'Akci #{number} „{title}“ pořádá jiné město: měnit ji mohou jen jeho koordinátoři.',
  'event.start-in-past': 'Začátek ({start}) je už v minulosti.',
  'event.end-before-start': 'Konec ({end}) musí být až po začátku ({start}).',
  'event.created':
    'Akce #{number} je vytvořená, oznámení odešlo do {channels, plural, one {# kanálu} few {# kanálů} many {# kanálu} other {# kanálů}}.',
  'event.too-many':
    'Partnerství #{number} už má {max, plural, one {# nadcházející akci} few {# nadcházející akce} many {# nadcházející akce} other {# nadcházejících akcí}}, víc není dovoleno. Některou zrušte, nebo počkejte, až proběhne.',
  'event.updated':
    'Akce #{number} je upravená, změna odešla do {channels, plural, one {# kanálu} few {# kanálů} many {# kanálu} other {# kanálů}}.',
  'event.cancelled': 'Akce #{number} je zrušená.',
  'event.cancelled-done':
    'Akce #{number} „{title}“ je zrušená, zpráva odešla do {channels, plural, one {# kanálu} few {# kanálů} many {# kanálu} other {# kanálů}}.',
  'event.limit-below-taken':
    'Na akci #{number} {taken, plural, one {je už obsazené # místo} few {jsou už obsazená # místa} many {je už obsazeno # místa} other {je už obsazeno # míst}}, limit proto nemůže být nižší než {taken}. Nejdřív požádejte lidi, ať změní svou odpověď.',
  'event.nothing-to-change':
    'Uveďte, co se má změnit: title, kind, start, end, location, capacity nebo description.',
  'event.none': 'Žádné nadcházející akce. Koordinátoři je vytvářejí příkazem „{eventCreate}“.',
  'event.list-heading': 'Nadcházející akce (časy v pásmu {zone}):',
  'event.info-heading': 'Partnerství: {name}',

  'rsvp.going':
    'Přijdete na „{title}“{guests, plural, =0 {} one { a berete s sebou # hosta} few { a berete s sebou # hosty} many { a berete s sebou # hosta} other { a berete s sebou # hostů}}.',
  'rsvp.waitlisted':
    'Akce „{title}“ je plně obsazená: na čekací listině jste {position}. v pořadí a posunete se, jakmile se uvolní místo.',
  'rsvp.maybe': 'Zapsáno: na „{title}“ možná přijdete.',
  'rsvp.not-going': 'Zapsáno: na „{title}“ nepřijdete.',
  'rsvp.party-too-large':
    'Akce má celkem {capacity, plural, one {# místo} few {# místa} many {# místa} other {# míst}} včetně hostů: {guests, plural, =0 {hosty s sebou vzít nemůžete} one {s sebou můžete vzít nejvýš # hosta} few {s sebou můžete vzít nejvýš # hosty} many {s sebou můžete vzít nejvýš # hosta} other {s sebou můžete vzít nejvýš # hostů}}.',
  'rsvp.does-not-fit':
    'Pro vás a vaše hosty není dost míst: {free, plural, one {vejde se už jen # host} few {vejdou se už jen # hosté} many {vejde se už jen # hosta} other {vejde se už jen # hostů}}.',
  'rsvp.event-over': 'Akce #{number} už skončila.',

  'attendees.heading': 'Účast na #{number} „{title}“:',
  'attendees.town-row': '  {town} ({country}): účast {going} · možná {maybe} · čekací listina {waiting}',
  'attendees.by-country': 'Účast podle zemí: {countries}',
  'attendees.totals': 'Celková účast: {total}, z toho {international} z pozvaných měst.',

  'card.status': 'Stav',
  'card.cancelled': 'Zrušeno',
  'card.host': 'Pořadatel',
  'card.kind': 'Druh',
  'card.place': 'Místo',
  'card.host-time': 'Místní čas u pořadatele',
  'card.places': 'Místa',
  'card.places-unlimited': 'Přihlášeno {seats}, bez omezení',
  'card.places-limited':
    'Obsazeno {seats} z {capacity}{waiting, plural, =0 {} one {, # čeká} few {, # čekají} many {, # čeká} other {, # čeká}}',
  'card.going-per-town': 'Účast podle měst',
  'card.maybe': 'Možná',
  'card.button-going': 'Přijdu',
  'card.button-maybe': 'Možná',
  'card.button-no': 'Nepřijdu',

  'post.exchange.created': 'Nová akce (pořadatel: {host}):',
  'post.exchange.updated': 'Změna akce (pořadatel: {host}):',
  'post.exchange.cancelled': 'Zrušeno (pořadatel: {host}): „{title}“. {reason}',

  'notice.delivery-failed':
    'Bot nemohl zveřejnit příspěvek v kanálu #{channel} („{partnership}“) ani po {attempts, plural, one {# pokusu} few {# pokusech} many {# pokusu} other {# pokusech}} a vzdal to: {reason}\nPříspěvek začínal: „{excerpt}“',
  'notice.channel-broken':
    'Bot už nemůže psát do kanálu #{channel} („{partnership}“): {reason}\nPropojení kanálu je označené jako nefunkční a nedostává žádné příspěvky; {abandoned, plural, =0 {žádný další příspěvek nečekal} one {# čekající příspěvek byl zahozen} few {# čekající příspěvky byly zahozeny} many {# čekajícího příspěvku bylo zahozeno} other {# čekajících příspěvků bylo zahozeno}}. Až tam bot zase smí psát, spusťte v tom kanálu „{channelLink}“.',
  'notice.direct-failed':
    'Bot nemohl poslat soukromou zprávu uživateli {member} ani po {attempts, plural, one {# pokusu} few {# pokusech} many {# pokusu} other {# pokusech}}: {reason}\nZpráva začínala: „{excerpt}“',

  'announce.sent':
    'Oznámení #{number} odchází do {channels, plural, one {# kanálu} few {# kanálů} many {# kanálu} other {# kanálů}}.',
  'announce.no-channels':
    'Partnerství #{number} nemá žádné propojené kanály, kam by se dalo psát: nejdřív spusťte „{channelLink}“.',
  'announce.at-or-cron': 'Zadejte buď at: (jednorázově), nebo cron: (opakovaně).',
  'announce.bad-cron-fields':
    '„{cron}“ má {count, plural, one {# pole} few {# pole} many {# pole} other {# polí}}; cron výraz jich má pět (minuta, hodina, den, měsíc, den v týdnu), např. „0 9 * * 1“.',
  'announce.bad-cron-field':
    'V „{cron}“ {field, select, minute {minuta} hour {hodina} day {den v měsíci} month {měsíc} other {den v týdnu}} „{value}“ neplatí: použijte číslo od {min} do {max}, výčet (1,15), rozsah (1-5), krok (*/15) nebo *.',
  'announce.cron-never': '„{cron}“ nikdy nenastane.',
  'announce.too-often':
    '„{cron}“ se opakuje příliš často: dva jeho termíny dělí jen {gap, plural, one {# minuta} few {# minuty} many {# minuty} other {# minut}}. Opakované oznámení smí vycházet nejvýše jednou za {minimum, plural, one {# minutu} few {# minuty} many {# minuty} other {# minut}}.',
  'announce.too-many-scheduled':
    'Partnerství #{number} už má {max, plural, one {# naplánované oznámení} few {# naplánovaná oznámení} many {# naplánovaného oznámení} other {# naplánovaných oznámení}}, víc není dovoleno. Než naplánujete další, jedno zrušte ({announceCancel}).',
  'announce.daily-limit':
    'Partnerství #{number} už za posledních 24 hodin odeslalo {max, plural, one {# jednorázové oznámení} few {# jednorázová oznámení} many {# jednorázového oznámení} other {# jednorázových oznámení}}, víc není dovoleno. Zkuste to prosím později.',
  'announce.scheduled': 'Oznámení #{number} pro „{name}“ je naplánované; nejbližší termín {next}.',
  'announce.recurring': 'opakuje se „{cron}“ ({zone})',
  'announce.next': ', příště {next}',
  'announce.none': 'Žádná naplánovaná oznámení.',
  'announce.line': '#{number} {when}{next} · „{preview}“',
  'announce.not-found': 'Ve vašich partnerstvích není oznámení číslo {number}.',
  'announce.not-scheduled': 'Oznámení #{number} už není naplánované.',
  'announce.cancelled': 'Oznámení #{number} je zrušené.',

  // Scheduler: reminders, waitlist moves, weekly digest (src/core/jobs).
  'reminder.offset':
    '{unit, select, days {{count, plural, one {# den} few {# dny} many {# dne} other {# dní}}} hours {{count, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodin}}} other {{count, plural, one {# minutu} few {# minuty} many {# minuty} other {# minut}}}}',
  'post.reminder':
    'Připomínka: „{title}“ (pořádá {host}) začíná za {unit, select, days {{count, plural, one {# den} few {# dny} many {# dne} other {# dní}}} hours {{count, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodin}}} other {{count, plural, one {# minutu} few {# minuty} many {# minuty} other {# minut}}}}.',
  'direct.reminder':
    '{answer, select, going {Přijdete na „{title}“} other {Na „{title}“ jste odpověděli „možná“}}: začíná za {unit, select, days {{count, plural, one {# den} few {# dny} many {# dne} other {# dní}}} hours {{count, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodin}}} other {{count, plural, one {# minutu} few {# minuty} many {# minuty} other {# minut}}}}.',
  'direct.waitlist-promoted':
    'Uvolnilo se místo: z čekací listiny jste se posunuli mezi přihlášené na „{title}“.',
  'digest.heading': 'Co chystá „{name}“ v příštích čtyřech týdnech (časy v pásmu {zone}):',
  'digest.line':
    '#{number} {when} · {title} · {host} · {seats, plural, one {# přihlášený} few {# přihlášení} many {# přihlášeného} other {# přihlášených}}',
  'digest.more':
    '…a {count, plural, one {# další akce} few {# další akce} many {# další akce} other {# dalších akcí}}: viz „{eventList}“.',
  'reminders.show':
    'Připomínky pro „{name}“ chodí {offsets} před každou akcí do propojených kanálů a soukromou zprávou všem, kdo odpověděli „přijdu“ nebo „možná“.',
  'reminders.show-off': 'Připomínky pro „{name}“ jsou vypnuté.',
  'reminders.replanned':
    '{events, plural, =0 {Žádné nadcházející akce se to netýká.} one {Připomínky # nadcházející akce jsou naplánované znovu.} few {Připomínky # nadcházejících akcí jsou naplánované znovu.} many {Připomínky # nadcházející akce jsou naplánované znovu.} other {Připomínky # nadcházejících akcí jsou naplánované znovu.}}',
  'reminders.replanning':
    'Připomínky {planned, plural, one {nejbližší akce} few {nejbližších # akcí} many {nejbližší # akce} other {nejbližších # akcí}} z {events} nadcházejících jsou naplánované znovu; ostatní budou do minuty.',
  'reminders.bad-offset':
    '„{offset}“ není čas připomínky. Napište číslo s d (dny), h (hodiny) nebo m (minuty), např. 7d,1d,1h, nebo „off“.',
  'reminders.out-of-range':
    '„{offset}“ je mimo rozsah: připomínky mohou chodit 5 minut až 8 týdnů před akcí.',
  'reminders.too-many': 'Nejvýše {max} časů připomínek na jedno partnerství.',
  'digest.show-on':
    'Týdenní přehled „{name}“ vychází jednou týdně (den: {day}, {hour}, {zone}) ve všech propojených kanálech; příště {next}. Týdny, kdy se nic nechystá, se vynechávají.',
  'digest.show-off':
    'Týdenní přehled „{name}“ je vypnutý. Zapnete ho příkazem: {partnerDigest} partnership:{number} day:monday hour:9',

  'profile.nothing-to-set': 'Zadejte, co nastavit: languages:… nebo interests:…',
  'profile.saved': 'Váš profil je uložený.',
  'profile.show': '{name} · {town} · {role}\nJazyky: {languages}\nZájmy: {interests}',

  'help.heading': 'Příkazy (volby pište jako name:value, hodnoty s mezerami dejte do uvozovek {quotes}):',
  'help.heading-slash': 'Příkazy (napište / a příkaz; na jednotlivé volby se Discord zeptá sám):',
  'help.footer': 'Více o jednom příkazu: {example}',
  'help.required': ' (povinné)',
  'help.coordinators-only': 'Jen pro koordinátory.',
  'help.examples': 'Příklady:',
  'help.unknown-command': 'Příkaz „{command}“ neexistuje. Napište „{help}“ pro seznam příkazů.',

  'privacy.export.heading': 'Vše, co o vás Twinbridge v této komunitě uchovává:',
  'privacy.export.profile': 'Profil: {name} · {town} · {role}',
  'privacy.export.languages': '  Jazyky: {languages}',
  'privacy.export.platform-language': '  Jazyk vaší platformy, jak ho naposledy poslala: {language}',
  'privacy.export.interests': '  Zájmy: {interests}',
  'privacy.export.account':
    '  Účet: uživatel {user} na {platform, select, DISCORD {Discordu} SLACK {Slacku} other {konzoli}} v komunitě „{community}“ ({communityId})',
  'privacy.export.answers': 'Vaše odpovědi na akce ({count}):',
  'privacy.export.answer':
    '  #{number} {title} · {when} · {status, select, GOING {přijdu} MAYBE {možná} WAITLISTED {na čekací listině} other {nepřijdu}}{guests, plural, =0 {} one { s # hostem} few { s # hosty} many { s # hosta} other { s # hosty}} · počítá se pro {town}',
  'privacy.export.waiting': 'Zprávy, které na vás čekají k odeslání ({count}):',
  'privacy.export.waiting-line': '  {kind} · k odeslání {when}',
  'privacy.export.audit': 'Záznamy v auditním logu od vás nebo o vás ({count}):',
  'privacy.export.audit-line':
    '  {when} · {action} · {target} {id} · {role, select, actor {provedli jste} other {týká se vás}}',
  'privacy.export.none': '  žádné',
  'privacy.export.footer': '„{profileForget}“ tyto údaje smaže.',
  'privacy.forget-preview':
    'Tím se smaže váš profil v této komunitě (jméno, id účtu, jazyky, zájmy) a stáhne se {messages, plural, one {# zpráva, která} few {# zprávy, které} many {# zprávy, které} other {# zpráv, které}} na vás čekají. {answers, plural, one {Vaše # odpověď zůstane} few {Vaše # odpovědi zůstanou} many {Vašich # odpovědi zůstane} other {Vašich # odpovědí zůstane}} v počtech akcí bez vašeho jména; místo na čekací listině se uvolní. Nelze to vrátit. Pokud chcete pokračovat: {profileForget} confirm:yes',
  'privacy.forget-last-coordinator':
    'Jste jediný koordinátor města {town}: nejdřív jmenujte dalšího ({townCoordinatorAdd} user:…) a pak spusťte {profileForget} znovu.',
  'privacy.forgotten':
    'Vaše údaje v této komunitě jsou smazané. {answers, plural, one {# odpověď zůstává} few {# odpovědi zůstávají} many {# odpovědi zůstává} other {# odpovědí zůstává}} v počtech akcí bez vašeho jména; {messages, plural, one {# čekající zpráva byla stažena} few {# čekající zprávy byly staženy} many {# čekající zprávy bylo staženo} other {# čekajících zpráv bylo staženo}}. Pokud bota budete používat znovu, začnete jako nový člen.',
  'relay.translation-from':
    '🌐 Strojový překlad {source, select, cs {z češtiny} de {z němčiny} en {z angličtiny} pl {z polštiny} sk {ze slovenštiny} fr {z francouzštiny} it {z italštiny} es {ze španělštiny} hu {z maďarštiny} uk {z ukrajinštiny} nl {z nizozemštiny} other {(původní jazyk: {sourceName})}}:',
  'relay.translation-unknown-source': '🌐 Strojový překlad:',
  'relay.file-too-large': 'soubor je příliš velký na zkopírování: {name} ({size})',
  'relay.file-unavailable': 'soubor se nepodařilo zkopírovat: {name}',
};
