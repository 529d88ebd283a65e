import Foundation
import Testing

/// A plan de financement for two actions, checked and exported as a user would.
@Suite struct FinancingDocumentTests {
    static let script = """
        Pays de test
        commune
        41018
        Marie ; Mairie ; élu

        /aller plan.fiches
        creation_msp ; ; ; ; ; ;
        aides_installation ; ; ; ; ; ;

        /aller financement
        HT
        1 ; Travaux ; investissement ; 1 000 000 ; ; 2027
        1 ; Honoraires et études ; investissement ; 200 000 ; ; 2027
        2 ; Prime communale d'installation ; fonctionnement ; 30 000 ; 0 ; 2027

        region_cvl_msp ; Région Centre-Val de Loire — maisons de santé ; Région Centre-Val de Loire ; investissement ; 25 ; 150 000 ; ; 31/12/2027 ; délibération du conseil régional (exemple de test) ; 2025 ; incertain

        1 ; detr ; sollicité ; ; 30 ; 2027
        1 ; region_cvl_msp ; sollicité ; 150 000 ; ; 2027
        1 ; departement_msp ; à solliciter ; 100 000 ; ; 2027
        1 ; autofinancement ; acquis ; 590 000 ; ; 2027
        1 ; aci_msp ; à solliciter ; 80 000 ; ; 2028
        2 ; aide_collectivite_installation ; acquis ; 30 000 ; ; 2027
        2 ; aide_installation_zip ; à solliciter ; 10 000 ; ; 2027

        """

    @Test func aPlanForTwoActionsIsCheckedAndExportedInBothFormats() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/plan.sqlite"
        let result = try Binary.run(
            [workbook], input: Self.script + "/verifier\n/plan\n/exporter plan csv\n/exporter cls\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Contrôles : 0 erreur, 2 avertissements"), "\(result.output)")
        #expect(
            result.output.contains(
                "Dépenses : 1\u{202F}200\u{202F}000,00\u{00A0}€ HT, 240\u{202F}000,00\u{00A0}€ de TVA, 1\u{202F}440\u{202F}000,00\u{00A0}€ TTC ; FCTVA estimé :"
            ), "/plan shows HT, TVA, TTC and the FCTVA")
        #expect(result.output.contains("✓ plan de financement écrit : \(sandbox.path)/plan-plan.md\n"))
        #expect(result.output.contains("✓ tableau du plan (CSV) écrit : \(sandbox.path)/plan-plan.csv\n"))

        let markdown = try String(contentsOfFile: sandbox.path + "/plan-plan.md", encoding: .utf8).withPlainSpaces
        #expect(markdown.contains("## Fiche 1 — Créer une maison de santé pluriprofessionnelle"))
        #expect(
            markdown.contains(
                "| DETR — dotation d'équipement des territoires ruraux | État (préfecture) | sollicité | 360\u{202F}000,00\u{00A0}€ | 30\u{00A0}% |"
            ))
        #expect(markdown.contains("Hors budget de la collectivité (versé aux professionnels ou aux structures) : ACI MSP"))
        #expect(markdown.contains("Le plan respecte l'équilibre des recettes et des dépenses"))

        // The CSV, read by Python's csv module with ';', gives the same totals as the plan.
        let check = """
            import csv, collections
            rows = list(csv.DictReader(open('\(sandbox.path)/plan-plan.csv', encoding='utf-8-sig', newline=''), delimiter=';'))
            totals = collections.defaultdict(float)
            for r in rows:
                if r['dans_budget_collectivite'] == 'oui':
                    totals[(r['fiche'], r['type'])] += float(r['montant_ht_euros'].replace(',', '.'))
            print(len(rows), totals[('1', 'dépense')], totals[('1', 'recette')], totals[('2', 'dépense')], totals[('2', 'recette')])
            """
        let printed = try python(check)
        #expect(printed == "11 1200000.0 1200000.0 30000.0 30000.0\n")

        // HT, TVA, TTC and the FCTVA: the CSV's lines add up to what the Markdown plan says.
        let vat = """
            import csv
            rows = list(csv.DictReader(open('\(sandbox.path)/plan-plan.csv', encoding='utf-8-sig', newline=''), delimiter=';'))
            number = lambda text: float(text.replace(',', '.'))
            expenses = [r for r in rows if r['type'] == 'dépense']
            fctva = [r for r in rows if r['type'] == 'FCTVA estimé']
            print(sum(number(r['ht_euros']) for r in expenses), sum(number(r['tva_euros']) for r in expenses),
                  sum(number(r['ttc_euros']) for r in expenses), [(r['fiche'], r['montant_ht_euros'], r['dans_budget_collectivite']) for r in fctva])
            """
        #expect(try python(vat) == "1230000.0 240000.0 1470000.0 [('1', '236217,60', 'non')]\n")
        #expect(
            markdown.contains(
                "Dépenses du plan : 1\u{202F}230\u{202F}000,00\u{00A0}€ HT, 240\u{202F}000,00\u{00A0}€ de TVA, 1\u{202F}470\u{202F}000,00\u{00A0}€ TTC."
            ))
        #expect(markdown.contains("FCTVA estimé : 236\u{202F}217,60\u{00A0}€, soit 16,404\u{00A0}% du TTC des dépenses d'investissement"))
        // The fiche of the CLS draft says the same as the plan and the CSV.
        let draft = try String(contentsOfFile: sandbox.path + "/plan-cls.md", encoding: .utf8)
        #expect(
            draft.withPlainSpaces.contains(
                "Dépenses : 1\u{202F}200\u{202F}000,00\u{00A0}€ HT, 240\u{202F}000,00\u{00A0}€ de TVA, 1\u{202F}440\u{202F}000,00\u{00A0}€ TTC. FCTVA estimé sur les investissements : 236\u{202F}217,60\u{00A0}€"
            ), "\(draft)")
        #expect(
            markdown.contains(
                "| **Total des dépenses** | | | **1\u{202F}200\u{202F}000,00\u{00A0}€** | **240\u{202F}000,00\u{00A0}€** | **1\u{202F}440\u{202F}000,00\u{00A0}€** |"
            ))
    }

    @Test func aMissingPlanTemplateIsRefusedAndNoEmptyDocumentIsWritten() throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool()
        try FileManager.default.removeItem(atPath: resources + "/templates/financement/plan.mustache")
        let result = try Binary.run(
            [sandbox.path + "/t.sqlite", "--ressources", resources], input: "Pays test\n/exporter plan\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "Ligne 2 : Plan de financement non écrit — templates/financement/plan.mustache : modèle principal introuvable. Le classeur n'a pas été modifié."
            ), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/t-plan.md"))
    }

    @Test func theChecksNameTheActionAndTheLineToFix() throws {
        let sandbox = Sandbox()
        let broken = Self.script.replacingOccurrences(
            of: "1 ; autofinancement ; acquis ; 590 000 ; ; 2027", with: "1 ; autofinancement ; acquis ; 100 000 ; ; 2027")
        let result = try Binary.run([sandbox.path + "/p.sqlite"], input: broken + "/verifier\n", in: sandbox.path)
        let output = result.output.replacingOccurrences(of: "\n    ", with: " ")  // problems are wrapped at 100 columns
        #expect(
            output.contains(
                "✗ Fiche 1 (Créer une maison de santé pluriprofessionnelle), équilibre : recettes 710\u{202F}000,00\u{00A0}€ pour 1\u{202F}200\u{202F}000,00\u{00A0}€ de dépenses (HT) : il manque 490\u{202F}000,00\u{00A0}€."
            ), "\(output)")
        // Own 100 000 € of (100 000 + DETR 360 000 + Région 150 000 + Département 100 000) = 14,1 %.
        #expect(
            output.contains(
                "participation du maître d'ouvrage : 100\u{202F}000,00\u{00A0}€, soit 14,1\u{00A0}% des financements publics (710\u{202F}000,00\u{00A0}€) : au moins 20\u{00A0}% exigés par l'article L1111-10 du CGCT, soit 142\u{202F}000,00\u{00A0}€"
            ))
        #expect(result.output.contains("→ /aller financement.derogations"))
    }

    /// A receipt typed without its year is refused, in French, and lands nowhere; an expense
    /// after the contract's last year is refused with the contract's years.
    @Test func aReceiptWithoutAYearOrAnExpenseAfterTheContractIsRefused() throws {
        let sandbox = Sandbox()
        let script = Self.script + "/modifier contrat.signature_prevue 15/03/2027\n/modifier contrat.duree_annees 5\n"
        let result = try Binary.run(
            [sandbox.path + "/p.sqlite"],
            input: script + "/aller financement.recettes\n2 ; autofinancement ; acquis ; 1 000\n", in: sandbox.path)
        #expect(
            result.errors.withPlainSpaces.contains("Réponse refusée : le champ « Année de versement » est vide."), "\(result.errors)")
        let plan = try Binary.run([sandbox.path + "/p.sqlite"], input: "/exporter plan csv\n", in: sandbox.path)
        #expect(plan.status == 0)
        let csv = try String(contentsOfFile: sandbox.path + "/p-plan.csv", encoding: .utf8)
        #expect(!csv.contains("1000,00"), "the refused receipt is not in the plan")
        let late = try Binary.run(
            [sandbox.path + "/p.sqlite"], input: "/aller financement.depenses\n2 ; Prime ; fonctionnement ; 1 000 ; 0 ; 2033\n",
            in: sandbox.path)
        #expect(
            late.errors.withPlainSpaces.contains("la dépense 4 est prévue en 2033, après la fin du contrat en 2032 (contrat.duree_annees)"),
            "\(late.errors)")
    }
}
