/// The commands typed in a session. Any line that does not start with `/` answers the
/// current question.
public enum CommandName: String, CaseIterable, Sendable {
    case aide, sections, aller, retour, passer, revoir, modifier, historique, annuler, refaire, participant, source, retirer, deplacer,
        synthese, importer, confirmer, plan, verifier, exporter, reunion, reunions, voix, prioriser, priorites, scenario,
        partager, fusionner, quitter
}

public struct CommandSpec: Sendable {
    public var name: CommandName
    /// The name as shown, with its accents (`/synthèse`); typing it without accents works too.
    public var spelling: String
    public var argument: String?
    public var argumentRequired: Bool
    public var summary: String
    public var details: String

    public var usage: String { "/\(spelling)" + (argument.map { " \($0)" } ?? "") }
}

public enum CommandCatalog {
    public static let all: [CommandSpec] = [
        CommandSpec(
            name: .aide, spelling: "aide", argument: "[COMMANDE]", argumentRequired: false,
            summary: "liste les commandes, ou explique l'une d'elles",
            details:
                "Sans argument, liste les commandes. « /aide modifier » explique /modifier. Toute ligne qui ne commence pas par « / » répond à la question posée."
        ),
        CommandSpec(
            name: .sections, spelling: "sections", argument: nil, argumentRequired: false,
            summary: "montre l'avancement de chaque section",
            details: "Pour chaque section : questions répondues, passées et restantes."),
        CommandSpec(
            name: .aller, spelling: "aller", argument: "SECTION|CLÉ", argumentRequired: true,
            summary: "va à une section ou à une question",
            details:
                "« /aller demographie » va à la première question ouverte de la section ; « /aller territoire.communes » va à cette question. Tab complète les noms."
        ),
        CommandSpec(
            name: .retour, spelling: "retour", argument: nil, argumentRequired: false,
            summary: "revient à la question précédente",
            details: "La question précédente est reposée avec sa réponse actuelle ; Entrée sur une ligne vide la garde."),
        CommandSpec(
            name: .passer, spelling: "passer", argument: nil, argumentRequired: false,
            summary: "passe la question (vous pourrez y revenir)",
            details: "La question reste à faire ; /sections compte les questions passées et /aller y ramène."),
        CommandSpec(
            name: .revoir, spelling: "revoir", argument: "[SECTION | CLÉ]", argumentRequired: false,
            summary: "affiche les réponses : valeur, source, qui, quand",
            details:
                "Sans argument, toutes les sections ; « /revoir demographie » une seule ; « /revoir territoire.communes » une réponse entière (chaque commune avec son code et sa population, chaque élément d'une liste avec tous ses champs)."
        ),
        CommandSpec(
            name: .modifier, spelling: "modifier", argument: "CLÉ [VALEUR]", argumentRequired: true,
            summary: "change une réponse",
            details:
                "« /modifier demographie.medecins_generalistes.effectif 14 » enregistre directement la valeur, vérifiée comme une réponse ; sans valeur, la question est reposée. Pour une liste, la valeur ajoute un élément (champs séparés par « ; ») ; « /modifier plan.fiches.2.pilote Mairie » change un champ d'un élément (valeur vide : champ effacé s'il est facultatif)."
        ),
        CommandSpec(
            name: .historique, spelling: "historique", argument: "CLÉ", argumentRequired: true,
            summary: "montre toutes les valeurs successives d'une réponse",
            details: "Chaque changement : date, valeur, valeur précédente, participant, source."),
        CommandSpec(
            name: .annuler, spelling: "annuler", argument: nil, argumentRequired: false,
            summary: "annule la dernière modification confirmée",
            details:
                "Annule la dernière modification confirmée du classeur, quelle que soit la session qui l'a faite : réponse, /modifier, élément ajouté ou retiré (avec les lignes du plan de financement qui le suivaient), /déplacer, /confirmer (la proposition d'import revient), /passer. Dit ce qui est rétabli et repose la question. Répétée, elle remonte plus loin, y compris dans les sessions précédentes ; /refaire rétablit ce qui vient d'être annulé. /participant, /source et la position dans le questionnaire ne sont pas des modifications du classeur : /annuler ne les reprend pas. Une réponse modifiée hors de l'outil depuis n'est jamais écrasée."
        ),
        CommandSpec(
            name: .refaire, spelling: "refaire", argument: nil, argumentRequired: false,
            summary: "rétablit ce que /annuler vient d'annuler",
            details:
                "Rétablit la modification que /annuler vient d'annuler, tant qu'aucune autre modification n'a été faite depuis. Répétée, elle rétablit les suivantes."
        ),
        CommandSpec(
            name: .participant, spelling: "participant", argument: "NOM", argumentRequired: true,
            summary: "indique qui parle : les réponses suivantes lui sont attribuées",
            details:
                "Le nom est cherché dans la liste des participants (accents et majuscules indifférents). S'il n'y est pas, les réponses lui sont attribuées quand même, et /aller participants.liste permet de l'ajouter à la liste avec son organisation et son rôle."
        ),
        CommandSpec(
            name: .source, spelling: "source", argument: "[TEXTE]", argumentRequired: false,
            summary: "indique la source des chiffres de la section (« /source C@rtoSanté 2025 »)",
            details:
                "La source s'applique aux chiffres de la section où elle est donnée (démographie, structures, mobilités), jusqu'au prochain /source ; jamais au contrat, au plan d'actions, au financement ni aux réponses en texte libre hors des listes (les listes d'une section, structures ou pôles, prennent sa source). Elle est rappelée à chaque question qu'elle accompagne. L'année (4 chiffres) est retenue comme année du chiffre. « /source » seul l'efface."
        ),
        CommandSpec(
            name: .retirer, spelling: "retirer", argument: "NUMÉRO", argumentRequired: true,
            summary: "retire un élément de la liste en cours de saisie",
            details: "Pendant la saisie d'une liste, « /retirer 2 » retire le deuxième élément."),
        CommandSpec(
            name: .deplacer, spelling: "déplacer", argument: "N M", argumentRequired: true,
            summary: "déplace l'élément N de la liste en cours en position M",
            details: "Pendant la saisie d'une liste (fiches actions, axes…), « /déplacer 4 1 » met le quatrième élément en tête."),
        CommandSpec(
            name: .synthese, spelling: "synthèse", argument: "[PARTIE]", argumentRequired: false,
            summary: "calcule les indicateurs, les constats et les leviers du diagnostic",
            details:
                "Densités comparées au département et à la France, vieillissement, projection à 5 ans, accès, structures, mobilités, état de santé comparé à la France ; puis les constats, avec ce qu'en disent les acteurs (analyse croisée des propos notés par /voix), les leviers qui y répondent et les données qui manquent. « /synthèse demographie » n'affiche qu'une partie : territoire, demographie, acces, structures, mobilites, sante, constats, concertation, manquants."
        ),
        CommandSpec(
            name: .importer, spelling: "importer", argument: "rpps|finess|populations FICHIER", argumentRequired: true,
            summary: "propose des réponses à partir d'un fichier national (Annuaire Santé, FINESS, INSEE)",
            details:
                "« /importer rpps PS_LibreAcces_Personne_activite_….txt » compte les professionnels des communes du territoire et propose les effectifs ; « /importer finess fichier.csv » propose les structures et les pharmacies ; « /importer populations donnees_communes.csv » met à jour les populations. Les deux premiers calculent aussi, pour chaque commune, la distance au médecin généraliste, à la pharmacie, à l'hôpital… le plus proche, dans le territoire ou autour (estimation à vol d'oiseau, méthode dans /synthèse mobilites), et proposent les temps d'accès moyens et les pôles extérieurs. Les propositions portent le fichier et sa date d'extraction ; rien n'est remplacé sans /confirmer."
        ),
        CommandSpec(
            name: .confirmer, spelling: "confirmer", argument: "[CLÉ]", argumentRequired: false,
            summary: "accepte la proposition d'import de la question en cours (ou de CLÉ)",
            details:
                "La proposition devient la réponse, avec sa source (fichier et date d'extraction). Pour la corriger, tapez simplement une autre valeur."
        ),
        CommandSpec(
            name: .plan, spelling: "plan", argument: nil, argumentRequired: false,
            summary: "affiche le plan de financement : par action, par financeur, par année",
            details:
                "Pour chaque fiche action : dépenses, recettes et leur part, financements versés hors du budget de la collectivité ; puis la consolidation par financeur et par année, et le résultat des contrôles."
        ),
        CommandSpec(
            name: .verifier, spelling: "vérifier", argument: nil, argumentRequired: false,
            summary: "liste les réponses qui se contredisent, puis contrôle le plan de financement comme la préfecture ou l'ARS",
            details:
                "D'abord, section par section, chaque réponse qui en contredit une autre (diagnostic, plan d'actions, contrat), avec la commande qui la corrige. Puis le plan de financement : équilibre recettes = dépenses ; participation du maître d'ouvrage d'au moins 20 % des financements publics (CGCT L1111-10) sauf dérogation ; DETR + DSIL entre 20 et 80 % (R2334-27) ; taux et plafonds ; validité des aides ; FCTVA hors subventions ; données incertaines du catalogue. Chaque problème nomme l'action, la ligne et la commande qui la corrige."
        ),
        CommandSpec(
            name: .exporter, spelling: "exporter", argument: "cls|plan|synthese [FICHIER.EXT | EXT] [csv]", argumentRequired: true,
            summary:
                "écrit le projet de contrat (cls) ou le plan de financement (plan), pour Word, LibreOffice ou en Markdown, ou la synthèse en page HTML (synthese)",
            details:
                "L'extension du fichier choisit le format : « /exporter cls contrat.docx » (Word), « contrat.odt » (LibreOffice Writer), « contrat.md » (Markdown) ; le plan de même (« plan.docx », « plan.odt », « plan.md »), et en classeur de tableur : « plan.xlsx » (Excel), « plan.ods » (LibreOffice Calc), une feuille par vue (par action, par financeur, par année, contrôles), montants en nombres et totaux en formules ; « plan.csv » pour tout tableur. Le format seul écrit à côté du classeur : « /exporter cls docx » donne sessions/NOM-cls.docx ; sans rien, c'est du Markdown (-cls.md, -plan.md). « /exporter plan csv » écrit aussi un fichier CSV (séparateur « ; », virgule décimale, UTF-8). Les documents Word et LibreOffice sont en A4, avec sommaire, numéros de page et empreinte en pied de page ; les « [À compléter : …] » y sont surlignés en jaune. Les modèles sont dans templates/. « /exporter synthese page.html » écrit la synthèse en une seule page HTML pour le comité de pilotage : graphiques (densités comparées, âge, projection à cinq ans, financeurs, années), carte des communes (population, temps estimé jusqu'au médecin généraliste), structures, constats et leviers, chaque chiffre avec sa source ; elle s'ouvre dans tout navigateur, sans connexion, et s'imprime en A4."
        ),
        CommandSpec(
            name: .reunion, spelling: "réunion", argument: "nouvelle|fin [DÉTAILS]", argumentRequired: true,
            summary: "ouvre une réunion (COPIL, groupe de travail…) ou la clôt ; les réponses données pendant celle-ci y sont rattachées",
            details:
                "« /réunion nouvelle » demande le type, la date, le lieu et les présents (pris dans la liste des participants) ; « /réunion nouvelle COPIL ; 12/03/2027 ; Mairie ; Marie Dupont, Paul Martin » les donne d'un coup. Tant que la réunion est ouverte, chaque réponse, chaque propos (/voix) et chaque note (/prioriser) lui est rattaché : /revoir et /historique disent « donnée en COPIL le 12/03/2027 ». « /réunion fin Les priorités sont validées » la clôt en notant ce qui a été décidé."
        ),
        CommandSpec(
            name: .reunions, spelling: "réunions", argument: nil, argumentRequired: false,
            summary: "liste les réunions : date, présents, propos, notes et décisions",
            details:
                "Pour chaque réunion du diagnostic partagé : son type, sa date, son lieu, les présents, le nombre de réponses, de propos et de notes qui y sont rattachés, et ce qui a été décidé."
        ),
        CommandSpec(
            name: .voix, spelling: "voix", argument: "THÈME ; QUI ; PROPOS [; NOM [; RÉUNION]]", argumentRequired: true,
            summary: "note ce que dit un habitant, un professionnel, un élu ou un partenaire, depuis n'importe quelle question",
            details:
                "« /voix mobilités ; habitants ; Pas de bus pour aller chez le médecin le mardi » ajoute un propos à concertation.voix, rattaché à la réunion ouverte. Le nom ne se note que si la personne l'accepte (sinon laissez-le vide : « ; ; »). Un numéro de réunion en dernier rattache le propos à une réunion passée : « /voix mobilités ; habitants ; Rien le soir ; ; 2 ». La synthèse montre les propos à côté des constats du même thème (analyse croisée)."
        ),
        CommandSpec(
            name: .prioriser, spelling: "prioriser", argument: "[constats|leviers|fin]", argumentRequired: false,
            summary: "fait noter les constats (ou les leviers) par les présents de la réunion, de 1 à 4, et les classe",
            details:
                "Pendant une réunion ouverte : chaque constat de la synthèse est présenté, chaque présent le note de 1 (pas prioritaire) à 4 (très prioritaire), un par un ou tous d'un coup (« 4 3 4 2 », dans l'ordre des présents ; « - » pour qui ne note pas, non compté). Le classement suit la moyenne des notes (à égalité, la médiane, puis le nombre de 4 ; encore à égalité, le même rang) ; l'écart entre la note la plus haute et la plus basse dit s'il y a consensus. « /prioriser leviers » fait noter les leviers ; « /prioriser fin » s'arrête (la reprise se fait avec /prioriser) : un tour inachevé ne fixe aucune priorité. Chaque ligne est enregistrée aussitôt ; /annuler reprend toute la dernière ligne, à retaper. Une note déjà donnée se corrige avec /modifier concertation.votes.N.note."
        ),
        CommandSpec(
            name: .priorites, spelling: "priorités", argument: nil, argumentRequired: false,
            summary: "montre le classement des priorités de chaque tour, avec la dispersion des notes",
            details:
                "Pour chaque tour de /prioriser : la réunion, les votants, la méthode, et le classement avec la moyenne, la médiane et l'écart des notes. Le dernier tour achevé ordonne les fiches proposées au plan d'actions et remplit la partie « priorités » du projet de contrat."
        ),
        CommandSpec(
            name: .scenario, spelling: "scénario", argument: "nouveau NOM | liste | comparer A [B]", argumentRequired: true,
            summary: "garde une variante du classeur (un plan avec ou sans DSIL…) et compare deux variantes",
            details:
                "« /scenario nouveau sans DSIL » copie tout le classeur dans un fichier à côté de lui (sessions/NOM--sans-dsil.sqlite), qui se souvient d'où il vient : ouvrez-le comme tout classeur (atelier-sante sessions/NOM--sans-dsil.sqlite) et changez-y le plan ; ce classeur-ci n'est pas touché. « /scenario liste » montre les scénarios de ce classeur. « /scenario comparer sans-dsil » compare ce classeur au scénario, « /scenario comparer A B » deux scénarios (un nom de scénario ou un fichier .sqlite) : les réponses qui diffèrent (élément par élément pour une liste), les totaux du plan de financement par financeur et par année, les contrôles réussis d'un côté et pas de l'autre, et les lignes du projet de contrat qui changent. /fusionner FICHIER reporte un scénario retenu dans ce classeur."
        ),
        CommandSpec(
            name: .partager, spelling: "partager", argument: "FICHIER.sqlite [SECTION…]", argumentRequired: true,
            summary: "écrit une copie du classeur pour un partenaire (CPAM, MSA, médecins…), à remplir de son côté",
            details:
                "« /partager cpam.sqlite demographie » écrit une copie complète du classeur dans cpam.sqlite (jamais par-dessus un fichier existant), qui s'ouvrira à la section demographie. Le partenaire la remplit avec le même outil, sans connexion (atelier-sante cpam.sqlite, /participant SON NOM), puis vous la renvoie ; /fusionner cpam.sqlite reporte son travail ici, réponse par réponse, avec qui l'a donnée, quand et sa source."
        ),
        CommandSpec(
            name: .fusionner, spelling: "fusionner", argument: "[FICHIER | plus tard | abandon]", argumentRequired: false,
            summary: "reporte ici le travail fait dans une copie partagée ou un scénario, conflit par conflit",
            details:
                "Fusion à trois points : ce que la copie a changé depuis qu'elle a été écrite (ou depuis la dernière fusion) est repris, avec qui l'a donné, quand et sa source ; ce que vous seul avez changé reste. Une réponse changée des deux côtés autrement est un conflit, présenté avec les deux valeurs : tapez 1 pour garder la vôtre, 2 pour prendre la leur, ou une autre valeur. Dans une liste, les éléments ajoutés des deux côtés sont tous gardés ; seul un même élément modifié des deux côtés fait conflit. Rien n'est écrit avant que tous les conflits soient réglés : « /fusionner plus tard » garde les choix faits et s'arrête, « /fusionner » seul reprend, « /fusionner abandon » renonce. La fusion s'écrit d'un bloc et /annuler la reprend entière. Un fichier qui n'est pas une copie de ce classeur est refusé."
        ),
        CommandSpec(
            name: .quitter, spelling: "quitter", argument: nil, argumentRequired: false,
            summary: "quitte ; tout ce qui a été confirmé est déjà enregistré",
            details: "Ctrl-D fait de même. La prochaine ouverture du classeur reprend là où vous en étiez."),
    ]

    /// Finds a command by name, ignoring accents and case.
    public static func spec(named typed: String) -> CommandSpec? {
        byFoldedSpelling[typed.folded]
    }

    private static let byFoldedSpelling = Dictionary(all.map { ($0.spelling.folded, $0) }) { first, _ in first }
}
