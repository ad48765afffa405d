/**
 * The simulated Europe of bench/scale.ts, seeded in SQL (INSERT … SELECT generate_series): towns
 * with real-looking names in fourteen countries and their Europe/* zones, one Discord guild or
 * Slack workspace each (the schema holds one town per community: Town.communityId is unique),
 * partnerships of two or three towns, one linked channel per town and partnership (relay
 * off), upcoming exchanges so that every digest has content, and delivery history.
 */
import pg from 'pg';

export interface WorldSize {
  towns: number;
  /** 2 per town, of two towns or (every other one) three: every town is in about five. */
  partnerships: number;
  /** 5 per town: one channel per town and partnership (one in four in English, the others in the town's language). */
  links: number;
  history: number;
}

export function worldSize(scale: number): WorldSize {
  const towns = Math.max(30, Math.round(20_000 * scale));
  return { towns, partnerships: 2 * towns, links: 5 * towns, history: 50 * towns };
}

/** country, zone, language (one of the six the bot speaks, else English), name stems and endings. */
const COUNTRIES: [string, string, string, string[], string[]][] = [
  [
    'DE',
    'Europe/Berlin',
    'de',
    ['Neu', 'Alt', 'Ober', 'Unter', 'Hohen', 'Kirch', 'Wald', 'Rosen', 'Linden', 'Eichen'],
    ['dorf', 'stadt', 'berg', 'hausen', 'heim', 'feld', 'bach', 'burg', 'au', 'ingen'],
  ],
  [
    'AT',
    'Europe/Vienna',
    'de',
    ['Hof', 'Bruck', 'Stein', 'Ried', 'Lang', 'Hall', 'Gmünd', 'Mauer', 'Pött', 'Weiß'],
    ['kirchen', 'brunn', 'wang', 'ach', 'hofen', 'leiten', 'see', 'tal', 'zell', 'bach'],
  ],
  [
    'FR',
    'Europe/Paris',
    'fr',
    ['Mont', 'Beau', 'Ville', 'Roche', 'Font', 'Belle', 'Clair', 'Champ', 'Bois', 'Val'],
    ['ville', 'mont', 'bourg', 'court', 'fort', 'lieu', 'val', 'pré', 'champ', 'roc'],
  ],
  [
    'BE',
    'Europe/Brussels',
    'fr',
    ['Wa', 'Be', 'Ha', 'Ma', 'Lo', 'Chi', 'Flo', 'Go', 'Ju', 'Vi'],
    ['vre', 'lle', 'lmédy', 'rmes', 'nnes', 'mont', 'ville', 'dinne', 'zée', 'sart'],
  ],
  [
    'CZ',
    'Europe/Prague',
    'cs',
    ['Bystr', 'Lib', 'Kam', 'Hrad', 'Pod', 'Měl', 'Brand', 'Dob', 'Vys', 'Strak'],
    ['ice', 'ov', 'any', 'ec', 'ín', 'nice', 'ná', 'ou', 'ště', 'oves'],
  ],
  [
    'SK',
    'Europe/Bratislava',
    'sk',
    ['Nitr', 'Trn', 'Zvol', 'Lev', 'Svid', 'Mich', 'Bard', 'Pez', 'Sen', 'Mal'],
    ['a', 'ava', 'en', 'ice', 'ník', 'ovce', 'any', 'ok', 'ín', 'ec'],
  ],
  [
    'PL',
    'Europe/Warsaw',
    'pl',
    ['Bia', 'Gór', 'Kro', 'Lub', 'Now', 'Sta', 'Wol', 'Zie', 'Ostr', 'Brzez'],
    ['owo', 'ów', 'ice', 'no', 'in', 'ka', 'sko', 'awa', 'ec', 'ny'],
  ],
  [
    'GB',
    'Europe/London',
    'en',
    ['Ash', 'Brad', 'Chester', 'Dun', 'Kings', 'Lang', 'Mill', 'North', 'Oak', 'Wex'],
    ['ford', 'ton', 'bury', 'ham', 'ley', 'field', 'wick', 'by', 'stead', 'combe'],
  ],
  [
    'IE',
    'Europe/Dublin',
    'en',
    ['Bally', 'Kil', 'Dun', 'Clon', 'Carrick', 'Ard', 'Lis', 'Rath', 'Tully', 'Inish'],
    ['more', 'kenny', 'dare', 'beg', 'garvan', 'rush', 'mallow', 'keel', 'ross', 'lough'],
  ],
  [
    'PT',
    'Europe/Lisbon',
    'en',
    ['Vila ', 'São ', 'Santa ', 'Porto ', 'Castelo ', 'Monte ', 'Torre ', 'Ponte ', 'Alto ', 'Vale '],
    ['Real', 'Verde', 'Novo', 'Branco', 'da Serra', 'do Mar', 'Velho', 'de Lima', 'Alegre', 'Formoso'],
  ],
  [
    'IT',
    'Europe/Rome',
    'en',
    ['Castel', 'Monte', 'Villa', 'Borgo', 'Sasso', 'Porto', 'Rocca', 'Fonte', 'Colle', 'Pieve'],
    ['franco', 'nuovo', 'rotondo', 'vecchio', 'fiorito', 'lungo', 'alto', 'bello', 'secco', 'verde'],
  ],
  [
    'FI',
    'Europe/Helsinki',
    'en',
    ['Kuo', 'Jär', 'Hämeen', 'Lahti', 'Kauha', 'Sava', 'Vaa', 'Rauma', 'Kemi', 'Oulu'],
    ['pio', 'venpää', 'linna', 'järvi', 'joki', 'lahti', 'saari', 'niemi', 'koski', 'mäki'],
  ],
  [
    'GR',
    'Europe/Athens',
    'en',
    ['Kala', 'Neo', 'Palaio', 'Agia', 'Kato', 'Ano', 'Megalo', 'Mikro', 'Lefko', 'Pyr'],
    ['chori', 'kastro', 'polis', 'vrisi', 'limani', 'gos', 'pirgos', 'thea', 'nisi', 'lakkos'],
  ],
  [
    'RO',
    'Europe/Bucharest',
    'en',
    ['Baia', 'Câmpu', 'Sighi', 'Turnu', 'Vatra', 'Piatra', 'Târgu', 'Râmnicu', 'Curtea', 'Valea'],
    [' Mare', ' Nouă', ' Veche', ' Sărat', 'șoara', ' Lung', ' de Sus', ' de Jos', 'ța', ' Neamț'],
  ],
];

const TITLES = [
  'Christmas market visit',
  'Youth football tournament',
  'Choir exchange',
  'Mayors’ meeting',
  'School partnership week',
  'Fire brigade open day',
  'Wine festival',
  'Online planning call',
  'Cycling tour between the towns',
  'Business forum',
  'Photo exhibition',
  'Language café',
];
const KINDS = [
  'DELEGATION_VISIT',
  'CITIZENS_MEETING',
  'YOUTH_EXCHANGE',
  'SCHOOL_EXCHANGE',
  'CULTURAL_EVENT',
  'SPORTS_EVENT',
  'ONLINE_MEETING',
  'BUSINESS_FORUM',
];

const lit = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
const uuid = (prefix: string, n: string) => `md5('${prefix}' || ${n})::uuid::text`;

/**
 * Seeds the world; `monday` is the digests' Monday (00:00 UTC of that day). Returns the seconds
 * each table took. Every Discord community is a guild, every Slack one a workspace; 3 in 5 towns
 * are on Discord.
 */
export async function seedWorld(url: string, size: WorldSize, monday: Date): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { towns: N, partnerships: P, links: L, history: H } = size;
  const day = monday.toISOString().slice(0, 10);
  const countries = COUNTRIES.map(
    ([code, zone, language, stems, ends], i) =>
      `(${i}, '${code}', '${zone}', '${language}', ${lit(stems)}, ${lit(ends)})`,
  ).join(',\n');
  const steps: [string, string][] = [
    [
      'Country',
      `CREATE TEMP TABLE country(idx int, code text, zone text, language text, stems text[], ends text[]);
      INSERT INTO country VALUES ${countries}`,
    ],
    [
      'Community',
      `INSERT INTO "Community" (id, platform, "externalId", name)
      SELECT ${uuid('c', 'i')}, CASE WHEN i % 5 < 3 THEN 'DISCORD' ELSE 'SLACK' END::"Platform",
        CASE WHEN i % 5 < 3 THEN (1000000000000000000 + i::bigint * 7919)::text ELSE 'T' || lpad(upper(to_hex(i * 40503)), 10, '0') END,
        'Twinning ' || i FROM generate_series(1, ${N}) i`,
    ],
    [
      'Town',
      `INSERT INTO "Town" (id, name, country, "timeZone", language, "communityId")
      SELECT ${uuid('t', 'i')}, c.stems[1 + (i / ${COUNTRIES.length}) % 10] || c.ends[1 + (i / ${COUNTRIES.length * 10}) % 10],
        c.code, c.zone, c.language, ${uuid('c', 'i')}
      FROM generate_series(1, ${N}) i JOIN country c ON c.idx = i % ${COUNTRIES.length};
      UPDATE "Community" co SET name = t.name FROM "Town" t WHERE t."communityId" = co.id`,
    ],
    // Towns a, b (and c for even p), a third of the map apart: partners in other countries mostly.
    [
      'Partnership',
      `CREATE TEMP TABLE pair AS SELECT p, ((p - 1) % ${N}) + 1 AS a,
        ((p - 1) % ${N} + ${Math.floor(N / 3) + 1} + (p - 1) / ${N}) % ${N} + 1 AS b,
        CASE WHEN p % 2 = 0 THEN ((p - 1) % ${N} + ${Math.floor((2 * N) / 3) + 3}) % ${N} + 1 END AS c
      FROM generate_series(1, ${P}) p;
      INSERT INTO "Partnership" (id, number, name, form, status, areas, "digestTimeZone", "digestNextRunAt", "ownerTownId", "updatedAt")
      SELECT ${uuid('p', 'p')}, p, ta.name || ' – ' || tb.name,
        (ARRAY['FORMAL','JOINT_PROJECT','INFORMAL'])[1 + p % 3]::"PartnershipForm", 'ACTIVE', ARRAY['culture','youth'],
        ta."timeZone", (timestamp '${day} 09:00' AT TIME ZONE ta."timeZone") AT TIME ZONE 'UTC', ta.id, now()
      FROM pair JOIN "Town" ta ON ta.id = ${uuid('t', 'a')} JOIN "Town" tb ON tb.id = ${uuid('t', 'b')};
      SELECT setval(pg_get_serial_sequence('"Partnership"', 'number'), ${P})`,
    ],
    [
      'PartnershipTown',
      `CREATE TEMP TABLE membership AS
      SELECT row_number() OVER (ORDER BY p, t) AS r, p, t FROM (
        SELECT p, a AS t FROM pair UNION ALL SELECT p, b FROM pair UNION ALL SELECT p, c FROM pair WHERE c IS NOT NULL) m;
      INSERT INTO "PartnershipTown" ("partnershipId", "townId") SELECT ${uuid('p', 'p')}, ${uuid('t', 't')} FROM membership`,
    ],
    [
      'ChannelLink',
      `INSERT INTO "ChannelLink" (id, "partnershipId", "townId", "communityId", "channelId", "channelName", language)
      SELECT ${uuid('l', 'k')}, ${uuid('p', 'p')}, ${uuid('t', 't')}, ${uuid('c', 't')},
        CASE WHEN t % 5 < 3 THEN (1100000000000000000 + k::bigint)::text ELSE 'C' || lpad(upper(to_hex(k)), 10, '0') END,
        'partners-' || p, CASE WHEN k % 4 = 0 THEN 'en' ELSE t0.language END
      FROM (SELECT r AS k, p, t FROM membership) links
      JOIN "Town" t0 ON t0.id = ${uuid('t', 't')}`,
    ],
    // Two upcoming exchanges per partnership, within the digest's four weeks.
    [
      'Exchange',
      `INSERT INTO "Exchange" (id, number, "partnershipId", "hostTownId", kind, title, "startsAt", "endsAt", "timeZone", "createdById", "updatedAt")
      SELECT ${uuid('e', 'n')}, n, ${uuid('p', 'p')}, ${uuid('t', 'CASE WHEN j = 0 THEN a ELSE b END')},
        (${lit(KINDS)})[1 + n % ${KINDS.length}]::"ExchangeKind", (${lit(TITLES)})[1 + n % ${TITLES.length}],
        s, s + interval '3 hours', 'Europe/Berlin', 'seed', now()
      FROM (SELECT (p - 1) * 2 + j + 1 AS n, p, j, a, b,
              timestamp '${day} 09:00' + (1 + (p * 37 + j * 101) % 26) * interval '1 day' + (8 + p % 10) * interval '1 hour' AS s
            FROM pair, generate_series(0, 1) j) x;
      SELECT setval(pg_get_serial_sequence('"Exchange"', 'number'), ${2 * P})`,
    ],
    // A year of history: past digests, announcements, reminders and card edits sent, withdrawn
    // posts, and one in twenty a reminder still to come this month.
    [
      'Delivery',
      `INSERT INTO "Delivery" (id, "dedupeKey", kind, "sourceId", "channelLinkId", payload, "dueAt", status, attempts,
        "platformMessageId", "editsMessageId", "sentAt", "createdAt", "updatedAt")
      SELECT ${uuid('d', 'h')}, 'history:' || h, kind, 'history-' || (h % 5000), ${uuid('l', `(1 + h % ${L})`)},
        jsonb_build_object('text', 'Partnership news no. ' || h), due, status::"DeliveryStatus", 1,
        CASE WHEN status = 'SENT' THEN 'm' || h END, CASE WHEN kind = 'exchange.card-redraw' THEN 'm' || (h - 1) END,
        CASE WHEN status = 'SENT' THEN due + interval '2 seconds' END, due - interval '1 hour', due
      FROM (SELECT h, (ARRAY['digest','digest','digest','digest','digest','digest','digest','digest',
                             'announcement','announcement','announcement','announcement','announcement',
                             'reminder','reminder','reminder','exchange.card-redraw','exchange.card-redraw',
                             'announcement','reminder'])[1 + h % 20] AS kind,
              CASE WHEN h % 20 = 18 THEN 'DROPPED' WHEN h % 20 = 19 THEN 'PENDING' ELSE 'SENT' END AS status,
              CASE WHEN h % 20 = 19 THEN timestamp '${day} 09:00' + (1 + h % 27) * interval '1 day'
                   ELSE timestamp '${day} 09:00' - (1 + h % 364) * interval '1 day' - (h % 600) * interval '1 minute' END AS due
            FROM generate_series(1, ${H}) h) x`,
    ],
    ['ANALYZE', 'ANALYZE'],
  ];
  const seconds: Record<string, number> = {};
  try {
    for (const [table, sql] of steps) {
      const started = performance.now();
      await db.query(sql);
      seconds[table] = (performance.now() - started) / 1_000;
    }
  } finally {
    await db.end();
  }
  return seconds;
}

/** Counts per table, to check the seed made what it says. */
export async function countWorld(url: string): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of [
      'Community',
      'Town',
      'Partnership',
      'PartnershipTown',
      'ChannelLink',
      'Exchange',
      'Delivery',
    ]) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(rows[0]?.n);
    }
    return counts;
  } finally {
    await db.end();
  }
}
