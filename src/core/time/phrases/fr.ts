/**
 * French time phrases: chrono's own French ("demain 18h", "vendredi prochain 9h30", "dans 3
 * jours", dates day first), plus two days it reads only in part ("après-demain" as "demain").
 */
import * as chrono from 'chrono-node';
import { dayParser, withNextWeek } from './phrase-parsers.ts';

export const french = withNextWeek(chrono.fr.casual, ['la semaine prochaine', 'semaine prochaine']);
french.parsers.push(dayParser({ 'après-demain': 2, 'après demain': 2, 'avant-hier': -2, 'avant hier': -2 }));
