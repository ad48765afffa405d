import type { Catalog } from '../translator.ts';

/**
 * French messages (vouvoiement). ICU MessageFormat syntax; French plurals use one/many/other
 * (one: 0 and 1; many: millions, « 1 000 000 de … »). Guillemets « … » with narrow no-break
 * spaces (U+202F), which also stand before ; ! ?, and a no-break space (U+00A0) before a colon.
 * Use ’ for the apostrophe: a straight one starts an ICU quote.
 */
export const fr: Catalog = {
  'command.empty': 'Tapez une commande, ou « {help} » pour les voir toutes.',
  'command.unknown': 'Je ne connais pas la commande « {words} ». Vouliez-vous dire : {suggestions} ?',
  'command.unclosed-quote': 'Il manque le guillemet fermant d’une valeur entre guillemets.',
  'command.duplicate-option': 'L’option « {option} » est donnée deux fois.',
  'command.unexpected-word': '« {word} » n’est pas une option. Les options s’écrivent name:value.',
  'command.usage': 'Utilisation : {usage}',
  'usage.text': '<texte>',
  'usage.number': '<nombre>',
  'usage.list': '<élément,…>',
  'usage.user': '<@utilisateur>',

  'validation.missing-option': 'L’option « {option} » est obligatoire.',
  'validation.unknown-option': 'Il n’y a pas d’option « {option} » ici. Options : {known}.',
  'validation.unknown-option-suggested':
    'Il n’y a pas d’option « {option} » ici. Vouliez-vous dire « {suggestion} » ? Options : {known}.',
  'validation.too-long':
    '« {option} » est trop long : {max, plural, one {# caractère} many {# de caractères} other {# caractères}} au maximum.',
  'validation.too-large': '« {option} » doit valoir au plus {max}.',
  'validation.too-small': '« {option} » doit valoir au moins {min}.',
  'validation.too-many-items':
    '« {option} » accepte au plus {max, plural, one {# élément} many {# d’éléments} other {# éléments}}.',
  'validation.item-too-long':
    'Un élément de « {option} » est trop long : chacun peut avoir au plus {max, plural, one {# caractère} many {# de caractères} other {# caractères}}.',
  'validation.empty': '« {option} » ne peut pas être vide.',
  'validation.not-a-choice': '« {option} » doit être l’une de ces valeurs : {choices}.',
  'validation.not-a-whole-number': '« {option} » doit être un nombre entier.',
  'validation.not-yes-no': '« {option} » doit valoir oui ou non.',
  'validation.invalid': 'Je ne sais pas lire la valeur de « {option} ».',
  'validation.line-break': '« {option} » doit tenir sur une ligne : supprimez le saut de ligne.',
  'validation.control-character':
    '« {option} » contient un caractère de contrôle invisible ({character}) qui ne peut être ni enregistré ni publié : supprimez-le.',
  'validation.unknown-language':
    '« {language} » n’est pas un code de langue que je connais. Utilisez des codes comme cs, de, en, pl.',

  'time.unparseable':
    'Je ne sais pas lire « {input} » comme une heure pour « {option} ». Essayez 2026-06-05 18:00, « demain 18:00 » ou « vendredi prochain 9:30 ».',
  'time.nonexistent':
    'L’heure {local} n’existe pas dans le fuseau {zone} : on avance alors les horloges. Choisissez une autre heure.',
  'time.ambiguous':
    'L’heure {local} existe deux fois dans le fuseau {zone} : on recule alors les horloges. Ajoutez le décalage (par ex. {local}+02:00) ou choisissez une autre heure.',
  'time.unknown-zone':
    '« {zone} » n’est pas un fuseau horaire que je connais. Utilisez des noms comme Europe/Paris ou America/Chicago.',
  'time.in-past': '{time} est déjà passé.',

  'error.unexpected':
    'Un problème est survenu de mon côté (réf. {ref}). Rien n’a été modifié ; les coordinateurs peuvent citer cette référence.',
  'mention.unknown-user': '@utilisateur inconnu',
  'mention.unknown-role': '@rôle inconnu',
  'mention.unknown-channel': '#salon inconnu',
  'error.unexpected-input':
    'Rien de ce que vous avez saisi n’a été enregistré. Le voici, pour réessayer plus tard : {input}',
  'error.database-unavailable':
    'La base de données est injoignable pour le moment, rien n’a donc été fait. Veuillez réessayer dans un instant.',
  'error.conflict':
    'Quelqu’un d’autre a modifié ceci au même moment. Rien n’a été modifié ; veuillez réessayer.',
  'error.gone':
    'Ce dont la commande avait besoin vient d’être supprimé par quelqu’un d’autre. Rien n’a été modifié ; vérifiez et réessayez.',
  'permission.coordinator-only': 'Seul un coordinateur de votre ville peut utiliser « {command} ».',
  'permission.community-admin-discord':
    '« {command} » nécessite la permission « Gérer le serveur » (ou « Administrateur ») sur ce serveur Discord. Demandez à un administrateur du serveur.',
  'permission.community-admin-slack':
    '« {command} » nécessite un administrateur ou propriétaire de cet espace de travail Slack, ou la personne qui y a installé Twinbridge. Demandez à l’une de ces personnes.',
  'permission.community-admin-console': '« {command} » nécessite un administrateur de cette communauté.',
  'access.community-not-allowed':
    'Twinbridge n’est pas activé pour ce serveur ou cet espace de travail. Demandez à l’opérateur de ce bot de l’autoriser.',

  'kind.delegation-visit': 'Visite de délégation',
  'kind.citizens-meeting': 'Rencontre citoyenne',
  'kind.youth-exchange': 'Échange de jeunes',
  'kind.school-exchange': 'Échange scolaire',
  'kind.study-visit': 'Visite d’étude',
  'kind.cultural-event': 'Événement culturel',
  'kind.sports-event': 'Événement sportif',
  'kind.online-meeting': 'Réunion en ligne',
  'kind.business-forum': 'Forum économique',

  'form.formal': 'Convention formelle',
  'form.joint-project': 'Projet commun',
  'form.informal': 'Informel',

  'status.proposed': 'Proposé',
  'status.active': 'Actif',
  'status.dormant': 'En sommeil',
  'status.ended': 'Terminé',

  'area.urban-development': 'développement urbain',
  'area.social-affairs': 'affaires sociales',
  'area.education': 'éducation',
  'area.environment': 'environnement',
  'area.tourism': 'tourisme',
  'area.local-government': 'administration locale',
  'area.economy': 'économie',
  'area.culture': 'culture',
  'area.sport': 'sport',
  'area.youth': 'jeunesse',

  'role.coordinator': 'coordinateur',
  'role.member': 'membre',

  'town.not-registered':
    'Cette communauté n’a pas encore de ville. Un administrateur du serveur ou de l’espace de travail commence par : {townRegister} name:… country:… timezone:… language:…',
  'town.already-registered': 'Cette communauté gère déjà la ville {town}.',
  'town.unknown-country':
    '« {country} » n’est pas un code de pays ISO 3166-1. Utilisez deux lettres, comme CZ, DE, AT, PL.',
  'town.registered':
    'Bienvenue, {town} ({country}) ! Les heures sont lues dans le fuseau {zone}, les messages sont en « {language} ». {user} est le premier coordinateur de la ville.',
  'town.info':
    '{town} ({country}) · fuseau horaire {zone} · langue {language}\nCoordinateurs : {coordinators}',
  'town.info-partnerships': 'Partenariats :',
  'town.info-no-partnerships': 'Pas encore de partenariat : lancez-en un avec « {partnerInvite} ».',

  'coordinator.added': '{user} est désormais coordinateur de {town}.',
  'coordinator.removed': '{user} n’est plus coordinateur de {town}.',
  'coordinator.already': '{user} est déjà coordinateur.',
  'coordinator.not-coordinator': '{user} n’est pas coordinateur de votre ville.',
  'coordinator.last': '{user} est le dernier coordinateur : nommez d’abord quelqu’un d’autre coordinateur.',

  'partner.not-found': 'Votre ville n’a pas de partenariat numéro {number}. Voir « {partnerList} ».',
  'partner.summary': 'n° {number} {name} : {towns} · {form} · {status}',
  'partner.invite-needs-name':
    'Donnez un nom au nouveau partenariat (name:…), ou invitez dans un partenariat existant avec partnership:… (son numéro).',
  'partner.invite-name-or-number':
    'Donnez soit name: pour un nouveau partenariat, soit partnership: pour un partenariat existant, pas les deux.',
  'partner.invite-created':
    'Partenariat n° {number} « {name} ». Code d’invitation : {code}\nTransmettez-le au coordinateur de la ville partenaire ; il lance « {partnerJoin} code:{code} » dans le salon qu’il veut partager. Le code sert une fois, jusqu’au {expires}.',
  'partner.ended': 'Le partenariat n° {number} a pris fin.',
  'partner.not-active':
    'Le partenariat n° {number} a le statut « {status} » : réactivez-le d’abord avec « {partnerEdit} ».',
  'partner.unknown-area': 'Domaines inconnus : {areas}. Domaines connus : {known}.',
  'partner.already-member': 'Votre ville fait déjà partie du partenariat n° {number} « {name} ».',
  'partner.joined':
    'Vous avez rejoint le partenariat n° {number} « {name} » ({towns}). Ce salon (#{channel}) reçoit désormais ses messages en « {language} ».',
  'partner.joined-post': '{town} ({country}) a rejoint le partenariat « {name} ». Bienvenue !',
  'partner.left':
    'Votre ville a quitté « {name} » ; {unlinked, plural, one {# salon a été délié} many {# de salons ont été déliés} other {# salons ont été déliés}}.',
  'partner.left-post': '{town} a quitté le partenariat « {name} ».',
  'partner.none': 'Votre ville n’a pas encore de partenariat. Lancez-en un avec « {partnerInvite} name:… ».',
  'partner.areas': 'Domaines : {areas}',
  'partner.agreement': 'Convention : {date} · {url}',
  'partner.channels': 'Salons liés :',
  'partner.no-channels': 'Pas encore de salon lié : lancez « {channelLink} » dans un salon.',
  'partner.bad-date': '« {date} » n’est pas une date. Écrivez-la sous la forme AAAA-MM-JJ.',
  'partner.bad-url': '« {url} » n’est pas un lien web (http ou https).',
  'partner.nothing-to-change':
    'Indiquez ce qu’il faut modifier : name, status, form, areas, agreement-date ou agreement-url.',
  'partner.updated': 'Partenariat mis à jour.',
  'partner.not-owner':
    'Seule {owner}, la ville qui détient les réglages communs du partenariat n° {number} « {name} », peut les modifier. Adressez-vous à ses coordinateurs, ou demandez-leur de confier les réglages à votre ville (« {partnerHandover} »).',
  'partner.changed-post': '{person} ({town}) a modifié le partenariat « {name} » :',
  'partner.change-line': '{setting} : {from} → {to}',
  'partner.setting.name': 'nom',
  'partner.setting.status': 'statut',
  'partner.setting.form': 'forme',
  'partner.setting.areas': 'domaines',
  'partner.setting.agreement-date': 'date de la convention',
  'partner.setting.agreement-url': 'lien vers la convention',
  'partner.setting.reminders': 'rappels',
  'partner.setting.digest': 'récapitulatif hebdomadaire',
  'partner.setting.owner': 'ville détenant les réglages communs',
  'partner.value-off': 'désactivé',
  'partner.invite-post':
    '{person} ({town}) a créé une invitation au partenariat « {name} » pour une ville de plus, valable jusqu’au {expires}. Une ville qui rejoint voit chaque échange et chaque salon lié.',
  'partner.handover-unknown-town':
    '« {town} » n’est pas une autre ville de « {name} ». Ses autres villes : {towns}.',
  'partner.handed-over': '{town} détient désormais les réglages communs de « {name} ».',
  'partner.left-effects':
    '{announcements, plural, one {# annonce programmée a été annulée} many {# d’annonces programmées ont été annulées} other {# annonces programmées ont été annulées}}, {invites, plural, one {# invitation inutilisée a été révoquée} many {# d’invitations inutilisées ont été révoquées} other {# invitations inutilisées ont été révoquées}} et {exchanges, plural, one {# événement à venir passe} many {# d’événements à venir passent} other {# événements à venir passent}} à {town}.',
  'partner.left-exchanges-post': 'Ses événements à venir sont désormais organisés par {town} : {exchanges}.',
  'partner.left-owner-post': '{town} détient désormais les réglages communs du partenariat.',
  'invite.throttled':
    'Trop de codes d’invitation invalides : réessayez dans {minutes} minutes, et vérifiez le code auprès du coordinateur qui l’a envoyé.',
  'invite.list': 'Invitations ouvertes de « {name} » :',
  'invite.line': '– {invite} : créée le {created} par {person} ({town}), valable jusqu’au {expires}',
  'invite.none': '« {name} » n’a aucune invitation ouverte.',
  'invite.not-found':
    'Le partenariat n° {number} n’a pas d’invitation ouverte « {invite} ». Voir « {partnerInvites} ».',
  'invite.revoke-not-allowed':
    'L’invitation {invite} a été créée par une autre ville : seule cette ville ou {owner}, qui détient les réglages communs, peut la révoquer.',
  'invite.revoked': 'L’invitation {invite} à « {name} » est révoquée : son code ne fonctionne plus.',
  'announce.not-own':
    'L’annonce n° {number} a été programmée par {town} : seule cette ville ou {owner}, qui détient les réglages communs du partenariat, peut l’annuler.',

  'invite.invalid':
    'Ce code d’invitation n’est pas valable. Vérifiez-le auprès du coordinateur qui l’a envoyé.',
  'invite.used': 'Ce code d’invitation a déjà servi. Demandez-en un nouveau.',
  'invite.expired': 'Ce code d’invitation a expiré le {expired}. Demandez-en un nouveau.',
  'invite.own-town':
    'Ce code invite une ville partenaire ; votre propre ville fait déjà partie du partenariat.',

  'channel.linked':
    'Ce salon (#{channel}) est désormais lié à « {name} » ; les messages y sont en « {language} ».',
  'channel.unlinked': 'Ce salon (#{channel}) ne reçoit plus les messages de « {name} ».',
  'channel.relay-on':
    'Les messages de #{channel} sont désormais relayés au sein de « {name} » : {others, plural, =0 {aucun salon partenaire ne relaie encore ; cela commence dès que l’un d’eux active le relais} one {vers et depuis # salon partenaire} many {vers et depuis # de salons partenaires} other {vers et depuis # salons partenaires}}.',
  'channel.relay-off': 'Les messages de #{channel} ne sont plus relayés au sein de « {name} ».',
  'channel.relay-unreadable-discord':
    'Les copies des salons partenaires arriveront ici, mais ce que les membres écrivent ici n’est pas encore relayé : l’opérateur du bot doit activer l’intent Message Content dans le Discord Developer Portal et définir DISCORD_MESSAGE_CONTENT=on.',
  'channel.relay-unreadable-slack':
    'Les copies des salons partenaires arriveront ici, mais ce que les membres écrivent ici n’est pas encore relayé : l’opérateur du bot doit réinstaller l’application avec les autorisations {scopes} (et les événements message.channels et message.groups).',
  'channel.already-linked':
    'Ce salon (#{channel}) est déjà lié à « {name} », avec des messages en « {language} ». Pour une autre langue : {change}',
  'channel.language-changed':
    'Les messages de « {name} » dans ce salon (#{channel}) arrivent désormais en « {language} » (avant : « {previous} »).',
  'channel.not-linked': 'Ce salon (#{channel}) n’est pas lié à « {name} ».',
  'channel.restored':
    'Ce salon (#{channel}) reçoit de nouveau les messages de « {name} », en « {language} » ; les messages abandonnés pendant la panne ne sont pas renvoyés.',
  'channel.cannot-post':
    'Je ne peux pas publier dans #{channel} : {reason}. Accordez-moi ces permissions dans ce salon (ou lancez la commande dans un autre salon), puis réessayez.',
  'channel.not-member':
    'Je ne suis pas membre de #{channel}, je n’ai donc pas pu y publier. Ajoutez-moi avec {fix} dans ce salon, puis réessayez.',
  'channel.missing-permissions': 'il manque les permissions {permissions}',
  'permission.discord.view-channel': '« Voir les salons »',
  'permission.discord.send-messages': '« Envoyer des messages »',
  'permission.discord.send-messages-in-threads': '« Envoyer des messages dans les fils »',
  'permission.discord.embed-links': '« Intégrer des liens »',
  'channel.broken': 'le bot ne peut pas publier ici : {reason}',

  'event.not-found': 'Il n’y a pas d’événement numéro {number} dans vos partenariats. Voir « {eventList} ».',
  'event.not-host':
    'L’événement n° {number} « {title} » est organisé par une autre ville : seuls ses coordinateurs peuvent le modifier.',
  'event.start-in-past': 'Le début ({start}) est déjà passé.',
  'event.end-before-start': 'La fin ({end}) doit venir après le début ({start}).',
  'event.created':
    'Événement n° {number} créé et annoncé dans {channels, plural, one {# salon} many {# de salons} other {# salons}}.',
  'event.too-many':
    'Le partenariat n° {number} a déjà {max, plural, one {# événement à venir} many {# d’événements à venir} other {# événements à venir}}, le maximum autorisé. Annulez-en un, ou attendez qu’un événement ait eu lieu.',
  'event.updated':
    'Événement n° {number} mis à jour ; la modification a été publiée dans {channels, plural, one {# salon} many {# de salons} other {# salons}}.',
  'event.cancelled': 'L’événement n° {number} est annulé.',
  'event.cancelled-done':
    'L’événement n° {number} « {title} » est annulé ; {channels, plural, one {# salon a été prévenu} many {# de salons ont été prévenus} other {# salons ont été prévenus}}.',
  'event.limit-below-taken':
    'L’événement n° {number} a déjà {taken, plural, one {# place prise} many {# de places prises} other {# places prises}}, sa limite ne peut donc pas être inférieure à {taken}. Demandez d’abord aux participants de modifier leur réponse.',
  'event.nothing-to-change':
    'Indiquez ce qu’il faut modifier : title, kind, start, end, location, capacity ou description.',
  'event.none': 'Aucun événement à venir. Les coordinateurs en créent avec « {eventCreate} ».',
  'event.list-heading': 'Événements à venir (heures du fuseau {zone}) :',
  'event.info-heading': 'Partenariat : {name}',

  'rsvp.going':
    'Vous participez à « {title} »{guests, plural, =0 {} one { avec # invité} many { avec # d’invités} other { avec # invités}}.',
  'rsvp.waitlisted':
    '« {title} » est complet : vous êtes numéro {position} sur la liste d’attente et montez dès qu’une place se libère.',
  'rsvp.maybe': 'C’est noté : peut-être pour « {title} ».',
  'rsvp.not-going': 'C’est noté : vous ne participez pas à « {title} ».',
  'rsvp.party-too-large':
    'Cet événement compte {capacity, plural, one {# place} many {# de places} other {# places}} au total, invités compris : {guests, plural, =0 {vous ne pouvez pas venir avec des invités} one {vous pouvez venir avec # invité au plus} many {vous pouvez venir avec # d’invités au plus} other {vous pouvez venir avec # invités au plus}}.',
  'rsvp.does-not-fit':
    'Pas assez de places pour vous et vos invités : {free, plural, one {il ne reste de la place que pour # invité} many {il ne reste de la place que pour # d’invités} other {il ne reste de la place que pour # invités}}.',
  'rsvp.event-over': 'L’événement n° {number} est terminé.',

  'attendees.heading': 'Participation à l’événement n° {number} « {title} » :',
  'attendees.town-row':
    '  {town} ({country}) : {going} participent · {maybe} peut-être · {waiting} en attente',
  'attendees.by-country': 'Participants par pays : {countries}',
  'attendees.totals': 'Total des participants : {total}, dont {international} des villes invitées.',

  'card.status': 'Statut',
  'card.cancelled': 'Annulé',
  'card.host': 'Organisateur',
  'card.kind': 'Type',
  'card.place': 'Lieu',
  'card.host-time': 'Heure locale chez l’organisateur',
  'card.places': 'Places',
  'card.places-unlimited': '{seats} inscrits, sans limite',
  'card.places-limited':
    '{seats} sur {capacity} prises{waiting, plural, =0 {} one {, # en attente} many {, # en attente} other {, # en attente}}',
  'card.going-per-town': 'Participants par ville',
  'card.maybe': 'Peut-être',
  'card.button-going': 'Je viens',
  'card.button-maybe': 'Peut-être',
  'card.button-no': 'Je ne viens pas',

  'post.exchange.created': 'Nouvel événement organisé par {host} :',
  'post.exchange.updated': 'Événement modifié par {host} :',
  'post.exchange.cancelled': 'Annulé par {host} : « {title} ». {reason}',

  'notice.delivery-failed':
    'Je n’ai pas pu publier dans #{channel} pour « {partnership} » après {attempts, plural, one {# tentative} many {# de tentatives} other {# tentatives}} et j’ai abandonné : {reason}\nLe message commençait par : « {excerpt} »',
  'notice.channel-broken':
    'Je ne peux plus publier dans #{channel} pour « {partnership} » : {reason}\nLe lien du salon est marqué comme rompu et ne reçoit plus de messages ; {abandoned, plural, =0 {aucun autre message n’attendait} one {# message en attente a été abandonné} many {# de messages en attente ont été abandonnés} other {# messages en attente ont été abandonnés}}. Dès que le bot pourra de nouveau y publier, lancez « {channelLink} » dans ce salon.',
  'notice.direct-failed':
    'Je n’ai pas pu envoyer de message privé à {member} après {attempts, plural, one {# tentative} many {# de tentatives} other {# tentatives}} : {reason}\nIl commençait par : « {excerpt} »',

  'announce.sent':
    'L’annonce n° {number} part vers {channels, plural, one {# salon} many {# de salons} other {# salons}}.',
  'announce.no-channels':
    'Le partenariat n° {number} n’a aucun salon lié où publier : lancez d’abord « {channelLink} ».',
  'announce.at-or-cron': 'Donnez soit at: (une fois), soit cron: (répétée).',
  'announce.bad-cron-fields':
    '« {cron} » a {count, plural, one {# champ} many {# de champs} other {# champs}} ; une expression cron en a cinq (minute, heure, jour, mois, jour de la semaine), par ex. « 0 9 * * 1 ».',
  'announce.bad-cron-field':
    'Dans « {cron} », {field, select, minute {la minute} hour {l’heure} day {le jour du mois} month {le mois} other {le jour de la semaine}} « {value} » n’est pas valable : utilisez un nombre de {min} à {max}, une liste (1,15), un intervalle (1-5), un pas (*/15) ou *.',
  'announce.cron-never': '« {cron} » ne se produit jamais.',
  'announce.too-often':
    '« {cron} » revient trop souvent : deux de ses occurrences ne sont séparées que de {gap, plural, one {# minute} many {# de minutes} other {# minutes}}. Une annonce récurrente peut revenir au plus une fois toutes les {minimum, plural, one {# minute} many {# de minutes} other {# minutes}}.',
  'announce.too-many-scheduled':
    'Le partenariat n° {number} a déjà {max, plural, one {# annonce programmée} many {# d’annonces programmées} other {# annonces programmées}}, le maximum autorisé. Annulez-en une ({announceCancel}) avant d’en programmer une autre.',
  'announce.daily-limit':
    'Le partenariat n° {number} a déjà envoyé {max, plural, one {# annonce ponctuelle} many {# d’annonces ponctuelles} other {# annonces ponctuelles}} ces dernières 24 heures, le maximum autorisé. Veuillez réessayer plus tard.',
  'announce.scheduled': 'L’annonce n° {number} pour « {name} » est programmée ; prochaine fois : {next}.',
  'announce.recurring': 'se répète selon « {cron} » ({zone})',
  'announce.next': ', prochaine fois {next}',
  'announce.none': 'Aucune annonce programmée.',
  'announce.line': 'n° {number} {when}{next} · « {preview} »',
  'announce.not-found': 'Il n’y a pas d’annonce numéro {number} dans vos partenariats.',
  'announce.not-scheduled': 'L’annonce n° {number} n’est plus programmée.',
  'announce.cancelled': 'L’annonce n° {number} est annulée.',

  // Scheduler: reminders, waitlist moves, weekly digest (src/core/jobs).
  'reminder.offset':
    '{unit, select, days {{count, plural, one {# jour} many {# de jours} other {# jours}}} hours {{count, plural, one {# heure} many {# d’heures} other {# heures}}} other {{count, plural, one {# minute} many {# de minutes} other {# minutes}}}}',
  'post.reminder':
    'Rappel : « {title} », organisé par {host}, commence dans {unit, select, days {{count, plural, one {# jour} many {# de jours} other {# jours}}} hours {{count, plural, one {# heure} many {# d’heures} other {# heures}}} other {{count, plural, one {# minute} many {# de minutes} other {# minutes}}}}.',
  'direct.reminder':
    '{answer, select, going {Vous participez à « {title} »} other {Vous avez répondu peut-être pour « {title} »}} : début dans {unit, select, days {{count, plural, one {# jour} many {# de jours} other {# jours}}} hours {{count, plural, one {# heure} many {# d’heures} other {# heures}}} other {{count, plural, one {# minute} many {# de minutes} other {# minutes}}}}.',
  'direct.waitlist-promoted':
    'Une place s’est libérée : vous quittez la liste d’attente et participez désormais à « {title} ».',
  'digest.heading': 'À venir dans « {name} » ces quatre prochaines semaines (heures du fuseau {zone}) :',
  'digest.line':
    'n° {number} {when} · {title} · {host} · {seats, plural, one {# participant} many {# de participants} other {# participants}}',
  'digest.more':
    '…et {count, plural, one {# autre événement} many {# d’autres événements} other {# autres événements}} : voir « {eventList} ».',
  'reminders.show':
    'Les rappels de « {name} » partent {offsets} avant chaque événement, dans ses salons liés et par message privé à toutes les personnes qui ont répondu oui ou peut-être.',
  'reminders.show-off': 'Les rappels de « {name} » sont désactivés.',
  'reminders.replanned':
    '{events, plural, =0 {Aucun événement à venir n’est concerné.} one {Les rappels de # événement à venir ont été reprogrammés.} many {Les rappels de # d’événements à venir ont été reprogrammés.} other {Les rappels de # événements à venir ont été reprogrammés.}}',
  'reminders.replanning':
    'Les rappels {planned, plural, one {du prochain événement} many {des # de prochains événements} other {des # prochains événements}} sur {events} à venir ont été reprogrammés ; les autres suivent dans la minute.',
  'reminders.bad-offset':
    '« {offset} » n’est pas un délai de rappel. Écrivez un nombre suivi de d (jours), h (heures) ou m (minutes), par ex. 7d,1d,1h, ou « off ».',
  'reminders.out-of-range':
    '« {offset} » est hors limites : les rappels partent entre 5 minutes et 8 semaines avant un événement.',
  'reminders.too-many': 'Au plus {max} délais de rappel par partenariat.',
  'digest.show-on':
    'Le récapitulatif hebdomadaire de « {name} » est publié chaque semaine (jour : {day}, {hour}, {zone}) dans chaque salon lié ; prochain le {next}. Les semaines sans rien à venir sont sautées.',
  'digest.show-off':
    'Le récapitulatif hebdomadaire de « {name} » est désactivé. Activez-le avec : {partnerDigest} partnership:{number} day:monday hour:9',

  'profile.nothing-to-set': 'Indiquez quoi enregistrer : languages:… ou interests:…',
  'profile.saved': 'Votre profil est enregistré.',
  'profile.show': '{name} · {town} · {role}\nLangues : {languages}\nCentres d’intérêt : {interests}',

  'help.heading':
    'Commandes (écrivez les options sous la forme name:value, mettez entre guillemets les valeurs avec des espaces : {quotes}) :',
  'help.heading-slash': 'Commandes (tapez / et la commande ; Discord demande chaque option) :',
  'help.footer': 'Plus de détails sur une commande : {example}',
  'help.required': ' (obligatoire)',
  'help.coordinators-only': 'Réservé aux coordinateurs.',
  'help.examples': 'Exemples :',
  'help.unknown-command': 'Il n’y a pas de commande « {command} ». Tapez « {help} » pour la liste.',

  'privacy.export.heading': 'Tout ce que Twinbridge conserve à votre sujet dans cette communauté :',
  'privacy.export.profile': 'Profil : {name} · {town} · {role}',
  'privacy.export.languages': '  Langues : {languages}',
  'privacy.export.platform-language':
    '  Langue de votre plateforme, telle que transmise en dernier : {language}',
  'privacy.export.interests': '  Centres d’intérêt : {interests}',
  'privacy.export.account':
    '  Compte : utilisateur {user} {platform, select, DISCORD {sur Discord} SLACK {sur Slack} other {de la console}} dans « {community} » ({communityId})',
  'privacy.export.answers': 'Vos réponses aux événements ({count}) :',
  'privacy.export.answer':
    '  n° {number} {title} · {when} · {status, select, GOING {je viens} MAYBE {peut-être} WAITLISTED {sur liste d’attente} other {je ne viens pas}}{guests, plural, =0 {} one { avec # invité} many { avec # d’invités} other { avec # invités}} · compté pour {town}',
  'privacy.export.waiting': 'Messages en attente d’envoi pour vous ({count}) :',
  'privacy.export.waiting-line': '  {kind} · prévu {when}',
  'privacy.export.audit': 'Entrées du journal d’audit faites par vous ou vous concernant ({count}) :',
  'privacy.export.audit-line':
    '  {when} · {action} · {target} {id} · {role, select, actor {par vous} other {vous concernant}}',
  'privacy.export.none': '  aucune',
  'privacy.export.footer': '« {profileForget} » supprime ces données.',
  'privacy.forget-preview':
    'Cela supprime votre profil dans cette communauté (nom, identifiant de compte, langues, centres d’intérêt) et retire {messages, plural, one {# message qui vous attendait} many {# de messages qui vous attendaient} other {# messages qui vous attendaient}}. {answers, plural, one {Votre # réponse reste} many {Vos # de réponses restent} other {Vos # réponses restent}} dans les totaux des événements, sans votre nom ; une place sur liste d’attente est abandonnée. C’est irréversible. Pour continuer : {profileForget} confirm:yes',
  'privacy.forget-last-coordinator':
    'Vous êtes le seul coordinateur de {town} : nommez-en d’abord un autre ({townCoordinatorAdd} user:…), puis relancez {profileForget}.',
  'privacy.forgotten':
    'Vos données dans cette communauté sont supprimées. {answers, plural, one {# réponse reste} many {# de réponses restent} other {# réponses restent}} dans les totaux des événements, sans votre nom ; {messages, plural, one {# message en attente a été retiré} many {# de messages en attente ont été retirés} other {# messages en attente ont été retirés}}. Si vous utilisez de nouveau le bot ici, vous repartez comme nouveau membre.',
  'relay.translation-from':
    '🌐 Traduction automatique {source, select, fr {du français} cs {du tchèque} de {de l’allemand} en {de l’anglais} pl {du polonais} sk {du slovaque} it {de l’italien} es {de l’espagnol} hu {du hongrois} uk {de l’ukrainien} nl {du néerlandais} other {(langue d’origine : {sourceName})}} :',
  'relay.translation-unknown-source': '🌐 Traduction automatique :',
  'relay.file-too-large': 'fichier trop volumineux pour être copié : {name} ({size})',
  'relay.file-unavailable': 'le fichier n’a pas pu être copié : {name}',
};
