/** Three towns in one partnership, the set-up of the partnership console tests. */

export const NAME = 'Oxford – Bonn – Krumlov';

// Oxford (English) starts the partnership; Bonn (German) joins and links a second channel;
// Český Krumlov (Czech) joins and hosts an exchange, which plans reminders for every channel.
export const SETUP = `
:community oxford
:channel twinning
:as alice
town register name:Oxford country:GB timezone:Europe/London language:en
partner invite name:"${NAME}" form:formal areas:culture
channel link partnership:1
:community bonn
:channel partnerstadt
:as bernd
town register name:Bonn country:DE timezone:Europe/Berlin language:de
partner join code:$invite
:channel neuigkeiten
channel link partnership:1
:community oxford
:channel twinning
:as alice
partner invite partnership:1
:community krumlov
:channel partneri
:as jana
town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs
partner join code:$invite
event create partnership:1 title:"Choir visit" kind:cultural-event start:"2027-05-01 18:00"
`;
