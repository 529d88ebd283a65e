/// A view model read by a template: typed properties, shown to Mustache under the names the
/// template uses (French, those a project lead edits in `templates/`). `templateContext` is
/// the one place a view becomes what Mustache renders; `MarkdownText` then escapes its texts
/// and wraps each dictionary in a `DocumentObject`.
///
/// swift-mustache would also read a struct through `Mirror`, but then the template names
/// would be the Swift property names, a struct printed whole (`{{.}}`) would dump all its
/// fields, and neither the template check nor the size budget could see its keys.
protocol TemplateView: TemplateRepresentable {
    /// Template name → value. A nil value leaves the name out: a section on it must not
    /// open, where even an empty string would open `{{#base}}`.
    var templateFields: [String: (any TemplateRepresentable)?] { get }
}

/// A value as a template sees it: a text, a flag (for `{{#section}}`), a list, or an object.
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// What Mustache, the template check and the size budget read: `String`, `Bool`,
    /// `[Any]` and `[String: Any]`.
    var mustache: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let values): values.map(\.mustache)
        case .object(let fields): fields.mapValues(\.mustache)
        }
    }
}

protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateView {
    var templateValue: TemplateValue { .object(templateFields.compactMapValues { $0?.templateValue }) }

    /// The context Mustache renders: this view's fields, at any depth, as dictionaries.
    var templateContext: [String: Any] { templateFields.compactMapValues { $0?.templateValue.mustache } }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue { .flag(self) }
}

extension Field: TemplateRepresentable {
    var templateValue: TemplateValue { .text(text) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}
